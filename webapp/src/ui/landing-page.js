import { el, setChildren } from './dom.js';
import { DOC_ID, createDocument, editorUrl } from './api.js';
import { localStore } from './identity.js';
import { sweepForThisTab } from './tab-claim.js';
import { myDocuments, rememberDocument, forgetDocument } from './my-documents.js';
import { mountAccount, mountMyDocuments } from './sharing.js';

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
const nameWarning = el('p', { class: 'name-warning' },
  'Anyone who guesses a name can read and edit that document. For one only the people you give its link to can find, use New document.');

document.body.append(el('main', { class: 'landing' },
  el('h1', {}, 'Tandem'),
  el('p', { class: 'tagline' }, 'Write together, in real time.'),
  el('section', { class: 'actions' }, create, el('span', { class: 'or' }, 'or open by name'), open),
  nameWarning,
  status,
  waiting,
  el('h2', {}, 'Your documents'),
  el('p', { class: 'meta' }, 'Documents this browser created or opened, kept only in this browser.'),
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
    el('h2', {}, 'Unsynced changes on this device'),
    el('p', { class: 'meta' }, 'Typed while offline and not sent yet. Open the document to send them.'),
    el('ul', { class: 'recent' }, list.map((w) => el('li', {},
      el('a', { href: editorUrl(w.doc) }, w.doc),
      el('span', { class: 'meta' },
        ` ${w.edits} unsynced change${w.edits === 1 ? '' : 's'}${w.saved ? ` · ${formatTime(new Date(w.saved).toISOString())}` : ''}`)))));
  waiting.hidden = false;
}

function showMine() {
  const docs = myDocuments(storage);
  if (!docs.length) {
    setChildren(recent, el('li', { class: 'empty' }, 'No documents in this browser yet.'));
    return;
  }
  setChildren(recent, docs.map((d) => el('li', { dataset: { id: d.id } },
    el('a', { href: editorUrl(d.id), title: d.id }, d.title),
    el('span', { class: 'meta' }, ` ${formatTime(new Date(d.seen).toISOString())} `),
    el('button', {
      type: 'button',
      class: 'forget',
      title: 'Take it off this list (the document itself stays)',
      'aria-label': `Forget ${d.title}`,
      onclick: () => {
        forgetDocument(storage, d.id);
        showMine();
      },
    }, 'forget'))));
}

function formatTime(iso) {
  const time = new Date(iso);
  return Number.isNaN(time.getTime()) ? '' : time.toLocaleString();
}
