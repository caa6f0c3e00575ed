// The HTTP API of PROTOCOL.md, addressed relative to the page so that Tandem works under any
// context path: pages live at CONTEXT/ and CONTEXT/d/{id}, so `base` is the page's CONTEXT/.

export const DOC_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

// A read-only page (CONTEXT/v/{token}) reaches its document through the token alone and never
// learns the id, which would let it edit: once set, every address below is the token's.
export const VIEW_TOKEN = /^[A-Za-z0-9_-]{22}$/;
let viewToken = null;

/** The read-only link token of a view page (CONTEXT/v/{token}), or null. */
export function viewTokenFromPath(location = window.location) {
  const match = /\/v\/([^/]+)$/.exec(location.pathname);
  return match && VIEW_TOKEN.test(match[1]) ? match[1] : null;
}

/** Makes this page address its document by read-only link `token` (see viewTokenFromPath). */
export function useViewLink(token) {
  viewToken = token;
}

/** The document's address below ws/ and api/: docs/{id}, or view/{token} on a read-only page. */
function documentPath(id) {
  return viewToken ? `view/${viewToken}` : `docs/${encodeURIComponent(id)}`;
}

/** CONTEXT/ as an absolute URL, from the current page's address. */
export function contextBase(location = window.location) {
  const url = new URL(location.href);
  const at = Math.max(url.pathname.lastIndexOf('/d/'), url.pathname.lastIndexOf('/v/'));
  url.pathname = at >= 0 ? url.pathname.slice(0, at + 1) : url.pathname.replace(/[^/]*$/, '');
  url.search = '';
  url.hash = '';
  return url;
}

/** The document id of an editor page (CONTEXT/d/{id}), or null. */
export function documentIdFromPath(location = window.location) {
  const match = /\/d\/([^/]+)$/.exec(location.pathname);
  if (!match) return null;
  const id = decodeURIComponent(match[1]);
  return DOC_ID.test(id) ? id : null;
}

export function editorUrl(id, base = contextBase()) {
  return new URL(`d/${encodeURIComponent(id)}`, base).href;
}

/** ws[s]://HOST/CONTEXT/ws/docs/{id}, the scheme following the page's. */
export function socketUrl(id, base = contextBase()) {
  const url = new URL(`ws/${documentPath(id)}`, base);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.href;
}

async function request(path, options = {}) {
  const response = await fetch(new URL(path, contextBase()), {
    headers: { Accept: 'application/json', ...(options.body ? { 'Content-Type': 'application/json' } : {}) },
    ...options,
  });
  if (response.status === 401) {
    // this Tandem needs its edit token (TANDEM_EDIT_TOKEN): the unlock page keeps it in a cookie
    window.location.assign(new URL('unlock', contextBase()).href);
  }
  if (!response.ok) {
    let code = `http-${response.status}`;
    try { code = (await response.json()).error || code; } catch (e) { /* not JSON */ }
    const error = new Error(`${options.method || 'GET'} ${path}: ${code}`);
    error.status = response.status;
    error.code = code;
    throw error;
  }
  return response;
}

/** Creates a document (with `id`, or a fresh id when absent); resolves to its id. */
export async function createDocument(id) {
  const response = await request('api/docs', { method: 'POST', body: JSON.stringify(id ? { id } : {}) });
  return (await response.json()).id;
}

/** The text of `id` at revision `rev`. */
export async function textAt(id, rev) {
  return (await request(`api/${documentPath(id)}/text?rev=${rev}`)).text();
}

/** The read-only link of document `id`: CONTEXT/v/{token}. */
export async function viewLink(id, base = contextBase()) {
  const { viewToken: token } = await (await request(`api/docs/${encodeURIComponent(id)}`)).json();
  return new URL(`v/${token}`, base).href;
}

/** Every operation of `id` from `from` up to `to` (exclusive), following the 10,000 per call limit. */
export async function operations(id, from = 0, to) {
  const all = [];
  let next = from;
  for (;;) {
    const query = `from=${next}${to === undefined ? '' : `&to=${to}`}`;
    const page = await (await request(`api/${documentPath(id)}/ops?${query}`)).json();
    all.push(...page);
    if (page.length < 10000) return all;
    next = page[page.length - 1].rev + 1;
  }
}

/** PROTOCOL.md's /diff: {from, to, spans: [{kind, text, author}]} between revisions `from` ≤ `to`. */
export async function diff(id, from, to) {
  return (await request(`api/${documentPath(id)}/diff?from=${from}&to=${to}`)).json();
}

/** The named versions of `id`: [{rev, name, author, created}] by revision. */
export async function listVersions(id) {
  return (await request(`api/${documentPath(id)}/versions`)).json();
}

export async function nameVersion(id, rev, name, author) {
  await request(`api/docs/${encodeURIComponent(id)}/versions`, { method: 'POST', body: JSON.stringify({ rev, name, author }) });
}

export async function renameVersion(id, rev, name) {
  await request(`api/docs/${encodeURIComponent(id)}/versions/${rev}`, { method: 'PUT', body: JSON.stringify({ name }) });
}

export async function deleteVersion(id, rev) {
  await request(`api/docs/${encodeURIComponent(id)}/versions/${rev}`, { method: 'DELETE' });
}

/** The comment threads of `id` with anchors at the head: [{id, rev, from, to, detached, quote, resolved, comments}]. */
export async function listThreads(id) {
  return (await request(`api/${documentPath(id)}/threads`)).json();
}

const threadsPath = (id) => `api/docs/${encodeURIComponent(id)}/threads`;

/** Opens thread {thread, comment, rev, from, to, text, author, src} (ids drawn by the caller: a resend is kept once). */
export async function openThread(id, thread) {
  await request(threadsPath(id), { method: 'POST', body: JSON.stringify(thread) });
}

export async function replyToThread(id, thread, reply) {
  await request(`${threadsPath(id)}/${thread}/comments`, { method: 'POST', body: JSON.stringify(reply) });
}

export async function resolveThread(id, thread, resolved, by) {
  await request(`${threadsPath(id)}/${thread}`, { method: 'PUT', body: JSON.stringify({ resolved, by }) });
}

export async function editComment(id, thread, comment, text, src) {
  await request(`${threadsPath(id)}/${thread}/comments/${comment}`, { method: 'PUT', body: JSON.stringify({ text, src }) });
}

export async function deleteComment(id, thread, comment, src) {
  await request(`${threadsPath(id)}/${thread}/comments/${comment}`, { method: 'DELETE', body: JSON.stringify({ src }) });
}
