import { el, setChildren } from './dom.js';
import { DOC_ID, createDocument, listDocuments, editorUrl } from './api.js';
import { localStore } from './identity.js';
import { sweepForThisTab } from './tab-claim.js';
import { t, formatDateTime, formatRelative, languageSwitch } from './i18n.js';

// The landing page, CONTEXT/: create a document, open one by name, or pick a recent one.

const status = el('p', { class: 'landing-status', role: 'status' });
const recent = el('ul', { class: 'recent' });
const waiting = el('section', { class: 'waiting', hidden: true });

const create = el('button', {
  type: 'button', class: 'primary',
  onclick: async () => {
    create.disabled = true;
    try {
      window.location.assign(editorUrl(await createDocument()));
    } catch (e) {
      status.textContent = t('landing.createFailed', { error: e.message });
      create.disabled = false;
    }
  },
}, t('landing.new'));

const nameInput = el('input', {
  type: 'text', name: 'id', required: true, maxlength: 128, placeholder: t('landing.namePlaceholder'),
  pattern: '[A-Za-z0-9][A-Za-z0-9._\\-]{0,127}', 'aria-label': t('landing.nameLabel'),
  title: t('landing.nameTitle'),
});
const open = el('form', {
  class: 'open-form',
  onsubmit: (e) => {
    e.preventDefault();
    const id = nameInput.value.trim();
    if (!DOC_ID.test(id)) {
      status.textContent = t('landing.badName');
      return;
    }
    // A document that does not exist yet is created when the editor connects.
    window.location.assign(editorUrl(id));
  },
}, nameInput, el('button', { type: 'submit' }, t('landing.open')));

document.body.append(el('main', { class: 'landing' },
  languageSwitch(),
  el('h1', {}, 'Tandem'),
  el('p', { class: 'tagline' }, t('landing.tagline')),
  el('section', { class: 'actions' }, create, el('span', { class: 'or' }, t('landing.or')), open),
  status,
  waiting,
  el('h2', {}, t('landing.recent')),
  recent));

loadRecent();
showWaiting();

/** Edits this browser kept for documents not open anywhere: opening one sends them. */
async function showWaiting() {
  const list = await sweepForThisTab(localStore('localStorage'));
  if (!list.length) return;
  setChildren(waiting,
    el('h2', {}, t('landing.waitingTitle')),
    el('p', { class: 'meta' }, t('landing.waitingHint')),
    el('ul', { class: 'recent' }, list.map((w) => el('li', {},
      el('a', { href: editorUrl(w.doc) }, w.doc),
      el('span', { class: 'meta' },
        ` ${t('landing.waitingEdits', { count: w.edits })}`, w.saved ? [' · ', when(w.saved)] : null)))));
  waiting.hidden = false;
}

async function loadRecent() {
  try {
    const docs = await listDocuments();
    if (!docs.length) {
      setChildren(recent, el('li', { class: 'empty' }, t('landing.empty')));
      return;
    }
    setChildren(recent, docs.slice(0, 50).map((d) => el('li', {},
      el('a', { href: editorUrl(d.id) }, d.id),
      el('span', { class: 'meta' }, ` ${t('landing.documentMeta', { count: d.length, rev: d.rev })} · `, when(d.updated)))));
  } catch (e) {
    setChildren(recent, el('li', { class: 'empty' }, t('landing.listFailed', { error: e.message })));
  }
}

/** "5 minutes ago", the full date and time on hover. */
function when(time) {
  const date = new Date(time);
  if (Number.isNaN(date.getTime())) return '';
  return el('time', { datetime: date.toISOString(), title: formatDateTime(date) }, formatRelative(date));
}
