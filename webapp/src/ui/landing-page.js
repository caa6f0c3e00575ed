import { el, setChildren } from './dom.js';
import { DOC_ID, createDocument, editorUrl } from './api.js';
import { localStore } from './identity.js';
import { sweepForThisTab } from './tab-claim.js';
import { myDocuments, rememberDocument, forgetDocument } from './my-documents.js';
import { mountAccount, mountMyDocuments } from './sharing.js';
import { t, formatDateTime, formatRelative, languageSwitch } from './i18n.js';

// The landing page, CONTEXT/: create a document, open one by name, or pick one of this browser's.
// The list is this browser's own (my-documents.js): the server tells nobody which documents exist.

const storage = localStore('localStorage');

const status = el('p', { class: 'landing-status', role: 'status' });
const recent = el('ul', { class: 'recent' });
const waiting = el('section', { class: 'waiting', hidden: true });

const create = el('button', {
  type: 'button', class: 'primary',
  onclick: async () => {
    create.disabled = true;
    try {
      const id = await createDocument();
      rememberDocument(storage, id, id);
      window.location.assign(editorUrl(id));
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
const nameWarning = el('p', { class: 'name-warning' }, t('landing.nameWarning'));

document.body.append(el('main', { class: 'landing' },
  languageSwitch(),
  el('h1', {}, 'Tandem'),
  el('p', { class: 'tagline' }, t('landing.tagline')),
  el('section', { class: 'actions' }, create, el('span', { class: 'or' }, t('landing.or')), open),
  nameWarning,
  status,
  waiting,
  el('h2', {}, t('landing.mine')),
  el('p', { class: 'meta' }, t('landing.mineHint')),
  recent));

showMine();
showWaiting();
mountAccount();
mountMyDocuments(recent); // with sign-in the server lists My documents instead: owned or shared with me

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

function showMine() {
  const docs = myDocuments(storage);
  if (!docs.length) {
    setChildren(recent, el('li', { class: 'empty' }, t('landing.mineEmpty')));
    return;
  }
  setChildren(recent, docs.map((d) => el('li', { dataset: { id: d.id } },
    el('a', { href: editorUrl(d.id), title: d.id }, d.title),
    el('span', { class: 'meta' }, ' ', when(d.seen), ' '),
    el('button', {
      type: 'button',
      class: 'forget',
      title: t('landing.forgetTitle'),
      'aria-label': t('landing.forgetLabel', { title: d.title }),
      onclick: () => {
        forgetDocument(storage, d.id);
        showMine();
      },
    }, t('landing.forget')))));
}

/** "5 minutes ago", the full date and time on hover. */
function when(time) {
  const date = new Date(time);
  if (Number.isNaN(date.getTime())) return '';
  return el('time', { datetime: date.toISOString(), title: formatDateTime(date) }, formatRelative(date));
}
