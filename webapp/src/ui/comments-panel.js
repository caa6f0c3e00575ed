import { keymap, EditorView } from '@codemirror/view';
import { StateEffect } from '@codemirror/state';
import { drawSrc } from '../collab/src-id.js';
import { listThreads, openThread, replyToThread, resolveThread, editComment, deleteComment } from './api.js';
import { commentHighlights, setCommentAnchors, selectThread } from './comment-highlight.js';
import { el, setChildren } from './dom.js';
import { t, formatDateTime, formatRelative } from './i18n.js';

const AUTHOR_KEY = 'tandem:comment-src';
const OWN_KEY = 'tandem:own-comments';
/** How often threads are read again besides the server's notices (which a catching-up client can miss). */
const REFRESH_MS = 10000;

/**
 * Comment threads beside the text: highlights on the anchored text (mapped through every edit,
 * comment-highlight.js), a side panel with the threads, a new comment from the selection (the
 * panel's button or Ctrl-Alt-M), replies, resolve and reopen, editing and deleting one's own, a
 * filter for open and resolved threads. Threads come from the HTTP API (PROTOCOL.md /threads),
 * read again after every change made here, whenever the server's `thread` message tells of a
 * change (the session asks for them in its hello), and every few seconds as a fallback.
 * This browser is a comment's author when it wrote it: it keeps a key of its own (AUTHOR_KEY) and
 * the ids of its comments.
 * @param {object} o {id, readOnly, session, view, storage, main, header (element), name(), onMessage(text)}
 */
export function createCommentsPanel(o) {
  let open = false;
  let threads = [];
  let filter = 'open';
  let pending = null; // {from, to, quote} of a comment being written
  let timer = null;

  const authorKey = remembered(AUTHOR_KEY, () => drawSrc());
  const own = new Set(JSON.parse(remembered(OWN_KEY, () => '[]')));

  const filterSelect = el('select', { class: 'comment-filter', 'aria-label': t('comments.filter'), onchange: () => { filter = filterSelect.value; render(); } },
    el('option', { value: 'open' }, t('comments.filterOpen')), el('option', { value: 'resolved' }, t('comments.filterResolved')),
    el('option', { value: 'all' }, t('comments.filterAll')));
  const newButton = o.readOnly ? null : el('button', {
    type: 'button', class: 'new-comment-button', title: t('comments.newTitle'), onclick: () => startComment(),
  }, t('comments.new'));
  const draftQuote = el('blockquote', { class: 'draft-quote' });
  const draftText = el('textarea', {
    class: 'draft-text', rows: 3, 'aria-label': t('comments.yourComment'),
    onkeydown: (e) => {
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) submitComment();
      if (e.key === 'Escape') cancelComment();
    },
  });
  const draft = el('div', { class: 'comment-draft', hidden: true }, draftQuote, draftText,
    el('div', { class: 'comment-actions' },
      el('button', { type: 'button', class: 'draft-submit', onclick: () => submitComment() }, t('comments.submit')),
      el('button', { type: 'button', class: 'draft-cancel', onclick: () => cancelComment() }, t('comments.cancel'))));
  const list = el('ul', { class: 'thread-list', 'aria-label': t('comments.threads') });
  const panel = el('aside', { class: 'comments-panel', hidden: true, 'aria-label': t('comments.title') },
    el('h2', {}, t('comments.title')),
    el('div', { class: 'comment-tools' }, ...(newButton ? [newButton] : []), filterSelect),
    draft, list);
  o.main.append(panel);

  const button = el('button', {
    type: 'button', class: 'toggle comments-toggle', 'aria-pressed': 'false', title: t('comments.threads'), onclick: () => toggle(),
  }, t('comments.title'));
  o.header.insertBefore(button, o.header.querySelector('.export'));

  o.view.dispatch({
    effects: StateEffect.appendConfig.of([
      commentHighlights,
      keymap.of([{ key: 'Ctrl-Alt-m', run: () => { startComment(); return true; } }]),
      EditorView.domEventHandlers({
        click: (event) => {
          const mark = event.target.closest && event.target.closest('[data-thread]');
          if (mark) showThread(mark.dataset.thread);
        },
      }),
    ]),
  });

  function remembered(key, make) {
    try {
      const value = o.storage.getItem(key);
      if (value) return value;
      const made = make();
      o.storage.setItem(key, made);
      return made;
    } catch (e) {
      return make();
    }
  }

  function rememberOwn(commentId) {
    own.add(commentId);
    try { o.storage.setItem(OWN_KEY, JSON.stringify([...own])); } catch (e) { /* storage denied */ }
  }

  /** Reads the threads and shows them; their anchors are moved over our unsynced edits. */
  async function refresh(quiet = false) {
    let listed;
    const rev = o.session.rev;
    try {
      listed = await listThreads(o.id);
    } catch (e) {
      if (!quiet && e.status !== 404) o.onMessage(t('comments.unavailable', { error: e.message }));
      return;
    }
    const at = listed.length ? listed[0].rev : rev;
    if (o.session.rev !== at || rev !== o.session.rev) {
      // the server's head and ours differ for a moment: place them on the next read
      schedule(200);
      return;
    }
    threads = listed;
    const anchors = threads.map((thread) => {
      if (thread.detached) return { id: thread.id, from: thread.from, to: thread.to, detached: true, resolved: thread.resolved };
      const [range] = o.session.state.transformRanges([{ anchor: thread.from, head: thread.to }]);
      return { id: thread.id, from: range.anchor, to: range.head, detached: false, resolved: thread.resolved };
    });
    o.view.dispatch({ effects: setCommentAnchors.of(anchors) });
    render();
  }

  function schedule(ms = REFRESH_MS) {
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (!document.hidden) refresh(true).finally(() => schedule());
      else schedule();
    }, ms);
  }

  function render() {
    const shown = threads.filter((thread) => filter === 'all' || (filter === 'resolved') === thread.resolved);
    setChildren(list, shown.length ? shown.map(threadItem)
      : [el('li', { class: 'no-threads' }, t(filter === 'resolved' ? 'comments.noResolved' : 'comments.noOpen'))]);
  }

  function threadItem(thread) {
    const replyText = el('textarea', {
      class: 'reply-text', rows: 2, 'aria-label': t('comments.reply'),
      onkeydown: (e) => { if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) reply(thread, replyText); },
    });
    const actions = o.readOnly ? [] : [
      replyText,
      el('div', { class: 'comment-actions' },
        el('button', { type: 'button', class: 'reply-button', onclick: () => reply(thread, replyText) }, t('comments.reply')),
        el('button', { type: 'button', class: 'resolve-button', onclick: () => resolve(thread) }, t(thread.resolved ? 'comments.reopen' : 'comments.resolve'))),
    ];
    return el('li', {
      class: `thread${thread.detached ? ' detached' : ''}${thread.resolved ? ' resolved' : ''}`, 'data-thread': thread.id, tabindex: 0,
      onkeydown: (e) => { if (e.key === 'Enter' && e.target === e.currentTarget) showThread(thread.id); },
    },
    el('blockquote', { class: 'thread-quote', onclick: () => showThread(thread.id) },
      thread.detached ? t('comments.detached', { quote: thread.quote }) : thread.quote),
    el('ol', { class: 'comments' }, ...thread.comments.map((c) => commentItem(thread, c))),
    ...actions);
  }

  function commentItem(thread, comment) {
    const mine = !o.readOnly && own.has(comment.id);
    const when = t('history.when', { time: formatDateTime(comment.created), ago: formatRelative(comment.created) });
    return el('li', { class: 'comment', 'data-comment': comment.id },
      el('span', { class: 'comment-author' }, comment.author || t('comments.someone')),
      el('span', { class: 'comment-time' }, ` · ${when}${comment.edited ? ` · ${t('comments.edited')}` : ''}`),
      el('p', { class: 'comment-text' }, comment.text),
      ...(mine ? [el('div', { class: 'comment-actions' },
        el('button', { type: 'button', class: 'edit-comment', onclick: () => edit(thread, comment) }, t('comments.edit')),
        el('button', { type: 'button', class: 'delete-comment', onclick: () => remove(thread, comment) }, t('comments.delete')))] : []));
  }

  /** Selects a thread: highlighted apart, its text scrolled into view and its entry into the panel's. */
  function showThread(threadId) {
    if (!open) toggle();
    const range = [...o.view.state.field(commentHighlights).anchors].find((a) => a.id === threadId);
    o.view.dispatch({ effects: [selectThread.of(threadId), ...(range && !range.detached ? [EditorView.scrollIntoView(range.from, { y: 'center' })] : [])] });
    const entry = list.querySelector(`[data-thread="${threadId}"]`);
    if (entry) entry.scrollIntoView({ block: 'nearest' });
  }

  function startComment() {
    if (o.readOnly) return;
    const { from, to } = o.view.state.selection.main;
    if (from === to) {
      o.onMessage(t('comments.selectFirst'));
      return;
    }
    pending = { from, to, quote: o.view.state.sliceDoc(from, to) };
    draftQuote.textContent = pending.quote;
    draft.hidden = false;
    if (!open) toggle();
    draftText.focus();
  }

  function cancelComment() {
    pending = null;
    draft.hidden = true;
    draftText.value = '';
    o.view.focus();
  }

  /** Waits until the server has all our edits, so that editor positions are those of its head. */
  async function synced() {
    for (let i = 0; i < 200 && o.session.state.unsyncedEdits > 0; i++) await new Promise((r) => setTimeout(r, 25));
    return o.session.state.unsyncedEdits === 0;
  }

  async function submitComment() {
    const text = draftText.value.trim();
    if (!pending || !text) return;
    if (!(await synced())) {
      o.onMessage(t('comments.notSynced'));
      return;
    }
    // the highlight the draft was made on may have moved with others' edits meanwhile
    const thread = drawSrc();
    const comment = drawSrc();
    const { from, to } = pending;
    try {
      await openThread(o.id, { thread, comment, rev: o.session.rev, from, to, text, author: o.name(), src: authorKey });
      rememberOwn(comment);
      cancelComment();
    } catch (e) {
      o.onMessage(t('comments.commentFailed', { error: e.message }));
    }
    await refresh();
  }

  async function reply(thread, textarea) {
    const text = textarea.value.trim();
    if (!text) return;
    const comment = drawSrc();
    try {
      await replyToThread(o.id, thread.id, { comment, text, author: o.name(), src: authorKey });
      rememberOwn(comment);
    } catch (e) {
      o.onMessage(t('comments.replyFailed', { error: e.message }));
    }
    await refresh();
  }

  async function resolve(thread) {
    try { await resolveThread(o.id, thread.id, !thread.resolved, o.name()); } catch (e) { o.onMessage(t('comments.resolveFailed', { error: e.message })); }
    await refresh();
  }

  async function edit(thread, comment) {
    const text = window.prompt(t('comments.editPrompt'), comment.text);
    if (!text || !text.trim()) return;
    try { await editComment(o.id, thread.id, comment.id, text.trim(), authorKey); } catch (e) { o.onMessage(t('comments.editFailed', { error: e.message })); }
    await refresh();
  }

  async function remove(thread, comment) {
    try { await deleteComment(o.id, thread.id, comment.id, authorKey); } catch (e) { o.onMessage(t('comments.deleteFailed', { error: e.message })); }
    await refresh();
  }

  function toggle() {
    open = !open;
    panel.hidden = !open;
    button.setAttribute('aria-pressed', String(open));
    if (open) refresh();
  }

  return {
    /** Called with every status: the first known revision starts the reading. */
    statusChanged() {
      if (timer === null && o.session.rev !== null) {
        timer = 0;
        refresh(true).finally(() => schedule());
      }
    },
    refresh,
    get threads() { return threads; },
  };
}
