import { el, setChildren } from './dom.js';
import { operations, textAt } from './api.js';
import { markVersions } from './version-marks.js';
import { createViewer, replaceText } from './editor-view.js';
import { t, formatDateTime, formatRelative } from './i18n.js';

/**
 * The history slider: a read-only viewer of the text at any revision, with who made that revision
 * and when. The live editor keeps syncing underneath, hidden; "Back to live" shows it again.
 * @param {object} o {id, bar, viewerParent, liveParent, onActive(active)}
 */
export function createHistory(o) {
  let active = false;
  let entries = [];
  let timer = null;
  let wanted = 0;
  let named = new Map(); // revision → version name, marked on the slider
  const cache = new Map();
  const viewer = createViewer({ parent: o.viewerParent });
  const slider = el('input', { type: 'range', min: 0, max: 0, value: 0, step: 1, 'aria-label': t('history.revision'), oninput: () => slid() });
  const label = el('span', { class: 'history-label', 'aria-live': 'polite' });
  const back = el('button', { type: 'button', class: 'back-to-live', onclick: () => leave() }, t('history.backToLive'));
  setChildren(o.bar, el('span', { class: 'history-title' }, t('history.title')), slider, label, back);

  function describe(rev) {
    const version = named.has(rev) ? t('history.namedVersion', { name: named.get(rev) }) : '';
    return describeRevision(rev) + version;
  }

  function describeRevision(rev) {
    if (rev === 0) return t('history.emptyRevision', { total: entries.length });
    const entry = entries[rev - 1];
    const time = entry && formatDateTime(entry.time);
    return t('history.revisionBy', {
      rev,
      total: entries.length,
      author: (entry && (entry.name || entry.client)) || t('history.someone'),
      when: time ? t('history.when', { time, ago: formatRelative(entry.time) }) : t('history.unknownTime'),
    });
  }

  async function show(rev) {
    wanted = rev;
    try {
      const text = cache.has(rev) ? cache.get(rev) : await textAt(o.id, rev);
      cache.set(rev, text);
      if (active && wanted === rev) replaceText(viewer, text);
    } catch (e) {
      label.textContent = t('history.loadFailed', { rev, error: e.message });
    }
  }

  function slid() {
    const rev = Number(slider.value);
    label.textContent = describe(rev);
    clearTimeout(timer);
    timer = setTimeout(() => show(rev), 120);
  }

  async function enter() {
    active = true;
    o.onActive(true);
    o.liveParent.hidden = true;
    o.viewerParent.hidden = false;
    o.bar.hidden = false;
    label.textContent = t('history.loading');
    try {
      entries = await operations(o.id, 0);
    } catch (e) {
      label.textContent = t('history.unavailable', { error: e.message });
      return;
    }
    if (!active) return;
    slider.max = String(entries.length);
    // marked when they come, without holding up the slider (it may be moved meanwhile)
    markVersions(o.id, slider, o.bar).then((marks) => {
      named = marks;
      if (active) label.textContent = describe(Number(slider.value));
    });
    slider.value = String(entries.length);
    label.textContent = describe(entries.length);
    await show(entries.length);
  }

  function leave() {
    if (!active) return;
    active = false;
    clearTimeout(timer);
    o.liveParent.hidden = false;
    o.viewerParent.hidden = true;
    o.bar.hidden = true;
    o.onActive(false);
  }

  return {
    get active() { return active; },
    toggle() { return active ? leave() : enter(); },
    leave,
  };
}
