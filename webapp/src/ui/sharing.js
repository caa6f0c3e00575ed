import { el, setChildren } from './dom.js';
import { contextBase, editorUrl } from './api.js';
import { t, formatDateTime } from './i18n.js';

// With sign-in (TANDEM_AUTH=oidc|container, README "Sign-in"): who I am, signing in and out, and
// on an editor page the share dialog (people, groups, roles, link sharing). Without sign-in the
// server has no api/me (404) and none of this appears.

const ROLES = ['viewer', 'commenter', 'editor', 'owner'];
const LINK_SHARING = { off: () => t('share.linkOff'), view: () => t('share.linkView'), edit: () => t('share.linkEdit') };

/** A role as the reader reads it (the API's words stay viewer, commenter, editor, owner). */
function roleLabel(role) {
  switch (role) {
    case 'viewer': return t('share.roleViewer');
    case 'commenter': return t('share.roleCommenter');
    case 'editor': return t('share.roleEditor');
    default: return t('share.roleOwner');
  }
}

async function call(path, method = 'GET', body) {
  const response = await fetch(new URL(path, contextBase()), {
    method,
    headers: { Accept: 'application/json', ...(body ? { 'Content-Type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!response.ok) {
    let message = `${response.status}`;
    try { message = (await response.json()).message || message; } catch (e) { /* not JSON */ }
    const error = new Error(message);
    error.status = response.status;
    throw error;
  }
  return response.status === 204 ? null : response.json();
}

/**
 * The signed-in user ({id, name, email, groups, admin}), `null` when sign-in is on but nobody is
 * signed in, or `undefined` when this Tandem has no sign-in.
 */
export async function whoAmI() {
  try {
    return await call('api/me');
  } catch (e) {
    return e.status === 401 ? null : undefined;
  }
}

/**
 * Adds the account bar (name, sign out; or a sign-in link) and, when `documentId` is given, the
 * "Share…" button and its dialog. Does nothing on a Tandem without sign-in.
 */
export async function mountAccount({ documentId = null } = {}) {
  const me = await whoAmI();
  if (me === undefined) return;
  const here = window.location.pathname.slice(contextBase().pathname.length - 1);
  const bar = el('nav', { class: 'account', 'aria-label': t('account.label') });
  if (me === null) {
    bar.append(el('a', { class: 'sign-in', href: new URL(`signin?return=${encodeURIComponent(here)}`, contextBase()).href }, t('account.signIn')));
  } else {
    bar.append(el('span', { class: 'signed-in-as', title: me.email || me.subject || '' }, me.name));
    if (documentId) {
      bar.append(shareButton(documentId));
      showSignedInName(me.name);
    }
    // not a form: the page's Content-Security-Policy (form-action 'self') would stop its redirect to the provider
    bar.append(el('button', {
      type: 'button', class: 'sign-out',
      onclick: async () => {
        try {
          const { redirect } = await call('signout', 'POST');
          window.location.assign(redirect);
        } catch (e) {
          window.location.reload(); // container sign-in ends with the browser, not here
        }
      },
    }, t('account.signOut')));
  }
  document.body.append(bar);
}

/**
 * The header's own-name field shows the signed-in name, fixed: the server puts that name in
 * presence and authorship whatever the page says, so the page must not suggest otherwise.
 */
function showSignedInName(name) {
  const fix = () => {
    const input = document.querySelector('.own-name');
    if (!input) return false;
    input.value = name;
    input.disabled = true;
    input.title = t('account.signedInName');
    return true;
  };
  if (fix()) return;
  const watch = new MutationObserver(() => { if (fix()) watch.disconnect(); });
  watch.observe(document.body, { childList: true, subtree: true });
}

function shareButton(documentId) {
  const dialog = el('dialog', { class: 'share-dialog', 'aria-label': t('share.title') });
  document.body.append(dialog);
  return el('button', {
    type: 'button', class: 'share-open',
    onclick: async () => {
      await fill(dialog, documentId);
      dialog.showModal();
    },
  }, t('share.open'));
}

/** (Re)draws the dialog from GET api/access/{id}. */
async function fill(dialog, documentId) {
  const status = el('p', { class: 'share-status', role: 'status' });
  let access;
  try {
    access = await call(`api/access/${encodeURIComponent(documentId)}`);
  } catch (e) {
    setChildren(dialog, el('p', {}, t('share.cannotShow', { error: e.message })), closeButton(dialog));
    return;
  }
  const owner = access.role === 'owner';
  const change = async (what) => {
    try {
      await what();
      await fill(dialog, documentId);
    } catch (e) {
      status.textContent = t('share.notChanged', { error: e.message });
    }
  };
  const entries = el('ul', { class: 'share-entries' },
    el('li', { class: 'share-owner' }, t('share.owner', { name: access.owner.name })),
    access.entries.map((entry) => el('li', { class: 'share-entry', dataset: { kind: entry.kind, name: entry.name } },
      el('span', { class: 'share-who' }, entry.kind === 'group' ? t('share.group', { name: entry.displayName }) : entry.displayName),
      roleSelect(entry.role, !owner, (role) => change(() => call(`api/access/${encodeURIComponent(documentId)}/entries`, 'PUT',
        { kind: entry.kind, name: entry.name, role }))),
      owner ? el('button', {
        type: 'button', class: 'share-remove', 'aria-label': t('share.removeLabel', { name: entry.displayName }),
        onclick: () => change(() => call(`api/access/${encodeURIComponent(documentId)}/entries/${entry.kind}/${encodeURIComponent(entry.name)}`, 'DELETE')),
      }, t('share.remove')) : null)));
  const link = el('select', { class: 'share-link', disabled: !owner, 'aria-label': t('share.linkLabel'),
    onchange: () => change(() => call(`api/access/${encodeURIComponent(documentId)}/link`, 'PUT', { linkSharing: link.value })) },
  Object.entries(LINK_SHARING).map(([value, label]) => el('option', { value, selected: value === access.linkSharing }, label())));
  setChildren(dialog,
    el('h2', {}, t('share.title')),
    entries,
    owner ? addForm(documentId, change) : el('p', { class: 'meta' }, t('share.youAre', { role: roleLabel(access.role) })),
    el('label', {}, `${t('share.link')} `, link),
    status,
    closeButton(dialog));
}

function roleSelect(current, disabled, onChange) {
  const select = el('select', { class: 'share-role', disabled, 'aria-label': t('share.role'), onchange: () => onChange(select.value) },
    ROLES.map((role) => el('option', { value: role, selected: role === current }, roleLabel(role))));
  return select;
}

/** Add a person (found by name, e-mail or login as you type) or a group (by its name). */
function addForm(documentId, change) {
  const kind = el('select', { class: 'share-kind', 'aria-label': t('share.kind') },
    el('option', { value: 'user' }, t('share.person')), el('option', { value: 'group' }, t('share.groupKind')));
  const suggestions = el('datalist', { id: 'share-suggestions' });
  const who = el('input', { class: 'share-who-input', type: 'text', list: 'share-suggestions', 'aria-label': t('share.who'),
    placeholder: t('share.who'), autocomplete: 'off',
    oninput: async () => {
      if (kind.value !== 'user' || who.value.trim().length < 1) return;
      try {
        const users = await call(`api/users?q=${encodeURIComponent(who.value.trim())}`);
        setChildren(suggestions, users.map((u) => el('option', { value: u.email || u.name, dataset: { id: u.id } }, u.name)));
      } catch (e) { /* suggestions are a help only */ }
    } });
  const role = roleSelect('viewer', false, () => {});
  return el('form', {
    class: 'share-add',
    onsubmit: (e) => {
      e.preventDefault();
      const typed = who.value.trim();
      if (!typed) return;
      change(async () => {
        let name = typed;
        if (kind.value === 'user') {
          const users = await call(`api/users?q=${encodeURIComponent(typed)}`);
          const exact = users.find((u) => u.email === typed || u.name === typed) || (users.length === 1 ? users[0] : null);
          if (!exact) throw new Error(t('share.noMatch', { name: typed }));
          name = exact.id;
        }
        await call(`api/access/${encodeURIComponent(documentId)}/entries`, 'PUT', { kind: kind.value, name, role: role.value });
      });
    },
  }, kind, who, suggestions, role, el('button', { type: 'submit', class: 'share-add-button' }, t('share.add')));
}

function closeButton(dialog) {
  return el('button', { type: 'button', class: 'share-close', onclick: () => dialog.close() }, t('share.close'));
}

/**
 * With sign-in, fills `list` with My documents from the server (those I own or that are shared
 * with me or my groups, newest change first) and puts a title search above it. Without sign-in,
 * or signed out, it leaves the page's own list (this browser's documents) alone.
 */
export async function mountMyDocuments(list) {
  const me = await whoAmI();
  if (!me) return;
  const search = el('input', { type: 'search', class: 'my-search', placeholder: t('mine.search'), 'aria-label': t('mine.searchLabel') });
  const show = async () => {
    try {
      const query = search.value.trim();
      const docs = await call(query ? `api/docs?q=${encodeURIComponent(query)}` : 'api/docs');
      setChildren(list, docs.length ? docs.map((d) => el('li', { dataset: { id: d.id } },
        el('a', { href: editorUrl(d.id), title: d.id }, d.title),
        el('span', { class: 'meta' }, ` ${formatDateTime(d.updated)}`)))
        : [el('li', { class: 'empty' }, query ? t('mine.noMatch') : t('mine.none'))]);
    } catch (e) {
      setChildren(list, el('li', { class: 'empty' }, t('mine.failed', { error: e.message })));
    }
  };
  search.addEventListener('input', show);
  list.before(search);
  await show();
}
