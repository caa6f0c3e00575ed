import { TextOperation } from '../collab/text-operation.js';
import { unsyncedOperation } from '../collab/states.js';
import { changesFromOperation } from '../collab/changes.js';
import { revertOperation, wordLevel, inlineView, sideBySide } from '../collab/diff-spans.js';
import { diff, listVersions, nameVersion, renameVersion, deleteVersion } from './api.js';
import { createDiffViewer } from './diff-view.js';
import { el, setChildren } from './dom.js';
import { t } from './i18n.js';

const SEEN_PREFIX = 'tandem:seen:';

/**
 * Named versions, the diff between a version (or the revision last seen) and now, and restoring
 * a version. The diff comes from the server's operations (PROTOCOL.md /diff), shown word by word,
 * inline or side by side; restoring is a local edit (the revert of that diff, moved over our own
 * unsynced edits), so it goes to the server like any edit and Ctrl-Z undoes it.
 * @param {object} o {id, readOnly, session, view (the live editor), storage, main, liveParent,
 *   header (its element gets the panel's button), name(), onMessage(text)}
 */
export function createVersionsPanel(o) {
  let open = false;
  let versions = [];
  let lastSeen = null; // the revision this browser had seen when the page opened
  let layout = 'inline';
  let shown = null; // {from, to, label, spans} of the diff on screen

  const list = el('ul', { class: 'version-list', 'aria-label': t('versions.list') });
  const since = el('p', { class: 'since-last-look', hidden: true });
  const nameInput = el('input', {
    type: 'text', class: 'version-name', maxlength: 200, 'aria-label': t('versions.nameLabel'),
    placeholder: t('versions.namePlaceholder'), onkeydown: (e) => { if (e.key === 'Enter') nameCurrent(); },
  });
  const nameForm = o.readOnly ? null : el('div', { class: 'name-version' },
    nameInput, el('button', { type: 'button', class: 'name-version-button', onclick: () => nameCurrent() }, t('versions.nameButton')));
  const panel = el('aside', { class: 'versions-panel', hidden: true, 'aria-label': t('versions.title') },
    el('h2', {}, t('versions.title')), since, ...(nameForm ? [nameForm] : []), list);

  const diffPane = el('div', { class: 'pane diff-pane', hidden: true });
  const diffTitle = el('span', { class: 'diff-title', 'aria-live': 'polite' });
  const layoutButton = el('button', { type: 'button', class: 'diff-layout', onclick: () => switchLayout() }, t('diff.sideBySide'));
  const closeDiff = el('button', { type: 'button', class: 'diff-close', onclick: () => hideDiff() }, t('history.backToLive'));
  const inlineBox = el('div', { class: 'diff-inline' });
  const beforeBox = el('div', { class: 'diff-before', 'aria-label': t('diff.before') });
  const afterBox = el('div', { class: 'diff-after', 'aria-label': t('diff.after') });
  const sides = el('div', { class: 'diff-sides', hidden: true }, beforeBox, afterBox);
  diffPane.append(el('div', { class: 'diff-bar' }, diffTitle, layoutButton, closeDiff), inlineBox, sides);
  o.main.append(diffPane, panel);
  const inlineViewer = createDiffViewer(inlineBox);
  const beforeViewer = createDiffViewer(beforeBox);
  const afterViewer = createDiffViewer(afterBox);

  const button = el('button', {
    type: 'button', class: 'toggle versions-toggle', 'aria-pressed': 'false', title: t('versions.toggleTitle'),
    onclick: () => toggle(),
  }, t('versions.title'));
  const exportMenu = o.header.querySelector('.export');
  o.header.insertBefore(button, exportMenu);

  function seenKey() {
    return SEEN_PREFIX + o.id;
  }

  /** Called with every status: on the first known revision, compares it with the last visit's. */
  function statusChanged() {
    if (lastSeen !== null || o.session.rev === null) return;
    let stored = null;
    try { stored = o.storage.getItem(seenKey()); } catch (e) { /* storage denied */ }
    lastSeen = stored === null ? o.session.rev : Math.min(Number(stored), o.session.rev);
    if (!Number.isSafeInteger(lastSeen) || lastSeen < 0) lastSeen = o.session.rev;
    const changes = o.session.rev - lastSeen;
    if (changes > 0) {
      setChildren(since, t('versions.sinceLastLook', { count: changes }), ' ',
        el('button', { type: 'button', class: 'since-last-look-button', onclick: () => showDiff(lastSeen, t('diff.sinceLastLook')) }, t('versions.showThem')));
      since.hidden = false;
      button.textContent = t('versions.titleChanged');
    }
    remember();
  }

  /** This browser has now seen the document as it is. */
  function remember() {
    if (o.session.rev === null) return;
    try { o.storage.setItem(seenKey(), String(o.session.rev)); } catch (e) { /* storage denied */ }
  }

  async function refresh() {
    try {
      versions = await listVersions(o.id);
    } catch (e) {
      o.onMessage(t('versions.unavailable', { error: e.message }));
      return;
    }
    setChildren(list, versions.length ? versions.map(item) : [el('li', { class: 'no-versions' }, t('versions.none'))]);
  }

  function item(version) {
    const meta = version.author
      ? t('versions.metaBy', { rev: version.rev, author: version.author })
      : t('versions.meta', { rev: version.rev });
    const actions = [
      el('button', { type: 'button', class: 'version-diff', onclick: () => showDiff(version.rev, t('diff.sinceVersion', { name: version.name })) }, t('versions.changesSince')),
    ];
    if (!o.readOnly) {
      actions.push(
        el('button', { type: 'button', class: 'version-restore', onclick: () => restore(version) }, t('versions.restore')),
        el('button', { type: 'button', class: 'version-rename', onclick: () => rename(version) }, t('versions.rename')),
        el('button', { type: 'button', class: 'version-delete', onclick: () => remove(version) }, t('versions.delete')));
    }
    return el('li', { class: 'version', 'data-rev': String(version.rev) },
      el('span', { class: 'version-label' }, version.name),
      el('span', { class: 'version-meta' }, ` ${meta}`),
      el('span', { class: 'version-actions' }, ...actions));
  }

  async function nameCurrent() {
    const name = nameInput.value.trim();
    if (!name || o.session.rev === null) return;
    try {
      await nameVersion(o.id, o.session.rev, name, o.name());
      nameInput.value = '';
    } catch (e) {
      o.onMessage(e.code === 'exists' ? t('versions.namedAlready') : t('versions.nameFailed', { error: e.message }));
    }
    await refresh();
  }

  async function rename(version) {
    const name = window.prompt(t('versions.newName'), version.name);
    if (!name || !name.trim()) return;
    try { await renameVersion(o.id, version.rev, name.trim()); } catch (e) { o.onMessage(t('versions.renameFailed', { error: e.message })); }
    await refresh();
  }

  async function remove(version) {
    try { await deleteVersion(o.id, version.rev); } catch (e) { o.onMessage(t('versions.deleteFailed', { error: e.message })); }
    await refresh();
  }

  /** The diff from `from` to the newest revision this editor has, with the spans made word-level. */
  async function showDiff(from, label) {
    const to = o.session.rev;
    try {
      const answer = await diff(o.id, from, to);
      shown = { from, to, label, spans: wordLevel(answer.spans) };
    } catch (e) {
      o.onMessage(t('diff.unavailable', { error: e.message }));
      return;
    }
    if (from === lastSeen) remember();
    render();
    o.liveParent.hidden = true;
    diffPane.hidden = false;
    closeDiff.focus();
  }

  function render() {
    if (!shown) return;
    diffTitle.textContent = t('diff.title', { label: shown.label, from: shown.from, to: shown.to });
    const inline = layout === 'inline';
    inlineBox.hidden = !inline;
    sides.hidden = inline;
    layoutButton.textContent = inline ? t('diff.sideBySide') : t('diff.inline');
    if (inline) {
      inlineViewer.show(inlineView(shown.spans));
    } else {
      const { before, after } = sideBySide(shown.spans);
      beforeViewer.show(before);
      afterViewer.show(after);
    }
  }

  function switchLayout() {
    layout = layout === 'inline' ? 'side-by-side' : 'inline';
    render();
  }

  function hideDiff() {
    shown = null;
    diffPane.hidden = true;
    o.liveParent.hidden = false;
    o.view.focus();
  }

  /**
   * Gives the text the content of `version` again: the revert of the diff from it to the server
   * revision we have, moved over our unsynced edits, applied as our own edit (undoable).
   */
  async function restore(version) {
    for (let attempt = 0; attempt < 5; attempt++) {
      const at = o.session.rev;
      let answer;
      try {
        answer = await diff(o.id, version.rev, at);
      } catch (e) {
        o.onMessage(t('versions.restoreFailed', { error: e.message }));
        return;
      }
      if (o.session.rev !== at) continue; // others' edits arrived meanwhile: diff again
      let op = revertOperation(answer.spans);
      const unsynced = unsyncedOperation(o.session.state);
      if (unsynced) op = TextOperation.transform(op, unsynced)[0];
      if (!op.isNoop()) o.view.dispatch({ changes: changesFromOperation(op), userEvent: 'restore', scrollIntoView: true });
      hideDiff();
      o.onMessage(t('versions.restored', { name: version.name }));
      return;
    }
    o.onMessage(t('versions.restoreBusy'));
  }

  function toggle() {
    open = !open;
    panel.hidden = !open;
    button.setAttribute('aria-pressed', String(open));
    if (open) {
      refresh();
      (nameForm ? nameInput : panel).focus();
    }
  }

  window.addEventListener('pagehide', remember);
  document.addEventListener('visibilitychange', () => { if (document.hidden) remember(); });

  return { statusChanged, refresh, toggle, get versions() { return versions; } };
}
