import { Presence } from './presence.js';
import { Connection } from './connection.js';
import { receiveFrame } from './server-messages.js';
import { Replica } from './replica.js';
import { drawSrc } from './src-id.js';
import { transformRanges, sameRanges } from './ranges.js';
import { insertedText } from './split.js';

export { KEEPALIVE_MS, SILENCE_MS } from './connection.js';
export { drawSrc } from './src-id.js';

/**
 * One editor's connection to one document, speaking PROTOCOL.md: opening and resuming, op/ack with
 * at most one outstanding operation, presence, resynchronising after a rejection, and saving what
 * is unacknowledged to an outbox. The texts, revisions and unacknowledged edits are the Replica's
 * (replica.js); the socket itself, keepalive and reconnecting with backoff are the Connection's
 * (connection.js).
 *
 * The local text (`text`) is the editor's: call `applyLocal` synchronously for every local edit,
 * and apply every operation given to `onChange` to the editor at once, without calling `applyLocal`.
 * Nothing here touches the DOM, so it runs in Node's tests with fake sockets and timers.
 */
export class Session {
  /**
   * @param {object} o
   * @param {string} o.doc the document id
   * @param {string|URL} o.url the WebSocket URL
   * @param {(url: string) => WebSocket} o.openSocket makes a WebSocket-like object
   * @param {string} [o.src] this editor's src. Defaults to a fresh one (or the restored one).
   * @param {string} [o.name] the user's name shown to others.
   * @param {object} [o.restored] an outbox record to resume from (outbox.js).
   * @param {{save(record: object): void, clear(): void}} [o.outbox] where unacknowledged edits go.
   * @param {object} [o.timers] {setTimeout, clearTimeout, setInterval, clearInterval, now}.
   *   Defaults to the global ones and Date.now.
   * @param {() => number} [o.random] for backoff jitter and src. Defaults to Math.random.
   * @param {() => boolean} [o.isOnline] Defaults to navigator.onLine where there is one.
   * @param {object} [o.listeners] onChange(op), onStatus(status), onPresence(users), onError(message, problem), onThread(message)
   *   (`problem`, where there is one: {kind: 'refused'|'server'|'storage', code} for the page to word),
   *   onLost({code, message, text, edits}): edits the server refused for good were given up; `text`
   *   is what they inserted, for the user to keep.
   */
  constructor(o) {
    this.doc = o.doc;
    this.name = o.name || '';
    this.outbox = o.outbox || null;
    this.timers = {
      setTimeout: (f, ms) => setTimeout(f, ms),
      clearTimeout: (t) => clearTimeout(t),
      setInterval: (f, ms) => setInterval(f, ms),
      clearInterval: (t) => clearInterval(t),
      now: () => Date.now(),
      ...o.timers,
    };
    this.random = o.random || Math.random;
    this.isOnline = o.isOnline
      || (() => (typeof navigator === 'undefined' || navigator.onLine !== false));
    this.listeners = o.listeners || {};
    this.presence = new Presence();
    this.connection = new Connection({
      url: String(o.url),
      openSocket: o.openSocket,
      timers: this.timers,
      random: this.random,
      onOpen: () => this.opened(),
      onFrame: (data) => receiveFrame(this, data), // server-messages.js
      onClose: (event) => this.socketClosed(event),
    });

    this.replica = new Replica(o.src || drawSrc(o.random));
    if (o.restored) this.replica.restore(o.restored);

    this.mode = 'edit';
    this.client = null;
    this.phase = 'disconnected'; // → catching-up (after the welcome) → live (caught up)
    this.head = null;
    this.fresh = this.rev === null; // the next hello says rev: null
    this.dropLost = null; // {code, message} of a rejection that would come again: give the edits up
    this.refused = 0; // how many times edits were given up, for the header
    this.selection = null;
    this.sentSelection = null;
  }

  // The Replica's, read-only here: our newest known server revision (null before the first
  // welcome), the server's text at it, the editor's text, the unacknowledged edits (states.js).
  get rev() { return this.replica.rev; }
  get serverText() { return this.replica.serverText; }
  get text() { return this.replica.text; }
  get state() { return this.replica.state; }
  get src() { return this.replica.src; }

  // ---- lifecycle -------------------------------------------------------------------------

  start() {
    this.connection.start();
    this.emitStatus();
  }

  /** Closes for good (the page is going away). Unacknowledged edits stay in the outbox. */
  stop() {
    this.connection.stop();
    this.phase = 'disconnected';
  }

  /** Reconnects now instead of waiting for the backoff (the browser came back online). */
  reconnectNow() {
    if (this.phase === 'disconnected') this.connection.reopen();
  }

  opened() {
    this.sentSelection = null; // a new connection starts with no selection on the server
    // "comments": the server then tells of every change to a comment thread (PROTOCOL.md, Comments)
    this.send({ type: 'hello', src: this.src, name: this.name, rev: this.fresh ? null : this.rev, features: ['comments'] });
  }

  socketClosed(event) {
    this.phase = 'disconnected';
    if (event && event.code === 1009 && this.state.outstanding) {
      // Our operation was over a limit lower than we were told (a version 1 server, or a proxy),
      // so it was not applied: resume, sending it in smaller pieces.
      if (this.replica.shrinkBudget()) {
        this.save();
      } else {
        this.resync({ code: 'too-large', message: 'the server takes no message large enough for this edit' });
        return;
      }
    }
    this.emitStatus();
  }

  /** Lost track of the revisions: reconnect and resume (the outbox keeps what is unacknowledged). */
  resume() {
    this.phase = 'disconnected';
    this.connection.retry();
    this.emitStatus();
  }

  /**
   * Starts over with rev null; unacknowledged edits are rebased on the fresh text (`startOver`), or
   * given up when `giveUp` ({code, message}: why) says they would be refused again.
   */
  resync(giveUp) {
    this.fresh = true;
    this.dropLost = this.dropLost || giveUp || null;
    this.phase = 'disconnected';
    this.connection.reopen();
    this.emitStatus();
  }

  send(message) {
    this.connection.send(message);
  }

  // ---- outgoing --------------------------------------------------------------------------

  /** A local edit, already applied to the editor: `op` takes `text` to the editor's new text. */
  applyLocal(op) {
    if (op.isNoop()) return;
    const nowOutstanding = this.replica.applyLocal(op);
    if (this.selection) this.selection = transformRanges(this.selection, op);
    this.save();
    if (nowOutstanding && this.phase === 'live') this.sendOutstanding();
    this.emitStatus();
    this.emitPresence();
  }

  sendOutstanding() {
    if (!this.state.outstanding || this.mode !== 'edit') return;
    // Caught up and still outstanding, it was not applied: over the server's limit, it may be cut.
    if (this.replica.fitOutstanding()) this.save();
    const outstanding = this.state.outstanding;
    this.send({ type: 'op', rev: this.rev, seq: outstanding.seq, op: outstanding.op.toJSON() });
  }

  /** Our selection in local-text coordinates; sent while nothing is unacknowledged. */
  setSelection(ranges) {
    this.selection = ranges;
    this.sendSelection();
  }

  setName(name) {
    this.name = name;
    // The protocol has no rename: a new hello, on a new connection, carries the new name. Safe with
    // an operation in flight: the resume recognises or resends it like after any disconnect.
    if (this.phase === 'live') {
      this.phase = 'disconnected';
      this.connection.reopen();
    }
  }

  sendSelection() {
    if (this.phase !== 'live' || this.state.outstanding || !this.selection) return;
    const sent = this.sentSelection;
    if (sent && sent.rev === this.rev && sameRanges(sent.ranges, this.selection)) return;
    this.sentSelection = { rev: this.rev, ranges: this.selection };
    this.send({ type: 'select', rev: this.rev, ranges: this.selection });
  }

  // ---- to the editor ---------------------------------------------------------------------

  /** The Replica's text went through `op`: the editor and our selection follow. */
  changedLocal(op) {
    if (op.isNoop()) return;
    if (this.selection) this.selection = transformRanges(this.selection, op);
    if (this.listeners.onChange) this.listeners.onChange(op);
  }

  save() {
    if (!this.outbox) return;
    try {
      const record = this.replica.record();
      if (record) this.outbox.save(record);
      else this.outbox.clear();
      this.saveFailed = false;
    } catch (e) {
      // Storage full or denied: keep editing, say so.
      if (!this.saveFailed) this.error(`could not keep unsynced edits locally: ${e.message}`, { kind: 'storage' });
      this.saveFailed = true;
    }
  }

  /** What the header shows. */
  status() {
    let connection;
    if (this.phase === 'live') connection = 'connected';
    else if (!this.isOnline()) connection = 'offline';
    else if (this.rev === null) connection = 'connecting';
    else connection = 'reconnecting';
    return {
      connection,
      unsynced: this.state.unsyncedEdits,
      mode: this.mode,
      rev: this.rev,
      savedLocally: !this.saveFailed,
      refused: this.refused,
    };
  }

  emitStatus() {
    if (this.listeners.onStatus) this.listeners.onStatus(this.status());
  }

  users() {
    return this.presence.visible(this.rev, this.state, this.text.length);
  }

  emitPresence() {
    if (this.listeners.onPresence) this.listeners.onPresence(this.users());
  }

  error(message, problem) {
    if (this.listeners.onError) this.listeners.onError(message, problem);
  }

  /** Edits were given up for good (`why`: the server's {code, message}); `op` held them. */
  lost(why, op) {
    this.refused++;
    const text = insertedText(op);
    if (this.listeners.onLost) this.listeners.onLost({ code: why.code, message: why.message, text });
    this.emitStatus();
  }
}
