import { TextOperation } from '../../src/collab/text-operation.js';

/**
 * A seeded PRNG (mulberry32), so a failing property can be replayed: every test names its seed,
 * and TANDEM_SEED=<n> npm test runs with that base seed again.
 */
export function seeded(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The base seed of this run: TANDEM_SEED when given, else drawn (and printed by the tests). */
export const BASE_SEED = process.env.TANDEM_SEED !== undefined
  ? Number(process.env.TANDEM_SEED)
  : Math.floor(Math.random() * 2 ** 31);

export const int = (random, n) => Math.floor(random() * n);

const ALPHABET = ['a', 'b', 'c', ' ', '\n', 'é', '😀', '\r\n', 'x'];

export function randomString(random, maxUnits = 6) {
  let s = '';
  const n = 1 + int(random, maxUnits);
  for (let i = 0; i < n; i++) s += ALPHABET[int(random, ALPHABET.length)];
  return s;
}

/** Code-point boundaries of `text` (never between two halves of a surrogate pair). */
function boundaries(text) {
  const result = [0];
  let i = 0;
  for (const ch of text) {
    i += ch.length;
    result.push(i);
  }
  return result;
}

/**
 * A random operation on `text` that keeps surrogate pairs whole, as an editor makes them.
 * @param {object} [o] {inserts: only insert, insertText: () => string}
 */
export function randomOperation(random, text, o = {}) {
  const cuts = boundaries(text);
  const op = new TextOperation();
  let position = 0;
  let cut = 0;
  while (cut < cuts.length - 1) {
    const r = random();
    const step = 1 + int(random, Math.max(1, Math.min(10, cuts.length - 1 - cut)));
    const next = Math.min(cuts.length - 1, cut + step);
    const units = cuts[next] - position;
    if (r < 0.2) op.insert(o.insertText ? o.insertText() : randomString(random));
    else if (r < 0.4 && !o.inserts) {
      op.delete(units);
      position += units;
      cut = next;
    } else {
      op.retain(units);
      position += units;
      cut = next;
    }
  }
  if (random() < 0.3) op.insert(o.insertText ? o.insertText() : randomString(random));
  return op;
}

export function randomText(random, maxPieces = 8) {
  let s = '';
  const n = int(random, maxPieces);
  for (let i = 0; i < n; i++) s += randomString(random);
  return s;
}
