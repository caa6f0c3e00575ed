import { el, setChildren, safeColor } from './dom.js';
import { viewLink } from './api.js';
import { t, languageSwitch } from './i18n.js';

const CONNECTION_LABELS = {
  connecting: 'status.connecting',
  connected: 'status.connected',
  reconnecting: 'status.reconnecting',
  offline: 'status.offline',
};

/**
 * The editor's header: document name, who is here, connection state and unsynced changes, the
 * view toggles, export, share and the user's own (editable) name.
 * @param {object} o {id, readOnly, name, onRename(name), onJump(client), onToggle(what), onExport(kind)}
 */
export function createHeader(o) {
  const users = el('ul', { class: 'users', 'aria-label': t('header.whoIsHere') });
  let shownUsers = null;
  const connection = el('span', { class: 'connection', role: 'status', 'aria-live': 'polite' });
  const unsynced = el('span', { class: 'unsynced' });
  const nameInput = el('input', {
    class: 'own-name', type: 'text', maxlength: 64, value: o.name, 'aria-label': t('header.yourName'), title: t('header.yourNameTitle'),
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
    class: 'export', 'aria-label': t('export.label'),
    onchange: () => {
      if (exportMenu.value) o.onExport(exportMenu.value);
      exportMenu.value = '';
    },
  },
  el('option', { value: '' }, t('export.menu')),
  el('option', { value: 'md' }, t('export.markdown')),
  el('option', { value: 'txt' }, t('export.text')),
  el('option', { value: 'html' }, t('export.html')));
  // Two links: the page's own (on an edit page it lets its holder edit), and the read-only one.
  const share = el('button', {
    type: 'button', class: 'share', title: o.readOnly ? t('share.thisReadOnlyTitle') : t('share.editTitle'),
    onclick: () => copyLink(share, window.location.href.split('#')[0]),
  }, o.readOnly ? t('share.readOnly') : t('share.edit'));
  const shareReadOnly = o.readOnly ? null : el('button', {
    type: 'button', class: 'share-read-only', title: t('share.readOnlyTitle'),
    onclick: () => copyLink(shareReadOnly, viewLink(o.id)),
  }, t('share.readOnly'));

  const element = el('header', { class: 'editor-header' },
    el('a', { class: 'brand', href: '../', title: t('header.allDocuments') }, 'Tandem'),
    o.readOnly ? el('h1', { class: 'doc-name' }, t('header.readOnlyDocument')) : el('h1', { class: 'doc-name', title: o.id }, o.id),
    users,
    el('span', { class: 'spacer' }),
    connection, unsynced,
    toggle('preview', t('toggle.preview'), t('toggle.previewTitle')),
    toggle('history', t('toggle.history'), t('toggle.historyTitle')),
    toggle('authorship', t('toggle.authors'), t('toggle.authorsTitle')),
    exportMenu, share, ...(shareReadOnly ? [shareReadOnly] : []), nameInput, languageSwitch());

  return {
    element,
    setStatus(status) {
      const label = t(CONNECTION_LABELS[status.connection]);
      connection.textContent = status.mode === 'view' ? t('status.readOnly', { connection: label }) : label;
      connection.dataset.state = status.connection;
      const pending = status.unsynced
        ? t(status.savedLocally ? 'status.unsynced' : 'status.unsyncedNotSaved', { count: status.unsynced })
        : '';
      // Edits the server refused for good: said here too, beside the panel holding their text.
      const refused = status.refused ? t('status.refused', { count: status.refused }) : '';
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
          type: 'button', class: 'user', title: t('header.jumpTo', { name: user.name }),
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
    flash(button, t('share.unavailable'));
    return;
  }
  try {
    await navigator.clipboard.writeText(link);
    flash(button, t('share.copied'));
  } catch (e) {
    // Clipboard denied (insecure context): let the user copy it by hand.
    window.prompt(t('share.prompt'), link);
  }
}

function flash(button, text) {
  const before = button.textContent;
  button.textContent = text;
  setTimeout(() => { button.textContent = before; }, 1500);
}
