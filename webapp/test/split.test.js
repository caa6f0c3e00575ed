import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextOperation, hasUnpairedSurrogate } from '../src/collab/text-operation.js';
import {
  splitFirst, splitOperation, encodedBytes, operationBudget, insertedText, jsonStringBytes,
} from '../src/collab/split.js';
import { seeded, BASE_SEED, randomOperation, randomText, randomString, int } from './support/random.js';

const op = (...components) => TextOperation.fromJSON(components);
const utf8 = (value) => Buffer.byteLength(JSON.stringify(value), 'utf8');

/** The pieces compose to the operation, each fits, each is valid on the text it meets. */
function assertPieces(original, pieces, text, budget) {
  let composed = pieces[0];
  for (const piece of pieces.slice(1)) composed = composed.compose(piece);
  assert.deepEqual(composed.toJSON(), original.toJSON(), 'the pieces compose to the operation');
  let current = text;
  for (const piece of pieces) {
    assert.ok(utf8(piece.toJSON()) <= budget, `a piece of ${utf8(piece.toJSON())} bytes, budget ${budget}`);
    assert.ok(encodedBytes(piece) >= utf8(piece.toJSON()), 'encodedBytes never under-counts');
    current = piece.apply(current);
    assert.equal(hasUnpairedSurrogate(current), false, 'no piece splits a surrogate pair');
  }
  assert.equal(current, original.apply(text));
}

test('an operation that fits is not cut', () => {
  const small = op(3, 'abc', -2);
  assert.deepEqual(splitFirst(small, 100), [small, null]);
  assert.deepEqual(splitOperation(small, 100), [small]);
});

test('a 5 MB paste becomes inserts at consecutive positions, each under a 1 MiB message', () => {
  const paste = 'line of a log, with "quotes" and é\n'.repeat(150000); // ~5.4 MB of JSON
  const pasted = op(10, paste, 5);
  const budget = operationBudget(1024 * 1024);
  const pieces = splitOperation(pasted, budget);
  assert.ok(pieces.length >= 5 && pieces.length <= 7, `${pieces.length} pieces`);
  let at = 10;
  for (const piece of pieces) {
    // [at, inserted, rest]: each insert lands right after the previous one
    assert.equal(piece.ops[0], at);
    assert.equal(typeof piece.ops[1], 'string');
    at += piece.ops[1].length;
    const message = { type: 'op', rev: 2 ** 31 - 1, seq: 2 ** 31 - 1, op: piece.toJSON() };
    assert.ok(utf8(message) <= 1024 * 1024, 'the whole message fits');
  }
  assertPieces(pasted, pieces, `${'x'.repeat(10)}${'y'.repeat(5)}`, budget);
});

test('a cut never falls inside a surrogate pair', () => {
  const emoji = '😀'.repeat(1000);
  for (let budget = 40; budget < 80; budget++) {
    assertPieces(op(emoji), splitOperation(op(emoji), budget), '', budget);
  }
});

test('escaped characters are counted as JSON writes them', () => {
  assert.equal(jsonStringBytes('a"\\\n\u0001é€😀'), 1 + 2 + 2 + 2 + 6 + 2 + 3 + 6);
  const nasty = '\u0001"\\'.repeat(500);
  assertPieces(op(nasty), splitOperation(op(nasty), 200), '', 200);
});

test('a mixed operation of inserts, deletes and retains splits and composes back', () => {
  const text = 'abcdefghij'.repeat(100);
  const mixed = new TextOperation();
  for (let i = 0; i < 100; i++) mixed.retain(3).delete(2).insert(`piece ${i} `.repeat(i % 7 + 1)).retain(5);
  assertPieces(mixed, splitOperation(mixed, 300), text, 300);
});

test('random operations split under random budgets compose back to themselves', (t) => {
  t.diagnostic(`base seed ${BASE_SEED} (replay: TANDEM_SEED=${BASE_SEED} npm test)`);
  for (let i = 0; i < 300; i++) {
    const seed = BASE_SEED + i;
    const random = seeded(seed);
    const text = randomText(random, 30);
    const long = () => randomString(random, 6).repeat(1 + int(random, 40));
    const operation = randomOperation(random, text, { insertText: long });
    const budget = 60 + int(random, 400);
    try {
      assertPieces(operation, splitOperation(operation, budget), text, budget);
    } catch (e) {
      e.message = `${e.message}\n(seed ${seed})`;
      throw e;
    }
  }
});

test('the lost text of an operation is what it inserts', () => {
  assert.equal(insertedText(op(2, 'ab', -1, 3, 'cd')), 'abcd');
  assert.equal(insertedText(null), '');
});
