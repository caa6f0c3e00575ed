import { TextOperation } from './text-operation.js';

// An edit of any size reaches the server: an operation whose `op` message would be over the
// server's message limit (PROTOCOL.md: the welcome's maxMessageBytes; beyond it the server closes
// with 1009) is cut into pieces that each fit, sent one after the other under the one-outstanding
// rule. Cutting keeps
//   head.compose(rest) == op
// so the pieces, applied in order, do exactly what the operation did; a cut never falls inside a
// surrogate pair, so every piece is valid on its own.

/** PROTOCOL.md's default maximum message size, assumed until a welcome tells the server's. */
export const DEFAULT_MAX_MESSAGE_BYTES = 1024 * 1024;
/** The smallest limit a server may have (TANDEM_MAX_MESSAGE_BYTES is at least 1024). */
export const MIN_MAX_MESSAGE_BYTES = 1024;
/** Room for a trailing retain (up to 2^31) and its comma. */
const TRAILING_RETAIN = 12;

/**
 * How many bytes of an encoded operation fit in a message of `maxMessageBytes`: the rest is kept
 * for the envelope ({"type":"op","rev":…,"seq":…,"op":…}) and for what transforming the operation
 * through others' edits may add before it is resent (a few components, each a number).
 */
export function operationBudget(maxMessageBytes) {
  return maxMessageBytes - Math.min(4096, Math.floor(maxMessageBytes / 4));
}

/** UTF-8 bytes of `text` as a JSON string's contents, never fewer than JSON.stringify writes. */
export function jsonStringBytes(text, start = 0, end = text.length) {
  let bytes = 0;
  for (let i = start; i < end; i++) bytes += unitBytes(text.charCodeAt(i));
  return bytes;
}

function unitBytes(code) {
  if (code < 0x20) return code === 8 || code === 9 || code === 10 || code === 12 || code === 13 ? 2 : 6;
  if (code === 0x22 || code === 0x5c) return 2; // " and \ are escaped
  if (code < 0x80) return 1;
  if (code < 0x800) return 2;
  return 3; // a surrogate half counts 3, so a pair (4 bytes in UTF-8) is over-counted, never under
}

function componentBytes(c) {
  return typeof c === 'string' ? jsonStringBytes(c) + 2 : String(c).length;
}

/** UTF-8 bytes of JSON.stringify(op), or an upper bound of it. */
export function encodedBytes(op) {
  let bytes = 2 + Math.max(0, op.ops.length - 1);
  for (const c of op.ops) bytes += componentBytes(c);
  return bytes;
}

/**
 * Cuts `op` after as much of it as fits in `budget` bytes of JSON.
 * @returns {[TextOperation, TextOperation|null]} [head, rest] with head.compose(rest) == op and
 *   encodedBytes(head) <= budget; rest is null when op fits whole (then head is op).
 */
export function splitFirst(op, budget) {
  if (encodedBytes(op) <= budget) return [op, null];
  const head = new TextOperation();
  const tail = []; // components of op left for the rest, the first possibly cut
  let bytes = 2 + TRAILING_RETAIN + 1;
  let i = 0;
  for (; i < op.ops.length; i++) {
    const c = op.ops[i];
    const size = componentBytes(c) + 1;
    if (bytes + size <= budget) {
      add(head, c);
      bytes += size;
      continue;
    }
    if (typeof c === 'string') {
      const cut = prefixFitting(c, budget - bytes - 3);
      if (cut > 0) {
        head.insert(c.slice(0, cut));
        tail.push(c.slice(cut));
        i++;
      }
    }
    break;
  }
  for (; i < op.ops.length; i++) tail.push(op.ops[i]);
  if (!head.ops.some((c) => typeof c === 'string' || c < 0)) {
    throw new RangeError(`no part of the operation fits in ${budget} bytes`);
  }
  const done = head.targetLength; // the text the head has produced so far
  head.retain(op.baseLength - head.baseLength);
  const rest = new TextOperation().retain(done);
  for (const c of tail) add(rest, c);
  return [head, rest];
}

/** Every piece of `op`, in order: pieces[0].compose(pieces[1])… == op, each within `budget`. */
export function splitOperation(op, budget) {
  const pieces = [];
  let rest = op;
  while (rest) {
    const [head, next] = splitFirst(rest, budget);
    pieces.push(head);
    rest = next;
  }
  return pieces;
}

/** The longest prefix of `text` within `room` bytes of JSON that ends between code points. */
function prefixFitting(text, room) {
  let bytes = 0;
  let n = 0;
  while (n < text.length) {
    const code = text.charCodeAt(n);
    const pair = code >= 0xd800 && code <= 0xdbff && n + 1 < text.length
      && text.charCodeAt(n + 1) >= 0xdc00 && text.charCodeAt(n + 1) <= 0xdfff;
    const size = pair ? 6 : unitBytes(code);
    if (bytes + size > room) break;
    bytes += size;
    n += pair ? 2 : 1;
  }
  return n;
}

function add(op, c) {
  if (typeof c === 'string') op.insert(c);
  else if (c > 0) op.retain(c);
  else op.delete(-c);
}

/** The text an operation inserts, in order: what a refused edit would lose. */
export function insertedText(op) {
  return op ? op.ops.filter((c) => typeof c === 'string').join('') : '';
}
