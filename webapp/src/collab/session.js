import { TextOperation } from './text-operation.js';
import { Synchronized, stateOf, unsyncedOperation } from './states.js';
import { Presence } from './presence.js';
import { Connection } from './connection.js';
import { decodeFrame } from './frames.js';
import { rebase } from './rebase.js';
import { drawSrc } from './src-id.js';
import { transformRanges, sameRanges } from './ranges.js';

export { KEEPALIVE_MS, SILENCE_MS } from './connection.js';
export { drawSrc } from './src-id.js';

const REJECTIONS = new Set(['invalid-op', 'forbidden', 'unknown-rev', 'not-in-order']);

/**
 * One editor's connection to one document, speaking PROTOCOL.md: opening and resuming, op/ack with
 * at most one outstanding operation (states.js), presence, resynchronising after a rejection, and
 * saving what is unacknowledged to an outbox. The socket itself, keepalive and reconnecting with
 * backoff are the Connection's (connection.js).
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
   * @param {object} [o.listeners] onChange(op), onStatus(status), onPresence(users), onError(message).
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
      onFrame: (data) => this.received(data),
      onClose: (event) => this.socketClosed(event),
    });

    /** Our newest known server revision; null before the first welcome. */
    this.rev = null;
    /** The server's text at `rev`. */
    this.serverText = null;
    /** The editor's text: serverText with our unacknowledged operations applied. */
    this.text = '';
    this.state = new Synchronized();
    /** The last seq used; seqs only grow, a rejected one is not reused. */
    this.seq = 0;
    this.src = o.src || drawSrc(o.random);
    if (o.restored) this.restore(o.restored);

    this.mode = 'edit';
    this.client = null;
    this.phase = 'disconnected'; // → catching-up (after the welcome) → live (caught up)
    this.head = null;
    this.fresh = this.rev === null; // the next hello says rev: null
    this.dropLost = false; // after a rejection that can never succeed (forbidden)
    this.selection = null;
    this.sentSelection = null;
  }

  /** Resumes from an outbox record: the base text at rev R and the edits made on top of it. */
  restore(record) {
    this.src = record.src;
    this.seq = record.seq;
    this.rev = record.rev;
    this.serverText = record.base;
    this.state = stateOf(record.outstanding, record.buffer);
    const pending = unsyncedOperation(this.state);
    this.text = pending ? pending.apply(record.base) : record.base;
  }

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
    this.send({ type: 'hello', src: this.src, name: this.name, rev: this.fresh ? null : this.rev });
  }

  socketClosed(event) {
    this.phase = 'disconnected';
    if (event && event.code === 1009 && this.state.outstanding) {
      // Our operation was too large for the server: it will never be accepted.
      this.resync(true);
      return;
    }
    this.emitStatus();
  }

  /** Lost track of the revisions: reconnect and resume (the outbox keeps what is unacknowledged). */
  resume() {
    this.phase = 'disconnected';
    this.connection.retry();
    this.emitStatus();
  }

  /** Starts over with rev null; unacknowledged edits are rebased on the fresh text (`startOver`). */
  resync(dropLost) {
    this.fresh = true;
    this.dropLost = this.dropLost || dropLost;
    this.phase = 'disconnected';
    this.connection.reopen();
    this.emitStatus();
  }

  send(message) {
    this.connection.send(message);
  }

  // ---- incoming --------------------------------------------------------------------------

  received(data) {
    let messages;
    try {
      messages = decodeFrame(data);
    } catch (e) {
      this.error(`unreadable frame from the server: ${e.message}`);
      return;
    }
    const connection = this.connection.socket;
    for (const message of messages) {
      // A message earlier in the batch may have closed this connection: the rest is stale.
      if (this.connection.socket !== connection) return;
      this.handle(message);
    }
  }

  handle(m) {
    switch (m.type) {
      case 'welcome': return this.welcomed(m);
      case 'op': return this.remoteOperation(m);
      case 'ack': return this.acknowledged(m);
      case 'select': this.presence.select(m.client, m.rev, m.ranges); return this.emitPresence();
      case 'join': this.presence.join(m.user); return this.emitPresence();
      case 'leave': this.presence.leave(m.client); return this.emitPresence();
      case 'error': return this.serverError(m);
      case 'pong': return undefined;
      default: return undefined; // forward compatibility
    }
  }

  welcomed(m) {
    this.client = m.client;
    this.mode = m.mode === 'view' ? 'view' : 'edit';
    this.head = m.head;
    this.connection.succeeded();
    this.presence.reset(m.users);
    if (typeof m.text === 'string') {
      this.startOver(m.rev, m.text);
    } else if (m.rev !== this.rev) {
      this.error(`welcome at revision ${m.rev}, we asked to resume at ${this.rev}`);
      this.resync(false);
      return;
    }
    this.phase = 'catching-up';
    this.emitStatus();
    this.caughtUpMaybe();
    this.emitPresence();
  }

  /** A fresh text at `rev`: our unacknowledged edits are re-applied on it where they fit. */
  startOver(rev, text) {
    const lost = this.dropLost || this.mode === 'view' ? null : unsyncedOperation(this.state);
    const edits = this.state.unsyncedEdits;
    const { onFresh, forLocal } = rebase(this.serverText, lost, this.text, text);
    this.fresh = false;
    this.dropLost = false;
    this.rev = rev;
    this.serverText = text;
    this.state = new Synchronized();
    this.presence.forgetHistory();
    this.changeLocal(forLocal);
    if (onFresh) {
      // Sent as a new operation (a new seq): the lost one was never applied.
      this.state = this.state.applyClient(onFresh, ++this.seq);
      this.state.outstanding.edits = edits;
      this.state.outstanding.reapplied = true;
    }
    this.save();
  }

  caughtUpMaybe() {
    if (this.phase !== 'catching-up' || this.rev < this.head) return;
    this.phase = 'live';
    this.sendOutstanding();
    this.sendSelection();
    this.emitStatus();
  }

  remoteOperation(m) {
    if (this.phase !== 'catching-up' && this.phase !== 'live') return;
    if (m.rev !== this.rev) {
      // Each revision comes once and in order; anything else means we lost track: resume.
      this.error(`operation for revision ${m.rev} while at ${this.rev}`);
      this.resume();
      return;
    }
    const outstanding = this.state.outstanding;
    if (outstanding && m.src === this.src && m.seq === outstanding.seq) {
      // Our own operation, applied before we lost the connection: that is its ack.
      this.acknowledge();
    } else {
      let op;
      try {
        op = TextOperation.fromJSON(m.op);
        op.apply(this.serverText); // checks the lengths before anything changes
      } catch (e) {
        this.error(`unusable operation for revision ${m.rev}: ${e.message}`);
        this.resync(false);
        return;
      }
      const [state, forLocal] = this.state.applyServer(op);
      this.state = state;
      this.serverText = op.apply(this.serverText);
      this.presence.advance(this.rev, op);
      this.rev++;
      this.changeLocal(forLocal);
    }
    this.caughtUpMaybe();
    this.emitPresence();
  }

  acknowledged(m) {
    const outstanding = this.state.outstanding;
    if (!outstanding || m.seq !== outstanding.seq) return; // a repeated ack of a resent operation
    if (m.rev !== this.rev) {
      this.error(`ack at revision ${m.rev} while at ${this.rev}`);
      this.resume();
      return;
    }
    this.acknowledge();
    this.emitPresence();
  }

  acknowledge() {
    const { op } = this.state.outstanding;
    this.serverText = op.apply(this.serverText);
    this.presence.advance(this.rev, op);
    this.rev++;
    const wasBuffering = !!this.state.buffer;
    this.state = this.state.serverAck(wasBuffering ? this.seq + 1 : undefined);
    if (wasBuffering) this.seq++;
    this.save();
    if (this.phase === 'live') {
      this.sendOutstanding();
      this.sendSelection();
    }
    this.emitStatus();
  }

  serverError(m) {
    const outstanding = this.state.outstanding;
    if (REJECTIONS.has(m.code) && outstanding && m.seq === outstanding.seq) {
      // Nothing was applied; our text holds an edit the server will never have.
      this.error(`the server refused our edit (${m.code}: ${m.message || ''})`);
      if (m.code === 'forbidden') this.mode = 'view';
      // Re-applied once on the fresh text; refused again, it is given up (it would loop).
      this.resync(m.code === 'forbidden' || outstanding.reapplied);
    } else if (m.code === 'unknown-rev') {
      // The server does not know the revision we resumed from (a restored or reset server).
      this.resync(false);
    } else {
      this.error(`server error ${m.code}: ${m.message || ''}`);
    }
  }

  // ---- outgoing --------------------------------------------------------------------------

  /** A local edit, already applied to the editor: `op` takes `text` to the editor's new text. */
  applyLocal(op) {
    if (op.isNoop()) return;
    if (op.baseLength !== this.text.length) {
      throw new RangeError(`local edit spans ${op.baseLength} units, text has ${this.text.length}`);
    }
    const wasSynchronized = !this.state.outstanding;
    this.state = this.state.applyClient(op, this.seq + 1);
    if (wasSynchronized) this.seq++;
    this.text = op.apply(this.text);
    if (this.selection) this.selection = transformRanges(this.selection, op);
    this.save();
    if (wasSynchronized && this.phase === 'live') this.sendOutstanding();
    this.emitStatus();
    this.emitPresence();
  }

  sendOutstanding() {
    const outstanding = this.state.outstanding;
    if (!outstanding || this.mode !== 'edit') return;
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

  changeLocal(op) {
    if (op.isNoop()) return;
    this.text = op.apply(this.text);
    if (this.selection) this.selection = transformRanges(this.selection, op);
    if (this.listeners.onChange) this.listeners.onChange(op);
  }

  save() {
    if (!this.outbox) return;
    try {
      if (!this.state.outstanding) this.outbox.clear();
      else {
        const { outstanding, buffer } = this.state;
        this.outbox.save({
          src: this.src,
          seq: this.seq,
          rev: this.rev,
          base: this.serverText,
          outstanding: { seq: outstanding.seq, op: outstanding.op, edits: outstanding.edits,
            reapplied: !!outstanding.reapplied },
          buffer: buffer ? { op: buffer.op, edits: buffer.edits } : null,
        });
      }
      this.saveFailed = false;
    } catch (e) {
      // Storage full or denied: keep editing, say so.
      if (!this.saveFailed) this.error(`could not keep unsynced edits locally: ${e.message}`);
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

  error(message) {
    if (this.listeners.onError) this.listeners.onError(message);
  }
}
