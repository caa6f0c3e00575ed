import { el, setChildren } from './dom.js';
import { DOC_ID, createDocument, listDocuments, editorUrl } from './api.js';
import { localStore } from './identity.js';
import { sweepForThisTab } from './tab-claim.js';
import { mountAccount } from './sharing.js';

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
      status.textContent = `Could not create a document: ${e.message}`;
      create.disabled = false;
    }
  },
}, 'New document');

const nameInput = el('input', {
  type: 'text', name: 'id', required: true, maxlength: 128, placeholder: 'meeting-notes',
  pattern: '[A-Za-z0-9][A-Za-z0-9._\\-]{0,127}', 'aria-label': 'Document name',
  title: 'Letters, digits, dot, dash and underscore; starting with a letter or digit',
});
const open = el('form', {
  class: 'open-form',
  onsubmit: (e) => {
    e.preventDefault();
    const id = nameInput.value.trim();
    if (!DOC_ID.test(id)) {
      status.textContent = 'A name is 1 to 128 letters, digits, ".", "_" or "-", starting with a letter or digit.';
      return;
    }
    // A document that does not exist yet is created when the editor connects.
    window.location.assign(editorUrl(id));
  },
}, nameInput, el('button', { type: 'submit' }, 'Open'));

document.body.append(el('main', { class: 'landing' },
  el('h1', {}, 'Tandem'),
  el('p', { class: 'tagline' }, 'Write together, in real time.'),
  el('section', { class: 'actions' }, create, el('span', { class: 'or' }, 'or open by name'), open),
  status,
  waiting,
  el('h2', {}, 'Recent documents'),
  recent));

loadRecent(); // with sign-in the server lists My documents: those I own or that are shared with me
showWaiting();
mountAccount();

/** Edits this browser kept for documents not open anywhere: opening one sends them. */
async function showWaiting() {
  const list = await sweepForThisTab(localStore('localStorage'));
  if (!list.length) return;
  setChildren(waiting,
    el('h2', {}, 'Unsynced changes on this device'),
    el('p', { class: 'meta' }, 'Typed while offline and not sent yet. Open the document to send them.'),
    el('ul', { class: 'recent' }, list.map((w) => el('li', {},
      el('a', { href: editorUrl(w.doc) }, w.doc),
      el('span', { class: 'meta' },
        ` ${w.edits} unsynced change${w.edits === 1 ? '' : 's'}${w.saved ? ` · ${formatTime(new Date(w.saved).toISOString())}` : ''}`)))));
  waiting.hidden = false;
}

async function loadRecent() {
  try {
    const docs = await listDocuments();
    if (!docs.length) {
      setChildren(recent, el('li', { class: 'empty' }, 'No documents yet.'));
      return;
    }
    setChildren(recent, docs.slice(0, 50).map((d) => el('li', {},
      el('a', { href: editorUrl(d.id) }, d.id),
      el('span', { class: 'meta' }, ` ${d.length} characters · revision ${d.rev} · ${formatTime(d.updated)}`))));
  } catch (e) {
    setChildren(recent, el('li', { class: 'empty' }, `Could not list documents (${e.message}).`));
  }
}

function formatTime(iso) {
  const time = new Date(iso);
  return Number.isNaN(time.getTime()) ? '' : time.toLocaleString();
}
