import { test } from 'node:test';
import assert from 'node:assert/strict';
import { attribute, spans } from '../src/collab/authorship.js';
import { TextOperation } from '../src/collab/text-operation.js';
import { seeded, BASE_SEED, randomOperation } from './support/random.js';

test('each unit of the text is attributed to the user who inserted it', () => {
  const runs = attribute([
    { rev: 0, op: ['hello world'], name: 'Ana' },
    { rev: 1, op: [5, ' big', 6], name: 'Bo' },
    { rev: 2, op: [-6, 'Hi', 9], client: 'c3' },
  ]);
  assert.deepEqual(runs, [{ length: 2, author: 'c3' }, { length: 3, author: 'Bo' }, { length: 6, author: 'Ana' }]);
  assert.deepEqual(spans(runs).at(-1), { from: 5, to: 11, author: 'Ana' });
});

test('the runs always cover the text the log produces', (t) => {
  t.diagnostic(`base seed ${BASE_SEED}`);
  for (let i = 0; i < 100; i++) {
    const random = seeded(BASE_SEED + i);
    let text = '';
    const log = [];
    for (let rev = 0; rev < 20; rev++) {
      const op = randomOperation(random, text);
      log.push({ rev, op: op.toJSON(), name: `u${rev % 3}` });
      text = op.apply(text);
    }
    const total = attribute(log).reduce((n, r) => n + r.length, 0);
    assert.equal(total, text.length, `seed ${BASE_SEED + i}`);
  }
  assert.throws(() => attribute([{ op: TextOperation.fromJSON([3]).toJSON() }]), RangeError);
});
