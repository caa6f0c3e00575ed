import { Synchronized, stateOf, unsyncedOperation } from './states.js';
import { rebase } from './rebase.js';
import {
  splitFirst, encodedBytes, operationBudget, DEFAULT_MAX_MESSAGE_BYTES, MIN_MAX_MESSAGE_BYTES,
} from './split.js';

/**
 * This editor's copy of a document against the server's, as ot.js's client keeps it: the server's
 * text `serverText` at revision `rev`, our unacknowledged edits in `state` (states.js) and the
 * editor's `text`, with the invariant
 *   text == apply(serverText, unsyncedOperation(state))
 * Seqs only grow; a rejected one is not reused. An operation becoming outstanding is cut, when its
 * message would be over the server's limit, into a first piece that fits and the rest, which goes
 * to the front of the buffer (split.js): so the outbox never holds an outstanding operation that
 * cannot be sent, and a reload keeps the pieces. No I/O: the Session decides what is sent and when,
 * and keeps the editor in step with every operation returned "for the local text".
 */
export class Replica {
  /** @param {string} src this editor's src */
  constructor(src) {
    this.src = src;
    /** Our newest known server revision; null before the first welcome. */
    this.rev = null;
    /** The server's text at `rev`. */
    this.serverText = null;
    /** The editor's text. */
    this.text = '';
    this.state = new Synchronized();
    /** The last seq used. */
    this.seq = 0;
    /** Bytes an outstanding operation's JSON may take (split.js). */
    this.budget = operationBudget(DEFAULT_MAX_MESSAGE_BYTES);
    /** A ceiling on the budget learnt from a 1009 close, whatever a welcome says. */
    this.budgetCeiling = Infinity;
  }

  /** The server's message limit, from its welcome (or the protocol's default without one). */
  setMaxMessageBytes(maxMessageBytes) {
    this.budget = Math.min(this.budgetCeiling, operationBudget(maxMessageBytes));
  }

  /**
   * The server closed with 1009 over our outstanding operation: halve what we send at once.
   * @returns {boolean} whether the operation can now be cut smaller (else it can never be sent)
   */
  shrinkBudget() {
    const outstanding = this.state.outstanding;
    if (!outstanding) return false;
    const size = Math.min(encodedBytes(outstanding.op), this.budget);
    const smaller = Math.max(operationBudget(MIN_MAX_MESSAGE_BYTES), Math.floor(size / 2));
    if (smaller >= size) return false;
    this.budgetCeiling = smaller;
    this.budget = smaller;
    return true;
  }

  /**
   * Cuts the outstanding operation to the budget, the rest going to the front of the buffer.
   * Only for an operation the server cannot have applied: one just made outstanding, or one over
   * the server's own limit (which the server refuses whole).
   * @returns {boolean} whether it was cut
   */
  fitOutstanding() {
    const { outstanding, buffer } = this.state;
    if (!outstanding) return false;
    const [head, rest] = splitFirst(outstanding.op, this.budget);
    if (!rest) return false;
    this.state = stateOf({ ...outstanding, op: head }, {
      op: buffer ? rest.compose(buffer.op) : rest,
      edits: buffer ? buffer.edits : 1,
    });
    return true;
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

  /**
   * A local edit, already applied to the editor: `op` takes `text` to the editor's new text.
   * @returns {boolean} whether it became the outstanding operation (to send now), not buffered
   */
  applyLocal(op) {
    if (op.baseLength !== this.text.length) {
      throw new RangeError(`local edit spans ${op.baseLength} units, text has ${this.text.length}`);
    }
    const wasSynchronized = !this.state.outstanding;
    this.state = this.state.applyClient(op, this.seq + 1);
    if (wasSynchronized) this.seq++;
    this.text = op.apply(this.text);
    if (wasSynchronized) this.fitOutstanding();
    return wasSynchronized;
  }

  /** Whether the operation `src`/`seq` is our outstanding one (met again in a catch-up). */
  isOutstanding(src, seq) {
    const outstanding = this.state.outstanding;
    return !!outstanding && src === this.src && seq === outstanding.seq;
  }

  /**
   * Someone else's operation at our `rev`. Throws, changing nothing, when it does not fit the
   * server's text. @returns the operation that the local text went through
   */
  applyServer(op) {
    const serverText = op.apply(this.serverText);
    const [state, forLocal] = this.state.applyServer(op);
    this.state = state;
    this.serverText = serverText;
    this.rev++;
    this.text = forLocal.apply(this.text);
    return forLocal;
  }

  /** The server applied our outstanding operation at `rev`. @returns that operation */
  acknowledge() {
    const { op } = this.state.outstanding;
    this.serverText = op.apply(this.serverText);
    this.rev++;
    const wasBuffering = !!this.state.buffer;
    this.state = this.state.serverAck(wasBuffering ? this.seq + 1 : undefined);
    if (wasBuffering) this.seq++;
    this.fitOutstanding();
    return op;
  }

  /**
   * A fresh text at `rev` from the server, of which we know no history. With `keepEdits`, our
   * unacknowledged edits are re-applied on it where they fit, as one new operation (a new seq:
   * the lost one was never applied); else they are given up, and returned as `given up`.
   * @returns {{forLocal: TextOperation, givenUp: TextOperation|null}} the operation that the
   *   local text went through, and the unacknowledged edits given up (on the old server text)
   */
  startOver(rev, text, { keepEdits }) {
    const unsynced = unsyncedOperation(this.state);
    const lost = keepEdits ? unsynced : null;
    const edits = this.state.unsyncedEdits;
    const { onFresh, forLocal } = rebase(this.serverText, lost, this.text, text);
    this.rev = rev;
    this.serverText = text;
    this.state = new Synchronized();
    this.text = forLocal.apply(this.text);
    if (onFresh) {
      this.state = this.state.applyClient(onFresh, ++this.seq);
      this.state.outstanding.edits = edits;
      this.state.outstanding.reapplied = true;
      this.fitOutstanding();
    }
    return { forLocal, givenUp: keepEdits ? null : unsynced };
  }

  /** What the outbox keeps (outbox.js), or null when nothing is unacknowledged. */
  record() {
    const { outstanding, buffer } = this.state;
    if (!outstanding) return null;
    return {
      src: this.src,
      seq: this.seq,
      rev: this.rev,
      base: this.serverText,
      outstanding: { seq: outstanding.seq, op: outstanding.op, edits: outstanding.edits,
        reapplied: !!outstanding.reapplied },
      buffer: buffer ? { op: buffer.op, edits: buffer.edits } : null,
    };
  }
}
