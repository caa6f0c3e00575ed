import { EditorView } from '@codemirror/view';
import { Session } from '../collab/session.js';
import { HEARTBEAT_MS } from '../collab/outbox.js';
import { attribute, spans } from '../collab/authorship.js';
import { socketUrl, operations } from './api.js';
import { rememberName } from './identity.js';
import { createEditor, setEditable } from './editor-view.js';
import { collabSync, applyRemote } from './collab-sync.js';
import { setRemoteUsers } from './remote-cursors.js';
import { authorship, setAuthorship } from './authorship-view.js';
import { createHeader } from './header.js';
import { createPreview } from './preview.js';
import { createHistory } from './history.js';
import { createVersionsPanel } from './versions-panel.js';
import { createCommentsPanel } from './comments-panel.js';
import { exportDocument } from './export.js';
import { el } from './dom.js';
import { t } from './i18n.js';
import { titleOf } from './title.js';
import { rememberDocument } from './my-documents.js';
import { createRefusedEdits } from './refused-edits.js';

/** What the page says of a problem the session reports (session.js, onError), by its kind. */
const PROBLEMS = {
  refused: 'problem.refused',
  server: 'problem.server',
  storage: 'problem.storage',
};

/**
 * Builds the editor page for document `id` and connects it: the protocol client (src/collab)
 * wired to CodeMirror, the header, preview, history and authorship views.
 * @param {object} o {id, readOnly, storage, name, src, record, outbox} — see editor-page.js; on a
 *   read-only link `id` is the link's token and the server sends mode "view"
 */
export function openEditor({ id, readOnly = false, storage, name: initialName, src, record, outbox }) {
  let name = initialName;
  const main = el('main', { class: 'workspace' });
  const live = el('div', { class: 'pane live' });
  const viewer = el('div', { class: 'pane viewer', hidden: true });
  const previewPane = el('article', { class: 'pane preview markdown-body', hidden: true, 'aria-label': t('toggle.preview') });
  const historyBar = el('footer', { class: 'history-bar', hidden: true });
  const messages = el('div', { class: 'messages', role: 'alert' });
  const refusedEdits = createRefusedEdits({ id });
  main.append(live, viewer, previewPane);

  let view = null;
  let versions = null;
  let comments = null;
  let users = [];
  const state = { history: false, authorship: false };

  const session = new Session({
    doc: id,
    url: socketUrl(id),
    src,
    name,
    restored: record,
    outbox,
    openSocket: (url) => new WebSocket(url),
    listeners: {
      onChange: (op) => {
        applyRemote(view, op);
        preview.changed();
        rememberSoon();
      },
      onStatus: (status) => {
        if (status.rev !== null && !remembered) remember();
        header.setStatus(status);
        document.body.dataset.connection = status.connection;
        setEditable(view, status.rev !== null && status.mode === 'edit');
        if (versions) versions.statusChanged();
        if (comments) comments.statusChanged();
      },
      onPresence: (list) => {
        users = list;
        view.dispatch({ effects: setRemoteUsers.of(list) });
        header.setUsers(list);
      },
      onThread: () => { if (comments) comments.refresh(true); },
      onError: (message, problem) => {
        console.warn(`Tandem: ${message}`);
        // The protocol client's words are for developers: the reader gets the problem in theirs.
        showMessage(problem && PROBLEMS[problem.kind] ? t(PROBLEMS[problem.kind], problem) : t('editor.problem', { detail: message }));
      },
      onLost: (lost) => refusedEdits.show(lost),
    },
  });

  const header = createHeader({
    id,
    readOnly,
    name,
    onRename: (newName) => {
      name = newName;
      rememberName(storage, name);
      session.setName(name);
    },
    onJump: (client) => {
      const user = users.find((u) => u.client === client);
      if (user && user.ranges && user.ranges.length) {
        view.dispatch({ effects: EditorView.scrollIntoView(user.ranges[0].head, { y: 'center' }) });
        view.focus();
      }
    },
    onToggle: (what) => toggle(what),
    onExport: (kind) => exportDocument(kind, id, session.text),
  });

  document.body.append(header.element, refusedEdits.element, messages, main, historyBar);

  view = createEditor({
    parent: live,
    doc: session.text,
    editable: !!record && !readOnly,
    extensions: [
      collabSync(session),
      authorship,
      EditorView.updateListener.of((update) => {
        if (!update.docChanged) return;
        preview.changed();
        rememberSoon();
      }),
    ],
  });
  const preview = createPreview(previewPane, () => session.text);
  versions = createVersionsPanel({
    id, readOnly, session, view, storage, main, liveParent: live, header: header.element,
    name: () => name,
    onMessage: (text) => showMessage(text),
  });
  comments = createCommentsPanel({
    id, readOnly, session, view, storage, main, header: header.element,
    name: () => name,
    onMessage: (text) => showMessage(text),
  });
  const history = createHistory({
    id,
    bar: historyBar,
    viewerParent: viewer,
    liveParent: live,
    onActive: (active) => {
      state.history = active;
      header.setToggle('history', active);
    },
  });

  function toggle(what) {
    if (what === 'preview') {
      preview.setVisible(!preview.visible);
      main.classList.toggle('with-preview', preview.visible);
      header.setToggle('preview', preview.visible);
    } else if (what === 'history') {
      history.toggle();
    } else if (what === 'authorship') {
      state.authorship = !state.authorship;
      header.setToggle('authorship', state.authorship);
      if (state.authorship) showAuthorship();
      else view.dispatch({ effects: setAuthorship.of(null) });
    }
  }

  /** Colours the text by author from the op log, brought to the editor's coordinates. */
  async function showAuthorship() {
    try {
      const rev = session.rev;
      const entries = await operations(id, 0, rev);
      if (!state.authorship) return;
      if (session.rev !== rev || entries.length !== rev) {
        showMessage(t('authors.changed'));
      }
      // Positions are in the server text at `rev`; our unacknowledged edits shift them.
      const local = spans(attribute(entries)).map((s) => {
        const [range] = session.state.transformRanges([{ anchor: s.from, head: s.to }]);
        return { from: range.anchor, to: range.head, author: s.author };
      });
      view.dispatch({ effects: setAuthorship.of(session.rev === rev ? local : []) });
    } catch (e) {
      showMessage(t('authors.unavailable', { error: e.message }));
    }
  }

  // This browser's list of its documents (the landing page's): the document and the title this
  // page last saw, written once it is in and then at most once a second while the text changes.
  let remembered = false;
  let rememberTimer = null;
  function remember() {
    clearTimeout(rememberTimer);
    rememberTimer = null;
    if (readOnly) return; // a read-only link's page knows no id to list
    remembered = true;
    rememberDocument(storage, id, titleOf(id, session.text));
  }
  function rememberSoon() {
    if (remembered && !rememberTimer) rememberTimer = setTimeout(remember, 1000);
  }

  let messageTimer = null;
  function showMessage(text) {
    messages.textContent = text;
    clearTimeout(messageTimer);
    messageTimer = setTimeout(() => { messages.textContent = ''; }, 8000);
  }

  // Keep this tab's claim on its outbox; give it up when the page goes away, so a reload resumes it.
  setInterval(() => outbox.heartbeat(Date.now()), HEARTBEAT_MS);
  window.addEventListener('pagehide', () => {
    outbox.release();
    if (remembered) remember();
  });
  window.addEventListener('pageshow', (e) => { if (e.persisted) outbox.heartbeat(Date.now()); });
  window.addEventListener('online', () => session.reconnectNow());
  // A tab coming back to the front should not wait out a backoff that grew while it was hidden.
  document.addEventListener('visibilitychange', () => { if (!document.hidden) session.reconnectNow(); });
  window.addEventListener('offline', () => session.emitStatus());
  window.addEventListener('beforeunload', (e) => {
    // Only when the edits could not be kept on this device would leaving lose them.
    if (session.saveFailed && session.state.unsyncedEdits) e.preventDefault();
  });

  // For the browser tests and the curious.
  window.tandem = { session, view, id, comments };

  session.start();
  view.focus();
}
