import { TextOperation } from './text-operation.js';
import { transformRanges } from './ranges.js';

// The client's synchronisation state, as in ot.js's client.js: immutable values, one class per
// state. At most one operation is outstanding (sent, or to be sent, and not acknowledged); later
// local edits are composed into one buffer. Sending is the caller's job: a state only says what is
// outstanding. Every state keeps the invariant
//   local text == apply(apply(server text at rev, outstanding.op), buffer.op)
// and `edits` counts the local edits inside an operation, for "N unsynced changes".

/** Nothing unacknowledged: the local text is the server's text at our revision. */
export class Synchronized {
  get outstanding() { return null; }
  get buffer() { return null; }
  get unsyncedEdits() { return 0; }

  /** A local edit becomes the outstanding operation under the given (fresh) seq. */
  applyClient(op, seq) {
    return new AwaitingConfirm({ seq, op, edits: 1 });
  }

  /** [next state, the operation to apply to the local text]. */
  applyServer(op) {
    return [this, op];
  }

  serverAck() {
    throw new Error('an ack while nothing is outstanding');
  }

  /** Ranges at our revision, in local-text coordinates. */
  transformRanges(ranges) {
    return ranges;
  }
}

/** One operation sent (or queued for the next connection) and not yet acknowledged. */
export class AwaitingConfirm {
  constructor(outstanding) {
    this.outstanding = outstanding;
  }

  get buffer() { return null; }
  get unsyncedEdits() { return this.outstanding.edits; }

  applyClient(op) {
    return new AwaitingWithBuffer(this.outstanding, { op, edits: 1 });
  }

  applyServer(op) {
    // Our outstanding op is `a`: the server transformed it the same way, with our insert first.
    const [outstanding, forLocal] = TextOperation.transform(this.outstanding.op, op);
    return [new AwaitingConfirm({ ...this.outstanding, op: outstanding }), forLocal];
  }

  serverAck() {
    return new Synchronized();
  }

  transformRanges(ranges) {
    return transformRanges(ranges, this.outstanding.op);
  }
}

/** One operation outstanding and later local edits composed into a buffer. */
export class AwaitingWithBuffer {
  constructor(outstanding, buffer) {
    this.outstanding = outstanding;
    this.buffer = buffer;
  }

  get unsyncedEdits() { return this.outstanding.edits + this.buffer.edits; }

  applyClient(op) {
    return new AwaitingWithBuffer(this.outstanding, {
      op: this.buffer.op.compose(op),
      edits: this.buffer.edits + 1,
    });
  }

  applyServer(op) {
    const [outstanding, op1] = TextOperation.transform(this.outstanding.op, op);
    const [buffer, forLocal] = TextOperation.transform(this.buffer.op, op1);
    return [
      new AwaitingWithBuffer({ ...this.outstanding, op: outstanding }, { ...this.buffer, op: buffer }),
      forLocal,
    ];
  }

  /** The buffer becomes the outstanding operation, under the given fresh seq. */
  serverAck(seq) {
    return new AwaitingConfirm({ seq, op: this.buffer.op, edits: this.buffer.edits });
  }

  transformRanges(ranges) {
    return transformRanges(transformRanges(ranges, this.outstanding.op), this.buffer.op);
  }
}

/** All unacknowledged local edits as one operation on the server text, or null when there are none. */
export function unsyncedOperation(state) {
  if (!state.outstanding) return null;
  return state.buffer ? state.outstanding.op.compose(state.buffer.op) : state.outstanding.op;
}

/** The state holding `outstanding` and `buffer` ({seq, op, edits} / {op, edits}, either may be null). */
export function stateOf(outstanding, buffer) {
  if (!outstanding) return new Synchronized();
  return buffer ? new AwaitingWithBuffer(outstanding, buffer) : new AwaitingConfirm(outstanding);
}
