// The ot.js TextOperation algebra (MIT, Tim Baumann), in PROTOCOL.md's JSON form, with positions and
// lengths in UTF-16 code units. Components: n > 0 retains n units, a non-empty string inserts it,
// n < 0 deletes -n units. Operations are kept in normal form (adjacent components of one kind merged,
// an insert always before a delete at the same place) so that equal edits have equal JSON.

const MAX_MAGNITUDE = 2 ** 31;

const isRetain = (c) => typeof c === 'number' && c > 0;
const isDelete = (c) => typeof c === 'number' && c < 0;
const isInsert = (c) => typeof c === 'string';

export class TextOperation {
  constructor() {
    this.ops = [];
    /** Length of the text this operation applies to. */
    this.baseLength = 0;
    /** Length of the text it produces. */
    this.targetLength = 0;
  }

  retain(n) {
    if (n === 0) return this;
    if (!(n > 0)) throw new RangeError(`retain expects a positive count, got ${n}`);
    this.baseLength += n;
    this.targetLength += n;
    const last = this.ops.length - 1;
    if (isRetain(this.ops[last])) this.ops[last] += n;
    else this.ops.push(n);
    return this;
  }

  insert(text) {
    if (text === '') return this;
    if (typeof text !== 'string') throw new TypeError('insert expects a string');
    this.targetLength += text.length;
    const ops = this.ops;
    const n = ops.length;
    if (isInsert(ops[n - 1])) {
      ops[n - 1] += text;
    } else if (isDelete(ops[n - 1])) {
      // Normal form: an insert goes before an adjacent delete.
      if (isInsert(ops[n - 2])) ops[n - 2] += text;
      else {
        ops[n] = ops[n - 1];
        ops[n - 1] = text;
      }
    } else {
      ops.push(text);
    }
    return this;
  }

  delete(n) {
    if (typeof n === 'string') n = n.length;
    if (n === 0) return this;
    if (n > 0) n = -n;
    this.baseLength -= n;
    const last = this.ops.length - 1;
    if (isDelete(this.ops[last])) this.ops[last] += n;
    else this.ops.push(n);
    return this;
  }

  /** True when applying this operation changes nothing. */
  isNoop() {
    return this.ops.length === 0 || (this.ops.length === 1 && isRetain(this.ops[0]));
  }

  equals(other) {
    if (this.baseLength !== other.baseLength || this.ops.length !== other.ops.length) return false;
    return this.ops.every((c, i) => c === other.ops[i]);
  }

  toJSON() {
    return this.ops.slice();
  }

  /**
   * Reads PROTOCOL.md's wire form. Components `0` and `""` are dropped, adjacent ones merged;
   * anything else that is not a non-zero integer below 2^31 in magnitude or a string is refused.
   */
  static fromJSON(components) {
    if (!Array.isArray(components)) throw new TypeError('an operation is a JSON array');
    const op = new TextOperation();
    for (const c of components) {
      if (typeof c === 'string') op.insert(c);
      else if (Number.isInteger(c) && Math.abs(c) < MAX_MAGNITUDE) {
        if (c > 0) op.retain(c);
        else if (c < 0) op.delete(c);
      } else throw new TypeError(`invalid operation component ${JSON.stringify(c)}`);
    }
    return op;
  }

  /** apply(S, this): the text after this operation, for a text S of length baseLength. */
  apply(text) {
    if (text.length !== this.baseLength) {
      throw new RangeError(`operation spans ${this.baseLength} units, text has ${text.length}`);
    }
    const parts = [];
    let index = 0;
    for (const c of this.ops) {
      if (isRetain(c)) {
        parts.push(text.slice(index, index + c));
        index += c;
      } else if (isInsert(c)) parts.push(c);
      else index -= c;
    }
    return parts.join('');
  }

  /**
   * compose(a, b) = ab with apply(apply(S, a), b) == apply(S, ab).
   * Requires a.targetLength == b.baseLength.
   */
  compose(b) {
    const a = this;
    if (a.targetLength !== b.baseLength) {
      throw new RangeError(`compose: first produces ${a.targetLength} units, second spans ${b.baseLength}`);
    }
    const result = new TextOperation();
    const ops1 = a.ops;
    const ops2 = b.ops;
    let i1 = 0;
    let i2 = 0;
    let op1 = ops1[i1++];
    let op2 = ops2[i2++];
    for (;;) {
      if (op1 === undefined && op2 === undefined) break;
      if (isDelete(op1)) {
        result.delete(op1);
        op1 = ops1[i1++];
        continue;
      }
      if (isInsert(op2)) {
        result.insert(op2);
        op2 = ops2[i2++];
        continue;
      }
      if (op1 === undefined || op2 === undefined) throw new Error('compose: operations do not line up');
      if (isRetain(op1) && isRetain(op2)) {
        if (op1 > op2) { result.retain(op2); op1 -= op2; op2 = ops2[i2++]; }
        else if (op1 === op2) { result.retain(op1); op1 = ops1[i1++]; op2 = ops2[i2++]; }
        else { result.retain(op1); op2 -= op1; op1 = ops1[i1++]; }
      } else if (isInsert(op1) && isDelete(op2)) {
        if (op1.length > -op2) { op1 = op1.slice(-op2); op2 = ops2[i2++]; }
        else if (op1.length === -op2) { op1 = ops1[i1++]; op2 = ops2[i2++]; }
        else { op2 += op1.length; op1 = ops1[i1++]; }
      } else if (isInsert(op1) && isRetain(op2)) {
        if (op1.length > op2) { result.insert(op1.slice(0, op2)); op1 = op1.slice(op2); op2 = ops2[i2++]; }
        else if (op1.length === op2) { result.insert(op1); op1 = ops1[i1++]; op2 = ops2[i2++]; }
        else { result.insert(op1); op2 -= op1.length; op1 = ops1[i1++]; }
      } else if (isRetain(op1) && isDelete(op2)) {
        if (op1 > -op2) { result.delete(op2); op1 += op2; op2 = ops2[i2++]; }
        else if (op1 === -op2) { result.delete(op2); op1 = ops1[i1++]; op2 = ops2[i2++]; }
        else { result.delete(op1); op2 += op1; op1 = ops1[i1++]; }
      } else {
        throw new Error('compose: unexpected components');
      }
    }
    return result;
  }

  /**
   * transform(a, b) = [a', b'] with apply(apply(S, a), b') == apply(apply(S, b), a') (TP1).
   * Both apply to the same text; when both insert at one place, a's insert ends up first —
   * so a client passes its own pending operation as a and the server's as b, as the server does.
   */
  static transform(a, b) {
    if (a.baseLength !== b.baseLength) {
      throw new RangeError(`transform: operations span ${a.baseLength} and ${b.baseLength} units`);
    }
    const a1 = new TextOperation();
    const b1 = new TextOperation();
    const ops1 = a.ops;
    const ops2 = b.ops;
    let i1 = 0;
    let i2 = 0;
    let op1 = ops1[i1++];
    let op2 = ops2[i2++];
    for (;;) {
      if (op1 === undefined && op2 === undefined) break;
      if (isInsert(op1)) {
        a1.insert(op1);
        b1.retain(op1.length);
        op1 = ops1[i1++];
        continue;
      }
      if (isInsert(op2)) {
        a1.retain(op2.length);
        b1.insert(op2);
        op2 = ops2[i2++];
        continue;
      }
      if (op1 === undefined || op2 === undefined) throw new Error('transform: operations do not line up');
      let min;
      if (isRetain(op1) && isRetain(op2)) {
        if (op1 > op2) { min = op2; op1 -= op2; op2 = ops2[i2++]; }
        else if (op1 === op2) { min = op2; op1 = ops1[i1++]; op2 = ops2[i2++]; }
        else { min = op1; op2 -= op1; op1 = ops1[i1++]; }
        a1.retain(min);
        b1.retain(min);
      } else if (isDelete(op1) && isDelete(op2)) {
        // Both delete the same units: neither needs to any more.
        if (-op1 > -op2) { op1 -= op2; op2 = ops2[i2++]; }
        else if (op1 === op2) { op1 = ops1[i1++]; op2 = ops2[i2++]; }
        else { op2 -= op1; op1 = ops1[i1++]; }
      } else if (isDelete(op1) && isRetain(op2)) {
        if (-op1 > op2) { min = op2; op1 += op2; op2 = ops2[i2++]; }
        else if (-op1 === op2) { min = op2; op1 = ops1[i1++]; op2 = ops2[i2++]; }
        else { min = -op1; op2 += op1; op1 = ops1[i1++]; }
        a1.delete(min);
      } else if (isRetain(op1) && isDelete(op2)) {
        if (op1 > -op2) { min = -op2; op1 += op2; op2 = ops2[i2++]; }
        else if (op1 === -op2) { min = op1; op1 = ops1[i1++]; op2 = ops2[i2++]; }
        else { min = op1; op2 += op1; op1 = ops1[i1++]; }
        b1.delete(min);
      } else {
        throw new Error('transform: unexpected components');
      }
    }
    return [a1, b1];
  }

  /**
   * Where `position` (a boundary between units of the text before) ends up after this operation,
   * as ot.js's Selection.Range.transform moves it: an insert at the position pushes it behind.
   */
  transformPosition(position) {
    let remaining = position;
    let moved = position;
    for (const c of this.ops) {
      if (isRetain(c)) remaining -= c;
      else if (isInsert(c)) moved += c.length;
      else {
        moved -= Math.min(remaining, -c);
        remaining += c;
      }
      if (remaining < 0) break;
    }
    return moved;
  }

  /** The operation that undoes this one on the text it produced: apply(apply(S, a), a.invert(S)) == S. */
  invert(text) {
    const inverse = new TextOperation();
    let index = 0;
    for (const c of this.ops) {
      if (isRetain(c)) { inverse.retain(c); index += c; }
      else if (isInsert(c)) inverse.delete(c.length);
      else { inverse.insert(text.slice(index, index - c)); index -= c; }
    }
    return inverse;
  }
}

const isHigh = (code) => code >= 0xd800 && code <= 0xdbff;
const isLow = (code) => code >= 0xdc00 && code <= 0xdfff;

/** True when `text` holds an unpaired surrogate, which PROTOCOL.md forbids in a document. */
export function hasUnpairedSurrogate(text) {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isHigh(code)) {
      if (i + 1 < text.length && isLow(text.charCodeAt(i + 1))) i++;
      else return true;
    } else if (isLow(code)) return true;
  }
  return false;
}

/** True when `position` lies between the two halves of a surrogate pair of `text`. */
export function splitsSurrogatePair(text, position) {
  return position > 0 && position < text.length
    && isHigh(text.charCodeAt(position - 1)) && isLow(text.charCodeAt(position));
}

/**
 * Why the server would refuse `op` on `text`, or null when it fits: the lengths must match and the
 * result must hold no unpaired surrogate (so no pair is split and no half-pair inserted).
 */
export function checkOperation(op, text) {
  if (op.baseLength !== text.length) {
    return `operation spans ${op.baseLength} units, document has ${text.length}`;
  }
  const result = op.apply(text);
  if (hasUnpairedSurrogate(result) && !hasUnpairedSurrogate(text)) {
    return 'operation splits or inserts an unpaired surrogate';
  }
  return null;
}
