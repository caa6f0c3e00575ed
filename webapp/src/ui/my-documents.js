// The documents this browser created or opened, kept in its own storage (never asked of the
// server, which lists documents to nobody by default: an id is what lets its holder edit). Each
// entry is {id, title, seen}: the title the editor last saw, and when, newest first.

const KEY = 'tandem:documents';
/** Entries kept; the oldest go first. */
export const MAX_REMEMBERED = 200;

/** This browser's documents, newest first. */
export function myDocuments(storage) {
  let list;
  try {
    list = JSON.parse(storage.getItem(KEY) || '[]');
  } catch (e) {
    return []; // not ours, or damaged: start over rather than fail the landing page
  }
  if (!Array.isArray(list)) return [];
  return list
    .filter((d) => d && typeof d.id === 'string' && typeof d.title === 'string' && Number.isFinite(d.seen))
    .sort((a, b) => b.seen - a.seen);
}

/** Records that this browser has `id`, called `title`, at time `seen` (ms). */
export function rememberDocument(storage, id, title, seen = Date.now()) {
  const others = myDocuments(storage).filter((d) => d.id !== id);
  save(storage, [{ id, title, seen }, ...others].slice(0, MAX_REMEMBERED));
}

/** Takes `id` off this browser's list (the document itself stays on the server). */
export function forgetDocument(storage, id) {
  save(storage, myDocuments(storage).filter((d) => d.id !== id));
}

function save(storage, list) {
  try {
    storage.setItem(KEY, JSON.stringify(list));
  } catch (e) { /* storage full or denied: the list lasts for this page */ }
}
