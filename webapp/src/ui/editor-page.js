import { drawSrc } from '../collab/session.js';
import { documentIdFromPath } from './api.js';
import { localStore, storedName } from './identity.js';
import { claimForThisTab, sweepForThisTab } from './tab-claim.js';
import { openEditor } from './editor-app.js';
import { el } from './dom.js';

// The editor page, CONTEXT/d/{id}. Everything reaches the server relative to this page, so any
// context path works.

const id = documentIdFromPath();
if (id) {
  document.title = `${id} · Tandem`;
  const storage = localStore('localStorage');
  const tabStorage = localStore('sessionStorage');
  // Resume this tab's unacknowledged edits (or a closed tab's) from the outbox: see outbox.js.
  sweepForThisTab(storage)
    .then(() => claimForThisTab({ storage, tabStorage, doc: id, drawSrc }))
    .then(({ src, record, outbox }) => openEditor({ id, storage, name: storedName(storage), src, record, outbox }));
} else {
  document.body.append(el('p', { class: 'fatal' }, 'No such document address.'));
}
