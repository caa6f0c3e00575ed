import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rebase } from '../src/collab/rebase.js';
import { TextOperation } from '../src/collab/text-operation.js';
import { drawSrc } from '../src/collab/src-id.js';
import { seeded, BASE_SEED, randomOperation, randomText } from './support/random.js';

test('lost edits carried onto a fresh text: apply(local, forLocal) == apply(fresh, onFresh)', (t) => {
  t.diagnostic(`base seed ${BASE_SEED}`);
  for (let i = 0; i < 300; i++) {
    const random = seeded(BASE_SEED + i);
    const base = randomText(random);
    const lost = randomOperation(random, base);
    const local = lost.apply(base);
    const fresh = random() < 0.5 ? randomOperation(random, base).apply(base) : randomText(random);
    const { onFresh, forLocal } = rebase(base, lost, local, fresh);
    assert.equal(forLocal.apply(local), onFresh ? onFresh.apply(fresh) : fresh, `seed ${BASE_SEED + i}`);
  }
});

test('an edit is kept where the fresh text still has its surroundings', () => {
  const base = 'Dear Bo,\nsee you.';
  const lost = TextOperation.fromJSON([base.length, '!']);
  const fresh = 'Dear Bo and Cy,\nsee you.';
  const { onFresh, forLocal } = rebase(base, lost, lost.apply(base), fresh);
  assert.equal(onFresh.apply(fresh), 'Dear Bo and Cy,\nsee you.!');
  assert.equal(forLocal.apply(lost.apply(base)), 'Dear Bo and Cy,\nsee you.!');
  assert.equal(rebase(base, null, base, fresh).onFresh, null, 'nothing lost, nothing to send');
});

test('srcs are drawn from the CSPRNG in PROTOCOL.md\'s alphabet and never repeat', () => {
  const seen = new Set();
  for (let i = 0; i < 1000; i++) {
    const src = drawSrc();
    assert.match(src, /^[A-Za-z0-9_-]{8,64}$/);
    assert.ok(!seen.has(src));
    seen.add(src);
  }
});
