import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextOperation, checkOperation, hasUnpairedSurrogate } from '../src/collab/text-operation.js';
import { diff } from '../src/collab/diff.js';
import { seeded, BASE_SEED, randomOperation, randomText, int } from './support/random.js';

const RUNS = 500;

/** Runs `property(random, seed)` RUNS times, naming the seed of a failure so it can be replayed. */
function forAll(name, property) {
  test(name, (t) => {
    t.diagnostic(`base seed ${BASE_SEED} (replay: TANDEM_SEED=${BASE_SEED} npm test)`);
    for (let i = 0; i < RUNS; i++) {
      const seed = BASE_SEED + i;
      try {
        property(seeded(seed));
      } catch (e) {
        e.message = `${e.message}\n(seed ${seed})`;
        throw e;
      }
    }
  });
}

const op = (...components) => TextOperation.fromJSON(components);

test('applies the example of PROTOCOL.md', () => {
  assert.equal(op(1, 'a', -2, 2).apply('hello'), 'halo');
  assert.equal(op().apply(''), '');
});

test('reads the wire form, dropping 0 and "" and merging neighbours', () => {
  assert.deepEqual(op(0, 2, 3, '', 'a', 'b', -1, -1).toJSON(), [5, 'ab', -2]);
  assert.throws(() => op(1.5), TypeError);
  assert.throws(() => op(2 ** 31), TypeError);
  assert.throws(() => op(null), TypeError);
  assert.throws(() => TextOperation.fromJSON('x'), TypeError);
});

test('keeps normal form: an insert goes before an adjacent delete', () => {
  const a = new TextOperation().retain(1).delete(2).insert('x').retain(1);
  const b = new TextOperation().retain(1).insert('x').delete(2).retain(1);
  assert.deepEqual(a.toJSON(), [1, 'x', -2, 1]);
  assert.ok(a.equals(b));
});

test('refuses to apply to a text of another length', () => {
  assert.throws(() => op(3).apply('ab'), RangeError);
});

test("transform puts a's insert first when both insert at one place", () => {
  const [a1, b1] = TextOperation.transform(op(1, 'A', 1), op(1, 'B', 1));
  assert.equal(b1.apply(op(1, 'A', 1).apply('xy')), 'xABy');
  assert.equal(a1.apply(op(1, 'B', 1).apply('xy')), 'xABy');
});

test('transformPosition moves a cursor behind an insert at it, and into a deletion start', () => {
  assert.equal(op(2, 'ab', 3).transformPosition(2), 4);
  assert.equal(op(2, 'ab', 3).transformPosition(1), 1);
  assert.equal(op(1, -3, 1).transformPosition(3), 1);
  assert.equal(op(1, -3, 1).transformPosition(5), 2);
});

test('checkOperation refuses what would split a surrogate pair', () => {
  assert.equal(checkOperation(op(1, 'x', 2), 'a😀'), null);
  assert.match(checkOperation(op(2, 'x', 1), 'a😀'), /surrogate/);
  assert.match(checkOperation(op(1, -1, 1), 'a😀'), /surrogate/);
  assert.match(checkOperation(op(2, '\ud83d', 1), 'a😀'), /surrogate/);
  assert.equal(checkOperation(op('\ud83d', '\ude00'), ''), null, 'two inserts forming a pair are valid');
  assert.ok(hasUnpairedSurrogate('\ude00a'));
});

forAll('JSON round trip keeps the operation', (random) => {
  const text = randomText(random);
  const a = randomOperation(random, text);
  assert.ok(TextOperation.fromJSON(JSON.parse(JSON.stringify(a))).equals(a));
  assert.equal(a.apply(text).length, a.targetLength);
});

forAll('compose: apply(apply(S, a), b) == apply(S, compose(a, b))', (random) => {
  const s = randomText(random);
  const a = randomOperation(random, s);
  const afterA = a.apply(s);
  const b = randomOperation(random, afterA);
  const ab = a.compose(b);
  assert.equal(ab.apply(s), b.apply(afterA));
  assert.equal(ab.baseLength, s.length);
});

forAll("TP1: apply(apply(S, a), b') == apply(apply(S, b), a')", (random) => {
  const s = randomText(random);
  const a = randomOperation(random, s);
  const b = randomOperation(random, s);
  const [a1, b1] = TextOperation.transform(a, b);
  assert.equal(b1.apply(a.apply(s)), a1.apply(b.apply(s)));
});

forAll('transform then compose agree: a·b\' == b·a\'', (random) => {
  const s = randomText(random);
  const a = randomOperation(random, s);
  const b = randomOperation(random, s);
  const [a1, b1] = TextOperation.transform(a, b);
  assert.ok(a.compose(b1).equals(b.compose(a1)));
});

forAll('invert: apply(apply(S, a), invert(a, S)) == S', (random) => {
  const s = randomText(random);
  const a = randomOperation(random, s);
  assert.equal(a.invert(s).apply(a.apply(s)), s);
});

forAll('operations that keep pairs whole fit (checkOperation)', (random) => {
  const s = randomText(random);
  assert.equal(checkOperation(randomOperation(random, s), s), null);
});

forAll('diff(before, after) turns before into after', (random) => {
  const before = randomText(random);
  const after = random() < 0.5 ? randomText(random) : randomOperation(random, before).apply(before);
  const d = diff(before, after);
  assert.equal(d.apply(before), after);
  assert.equal(checkOperation(d, before), null);
});

forAll('transformPosition keeps a cursor inside the text', (random) => {
  const s = randomText(random);
  const a = randomOperation(random, s);
  const p = a.transformPosition(int(random, s.length + 1));
  assert.ok(p >= 0 && p <= a.targetLength, `${p} in 0..${a.targetLength}`);
});
