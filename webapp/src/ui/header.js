import { el, setChildren, safeColor } from './dom.js';
import { viewLink } from './api.js';

const CONNECTION_LABELS = {
  connecting: 'Connecting…',
  connected: 'Connected',
  reconnecting: 'Reconnecting…',
  offline: 'Offline',
};

/**
 * The editor's header: document name, who is here, connection state and unsynced changes, the
 * view toggles, export, share and the user's own (editable) name.
 * @param {object} o {id, readOnly, name, onRename(name), onJump(client), onToggle(what), onExport(kind)}
 */
export function createHeader(o) {
  const users = el('ul', { class: 'users', 'aria-label': 'Who is here' });
  let shownUsers = null;
  const connection = el('span', { class: 'connection', role: 'status', 'aria-live': 'polite' });
  const unsynced = el('span', { class: 'unsynced' });
  const nameInput = el('input', {
    class: 'own-name', type: 'text', maxlength: 64, value: o.name, 'aria-label': 'Your name', title: 'Your name, as others see it',
    onchange: () => {
      const name = nameInput.value.trim().slice(0, 64);
      if (name) o.onRename(name);
      else nameInput.value = o.name;
    },
    onkeydown: (e) => { if (e.key === 'Enter') nameInput.blur(); },
  });
  const toggles = {};
  const toggle = (what, label, title) => {
    toggles[what] = el('button', { type: 'button', class: 'toggle', 'aria-pressed': 'false', title, onclick: () => o.onToggle(what) }, label);
    return toggles[what];
  };
  const exportMenu = el('select', {
    class: 'export', 'aria-label': 'Export',
    onchange: () => {
      if (exportMenu.value) o.onExport(exportMenu.value);
      exportMenu.value = '';
    },
  },
  el('option', { value: '' }, 'Export…'),
  el('option', { value: 'md' }, 'Markdown (.md)'),
  el('option', { value: 'txt' }, 'Plain text (.txt)'),
  el('option', { value: 'html' }, 'HTML (.html)'));
  // Two links: the page's own (on an edit page it lets its holder edit), and the read-only one.
  const share = el('button', {
    type: 'button', class: 'share', title: o.readOnly ? 'Copy this read-only link' : 'Copy the link that lets others edit',
    onclick: () => copyLink(share, window.location.href.split('#')[0]),
  }, o.readOnly ? 'Copy read-only link' : 'Copy edit link');
  const shareReadOnly = o.readOnly ? null : el('button', {
    type: 'button', class: 'share-read-only', title: 'Copy a link that can only view',
    onclick: () => copyLink(shareReadOnly, viewLink(o.id)),
  }, 'Copy read-only link');

  const element = el('header', { class: 'editor-header' },
    el('a', { class: 'brand', href: '../', title: 'All documents' }, 'Tandem'),
    o.readOnly ? el('h1', { class: 'doc-name' }, 'Read-only document') : el('h1', { class: 'doc-name', title: o.id }, o.id),
    users,
    el('span', { class: 'spacer' }),
    connection, unsynced,
    toggle('preview', 'Preview', 'Show the rendered Markdown beside the text'),
    toggle('history', 'History', 'Browse earlier revisions'),
    toggle('authorship', 'Authors', 'Colour the text by who wrote it'),
    exportMenu, share, ...(shareReadOnly ? [shareReadOnly] : []), nameInput);

  return {
    element,
    setStatus(status) {
      connection.textContent = status.mode === 'view'
        ? `${CONNECTION_LABELS[status.connection]} · read-only` : CONNECTION_LABELS[status.connection];
      connection.dataset.state = status.connection;
      const pending = status.unsynced
        ? `${status.unsynced} unsynced change${status.unsynced === 1 ? '' : 's'}${status.savedLocally ? '' : ' (not saved on this device)'}`
        : '';
      // Edits the server refused for good: said here too, beside the panel holding their text.
      const refused = status.refused ? `${status.refused} edit${status.refused === 1 ? '' : 's'} not saved` : '';
      unsynced.textContent = [pending, refused].filter(Boolean).join(' · ');
      if (status.refused) unsynced.dataset.refused = String(status.refused);
      else delete unsynced.dataset.refused;
    },
    setUsers(list) {
      // Presence is reported on every edit; rebuild the buttons only when what they show changed.
      const key = JSON.stringify(list.map((u) => [u.client, u.name, u.color, !!(u.ranges && u.ranges.length)]));
      if (key === shownUsers) return;
      shownUsers = key;
      setChildren(users, list.map((user) => el('li', {},
        el('button', {
          type: 'button', class: 'user', title: `Jump to ${user.name}'s cursor`,
          disabled: !user.ranges || !user.ranges.length, onclick: () => o.onJump(user.client),
        }, swatch(user.color), user.name))));
    },
    setToggle(what, on) {
      toggles[what].setAttribute('aria-pressed', String(on));
    },
    setName(name) {
      nameInput.value = name;
    },
  };
}

function swatch(color) {
  const dot = el('span', { class: 'swatch', 'aria-hidden': 'true' });
  dot.style.backgroundColor = safeColor(color);
  return dot;
}

async function copyLink(button, linkOrPromise) {
  let link;
  try {
    link = await linkOrPromise;
  } catch (e) {
    flash(button, 'Link unavailable');
    return;
  }
  try {
    await navigator.clipboard.writeText(link);
    flash(button, 'Link copied');
  } catch (e) {
    // Clipboard denied (insecure context): let the user copy it by hand.
    window.prompt('Copy this link', link);
  }
}

function flash(button, text) {
  const before = button.textContent;
  button.textContent = text;
  setTimeout(() => { button.textContent = before; }, 1500);
}
