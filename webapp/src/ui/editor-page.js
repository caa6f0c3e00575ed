import { drawSrc } from '../collab/session.js';
import { documentIdFromPath, viewTokenFromPath, useViewLink } from './api.js';
import { localStore, storedName } from './identity.js';
import { claimForThisTab, sweepForThisTab } from './tab-claim.js';
import { openEditor } from './editor-app.js';
import { el } from './dom.js';
import { mountAccount } from './sharing.js';
import { t } from './i18n.js';

// The editor page, CONTEXT/d/{id}, or CONTEXT/v/{token} on a read-only link (the server then
// opens the document in view mode, and the page knows it by the token only). Everything reaches
// the server relative to this page, so any context path works.

const viewToken = viewTokenFromPath();
if (viewToken) useViewLink(viewToken);
const id = viewToken || documentIdFromPath();
if (id) {
  document.title = `${viewToken ? t('editor.readOnlyTitle') : id} · Tandem`;
  const storage = localStore('localStorage');
  const tabStorage = localStore('sessionStorage');
  // Resume this tab's unacknowledged edits (or a closed tab's) from the outbox: see outbox.js.
  sweepForThisTab(storage)
    .then(() => claimForThisTab({ storage, tabStorage, doc: viewToken ? `view:${viewToken}` : id, drawSrc }))
    .then(({ src, record, outbox }) => openEditor({
      id, readOnly: !!viewToken, storage, name: storedName(storage), src, record, outbox,
    }));
  if (!viewToken) mountAccount({ documentId: id }); // with sign-in: who I am, and the share dialog

} else {
  document.body.append(el('p', { class: 'fatal' }, t('editor.noSuchAddress')));
}
