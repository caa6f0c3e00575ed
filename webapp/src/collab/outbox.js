import { TextOperation } from './text-operation.js';

// The persistent outbox: what a Session has not had acknowledged, kept in localStorage so that a
// reload, a crash or a closed laptop loses nothing. One record per document and src:
//   {v, doc, src, seq, rev, outstanding: {seq, op, edits, reapplied}, buffer: {op, edits} | null}
// plus, under its own key per revision, `base`: the server's text at `rev`; `outstanding.op`
// applies to it and `buffer.op` after it. The record is small and rewritten on every local edit
// and every ack; the base (the whole text) is written only when the record moves to a new
// revision, before the record that points to it, and the older base is removed after: so a crash
// between two writes always leaves a record whose base is there. All is removed once acknowledged.
// A record may lag behind the server (we do not rewrite it for others' operations): it stays
// consistent, since resuming at the older `rev` brings the same operations again. What tabs that
// are gone leave behind is tidied by outbox-sweep.js.
//
// Which tab owns which record: a live tab holds a Web Lock named after its document and src where
// the browser has them (secure contexts), and keeps a heartbeat key fresh in any case; a record
// whose lock is free and whose heartbeat is missing or stale belongs to a tab that is gone and may
// be claimed. The heartbeat alone must allow for background tabs, whose timers browsers slow to
// once a minute: hence STALE_MS of minutes. A reloaded tab finds its own src in sessionStorage
// (and removed its heartbeat on pagehide, its lock going with the page), so it resumes at once.

export const RECORD = 'tandem:outbox:';
export const BASE = 'tandem:base:';
export const ALIVE = 'tandem:alive:';
const TAB = 'tandem:src:';
/** A heartbeat older than this belongs to a tab that is gone (background tabs beat once a minute). */
export const STALE_MS = 150000;
/** How often a live tab refreshes its heartbeat. */
export const HEARTBEAT_MS = 5000;

const key = (prefix, doc, src) => `${prefix}${doc}:${src}`;

export class Outbox {
  /**
   * @param {Storage} storage localStorage or anything with getItem/setItem/removeItem/key/length
   * @param {string} doc
   * @param {string} src
   */
  constructor(storage, doc, src) {
    this.storage = storage;
    this.doc = doc;
    this.src = src;
    /** The length of the shortest base that did not fit. */
    this.baseTooLong = Infinity;
  }

  /** Keeps {seq, rev, base, outstanding, buffer}; throws when the storage is full or denied. */
  save({ base, ...record }) {
    const baseKey = `${key(BASE, this.doc, this.src)}:${record.rev}`;
    if (baseKey !== this.baseKey) {
      // localStorage holds about 5-10 MB per site: a base as long as one that did not fit fails
      // at once, rather than copying megabytes into the storage at every ack to fail again
      if (base.length >= this.baseTooLong) throw new RangeError(`a text of ${base.length} units does not fit in localStorage`);
      try {
        this.storage.setItem(baseKey, base);
      } catch (e) {
        this.baseTooLong = Math.min(this.baseTooLong, base.length);
        throw e;
      }
    }
    this.storage.setItem(key(RECORD, this.doc, this.src), JSON.stringify({
      v: 2, doc: this.doc, ...record, src: this.src, saved: Date.now(),
    }));
    if (this.baseKey && this.baseKey !== baseKey) this.storage.removeItem(this.baseKey);
    this.baseKey = baseKey;
  }

  clear() {
    this.storage.removeItem(key(RECORD, this.doc, this.src));
    // Every base of this src, also one left by a crash between two writes.
    const prefix = `${key(BASE, this.doc, this.src)}:`;
    const stale = [];
    for (let i = 0; i < this.storage.length; i++) {
      const k = this.storage.key(i);
      if (k && k.startsWith(prefix)) stale.push(k);
    }
    for (const k of stale) this.storage.removeItem(k);
    this.baseKey = null;
  }

  load() {
    const record = readRecord(this.storage.getItem(key(RECORD, this.doc, this.src)),
      (rev) => this.storage.getItem(`${key(BASE, this.doc, this.src)}:${rev}`));
    this.baseKey = record ? `${key(BASE, this.doc, this.src)}:${record.rev}` : null;
    return record;
  }

  heartbeat(now) {
    this.storage.setItem(key(ALIVE, this.doc, this.src), String(now));
  }

  /** The tab is going away: its record becomes claimable by the next load at once. */
  release() {
    this.storage.removeItem(key(ALIVE, this.doc, this.src));
  }
}

/**
 * Parses a stored record into {src, seq, rev, base, outstanding, buffer} with TextOperations, or
 * null when it is missing or does not hold together (then it could not be applied anyway).
 * @param {string|null} json the record
 * @param {(rev: number) => string|null} baseAt the stored base text at a revision
 */
export function readRecord(json, baseAt) {
  if (!json) return null;
  try {
    const r = JSON.parse(json);
    if (r.v !== 2 || !Number.isInteger(r.rev) || !r.outstanding) return null;
    r.base = baseAt(r.rev);
    if (typeof r.base !== 'string') return null;
    const outstanding = {
      seq: r.outstanding.seq,
      op: TextOperation.fromJSON(r.outstanding.op),
      edits: r.outstanding.edits || 1,
      reapplied: !!r.outstanding.reapplied,
    };
    if (!Number.isInteger(outstanding.seq) || outstanding.op.baseLength !== r.base.length) return null;
    let buffer = null;
    if (r.buffer) {
      buffer = { op: TextOperation.fromJSON(r.buffer.op), edits: r.buffer.edits || 1 };
      if (buffer.op.baseLength !== outstanding.op.targetLength) return null;
    }
    return {
      src: r.src, seq: Math.max(r.seq, outstanding.seq), rev: r.rev, base: r.base, outstanding, buffer,
    };
  } catch (e) {
    return null;
  }
}

/** The srcs that have a record for `doc`. */
export function outboxSrcs(storage, doc) {
  const prefix = `${RECORD}${doc}:`;
  const srcs = [];
  for (let i = 0; i < storage.length; i++) {
    const k = storage.key(i);
    if (k && k.startsWith(prefix)) srcs.push(k.slice(prefix.length));
  }
  return srcs;
}

/**
 * Picks the src this tab edits `doc` with, and the record to resume from if there is one:
 * this tab's own record (its src is kept in sessionStorage across reloads) when no live tab holds
 * it, else a record no live tab holds, else a fresh src from `drawSrc`.
 * `isHeld(src)` says whether a live tab holds the Web Lock of that src (see ui/tab-claim.js).
 * @returns {{src: string, record: object|null, outbox: Outbox}}
 */
export function claimOutbox({ storage, tabStorage, doc, now, drawSrc, isHeld = () => false }) {
  const alive = (src) => {
    if (isHeld(src)) return true;
    const beat = storage.getItem(key(ALIVE, doc, src));
    return beat !== null && now - Number(beat) < STALE_MS;
  };
  const own = tabStorage ? tabStorage.getItem(TAB + doc) : null;
  const candidates = outboxSrcs(storage, doc).filter((src) => !alive(src));
  candidates.sort((a, b) => (b === own) - (a === own));
  for (const candidate of candidates) {
    const outbox = new Outbox(storage, doc, candidate);
    const record = outbox.load();
    if (record) return keep(outbox, record);
    outbox.clear(); // unreadable: nothing to resume from
  }
  // A src without a record is never reused: its last seq is unknown, and a smaller one would be
  // refused as not-in-order.
  return keep(new Outbox(storage, doc, drawSrc()), null);

  function keep(outbox, record) {
    if (tabStorage) tabStorage.setItem(TAB + doc, outbox.src);
    outbox.heartbeat(now);
    return { src: outbox.src, record, outbox };
  }
}
