import { RECORD, BASE, ALIVE, STALE_MS, readRecord } from './outbox.js';

// Outboxes of documents that are never opened again must not pile up in localStorage. The policy:
// - acknowledged edits leave at once (the Session clears its record on the last ack);
// - what a tab that is gone leaves behind and that holds no edit is removed by the next page load,
//   landing page or editor, for every document: heartbeats of srcs without a record, bases no
//   record points to (a crash between two writes), records that cannot be read (they could never
//   be applied) or whose edits change nothing;
// - unacknowledged edits are never removed here, however old: they stay until the document is
//   opened again and they are delivered, and the landing page lists them so they are not forgotten.
// A src a live tab holds (Web Lock, or a heartbeat younger than STALE_MS) is never touched: that
// tab may be between its two writes. The sweep reads and removes in one synchronous pass, which
// browsers run against one consistent state of the storage: a tab that claims a record writes its
// heartbeat before anything else, so a sweep cannot see its new base without its heartbeat.

/**
 * Tidies the outboxes of every document in `storage` and tells which edits still wait.
 * @param {object} o
 * @param {Storage} o.storage localStorage
 * @param {number} o.now the time in ms
 * @param {(doc: string, src: string) => boolean} [o.isHeld] a live tab holds that src's Web Lock
 * @returns {{removed: number, waiting: {doc: string, src: string, edits: number, saved: number|null}[]}}
 *   `waiting`: the unacknowledged edits of tabs that are gone, newest first.
 */
export function sweepOutboxes({ storage, now, isHeld = () => false }) {
  const keys = [];
  for (let i = 0; i < storage.length; i++) {
    const k = storage.key(i);
    if (k) keys.push(k);
  }
  const records = new Map(); // `${doc}:${src}` → the record's rev, for srcs of gone tabs
  const alive = (doc, src) => {
    if (isHeld(doc, src)) return true;
    const beat = storage.getItem(`${ALIVE}${doc}:${src}`);
    return beat !== null && now - Number(beat) < STALE_MS;
  };
  const remove = [];
  const waiting = [];

  for (const k of keys.filter((key) => key.startsWith(RECORD))) {
    const [doc, src] = k.slice(RECORD.length).split(':');
    if (alive(doc, src)) continue;
    const json = storage.getItem(k);
    const record = readRecord(json, (rev) => storage.getItem(`${BASE}${doc}:${src}:${rev}`));
    if (!record || changesNothing(record)) {
      remove.push(k);
      continue;
    }
    records.set(`${doc}:${src}`, record.rev);
    const edits = record.outstanding.edits + (record.buffer ? record.buffer.edits : 0);
    waiting.push({ doc, src, edits, saved: savedAt(json) });
  }
  for (const k of keys.filter((key) => key.startsWith(BASE))) {
    const [doc, src, rev] = k.slice(BASE.length).split(':');
    if (!alive(doc, src) && records.get(`${doc}:${src}`) !== Number(rev)) remove.push(k);
  }
  for (const k of keys.filter((key) => key.startsWith(ALIVE))) {
    const [doc, src] = k.slice(ALIVE.length).split(':');
    if (!alive(doc, src) && !records.has(`${doc}:${src}`)) remove.push(k);
  }

  for (const k of remove) storage.removeItem(k);
  waiting.sort((a, b) => (b.saved ?? 0) - (a.saved ?? 0));
  return { removed: remove.length, waiting };
}

function changesNothing(record) {
  return record.outstanding.op.isNoop() && (!record.buffer || record.buffer.op.isNoop());
}

function savedAt(json) {
  try {
    const { saved } = JSON.parse(json);
    return Number.isFinite(saved) ? saved : null;
  } catch (e) {
    return null;
  }
}
