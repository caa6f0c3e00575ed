import { test } from 'node:test';
import assert from 'node:assert/strict';
import { revertOperation, textsOf, wordLevel, inlineView, sideBySide } from '../src/collab/diff-spans.js';
import { seeded, BASE_SEED, randomOperation } from './support/random.js';

const keep = (text) => ({ kind: 'keep', text, author: null });
const ins = (text, author) => ({ kind: 'insert', text, author });
const del = (text, author) => ({ kind: 'delete', text, author });

/** Spans as the server makes them, by following random operations unit by unit (the server's model). */
function randomSpans(random, base) {
  let units = [...base].map((ch) => ({ ch, original: true, by: null })); // one per code point
  const deleted = [];
  let text = base;
  for (let n = 0; n < 6; n++) {
    const op = randomOperation(random, text);
    const author = ['Ana', 'Bo', null][n % 3];
    const next = [];
    let at = 0;
    for (const c of op.ops) {
      if (typeof c === 'string') {
        for (const ch of c) next.push({ ch, original: false, by: author });
      } else if (c > 0) {
        let len = 0;
        while (len < c) { next.push(units[at]); len += units[at].ch.length; at++; }
      } else {
        let len = 0;
        while (len < -c) {
          const unit = units[at];
          if (unit.original) { unit.deletedBy = author; deleted.push(unit); next.push({ ...unit, tomb: true }); }
          len += unit.ch.length;
          at++;
        }
      }
    }
    // tombstones stay in place, invisible to later operations
    units = next.filter((u) => !u.tomb);
    text = op.apply(text);
  }
  // a simple order: the kept and inserted units in order, deleted originals before them at the end
  const spans = [];
  const push = (kind, ch, author) => {
    const last = spans[spans.length - 1];
    if (last && last.kind === kind && last.author === author) last.text += ch;
    else spans.push({ kind, text: ch, author });
  };
  for (const u of deleted) push('delete', u.ch, u.deletedBy);
  for (const u of units) push(u.original ? 'keep' : 'insert', u.ch, u.original ? null : u.by);
  return spans;
}

test('the revert of a diff takes the text after back to the text before', () => {
  const spans = [del('hello', 'Bo'), ins('big', 'Bo'), keep(' world'), ins('!', 'Ana')];
  const { before, after } = textsOf(spans);
  assert.equal(before, 'hello world');
  assert.equal(after, 'big world!');
  assert.equal(revertOperation(spans).apply(after), before);
  assert.deepEqual(revertOperation(spans).toJSON(), ['hello', -3, 6, -1]);
});

test('a change inside a word shows as the whole word replaced', () => {
  assert.deepEqual(wordLevel([keep('the ca'), ins('r', 'Bo'), keep('t sat')]), [
    keep('the '), del('cat', 'Bo'), ins('cart', 'Bo'), keep(' sat'),
  ]);
  assert.deepEqual(wordLevel([keep('a '), ins('new ', 'Ana'), keep('b')]), [keep('a '), ins('new ', 'Ana'), keep('b')]);
  assert.deepEqual(wordLevel([keep('one'), del(' two', 'Cy')]), [keep('one'), del(' two', 'Cy')]);
});

test('the word-level form rebuilds the same two texts', (t) => {
  t.diagnostic(`base seed ${BASE_SEED}`);
  for (let i = 0; i < 300; i++) {
    const random = seeded(BASE_SEED + i);
    const spans = randomSpans(random, 'the cat sat on the mat');
    const words = wordLevel(spans);
    assert.deepEqual(textsOf(words), textsOf(spans), `seed ${BASE_SEED + i}`);
    assert.ok(words.every((s) => s.text.length > 0), `seed ${BASE_SEED + i}: no empty span`);
    assert.equal(revertOperation(words).apply(textsOf(spans).after), textsOf(spans).before, `seed ${BASE_SEED + i}`);
  }
});

test('inline and side-by-side views mark each change where it is', () => {
  const spans = [del('hello', 'Bo'), ins('big', 'Bo'), keep(' world')];
  assert.deepEqual(inlineView(spans), {
    text: 'hellobig world',
    marks: [{ from: 0, to: 5, kind: 'delete', author: 'Bo' }, { from: 5, to: 8, kind: 'insert', author: 'Bo' }],
  });
  const { before, after } = sideBySide(spans);
  assert.deepEqual(before, { text: 'hello world', marks: [{ from: 0, to: 5, kind: 'delete', author: 'Bo' }] });
  assert.deepEqual(after, { text: 'big world', marks: [{ from: 0, to: 3, kind: 'insert', author: 'Bo' }] });
});
