import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Text, EditorState, ChangeSet } from '@codemirror/state';
import { operationFromChanges, changesFromOperation } from '../src/collab/changes.js';
import { seeded, BASE_SEED, randomOperation, randomText } from './support/random.js';

const doc = (s) => Text.of(s.split('\n'));

test('CodeMirror ChangeSets and TextOperations map onto each other exactly (UTF-16, \\r kept)', (t) => {
  t.diagnostic(`base seed ${BASE_SEED}`);
  for (let i = 0; i < 300; i++) {
    const random = seeded(BASE_SEED + i);
    const text = randomText(random);
    const op = randomOperation(random, text);
    const changes = changesFromOperation(op);
    assert.equal(changes.apply(doc(text)).toString(), op.apply(text), `seed ${BASE_SEED + i}`);
    assert.ok(operationFromChanges(changes).equals(op), `seed ${BASE_SEED + i}`);
  }
});

test('an editor transaction becomes the operation of its changes', () => {
  const state = EditorState.create({ doc: 'héllo\r\nworld', extensions: EditorState.lineSeparator.of('\n') });
  assert.equal(state.doc.length, 'héllo\r\nworld'.length, 'a \\r counts as a unit of its own');
  const tr = state.update({ changes: [{ from: 0, to: 1, insert: 'J' }, { from: 7, insert: '😀' }] });
  const op = operationFromChanges(tr.changes);
  assert.deepEqual(op.toJSON(), ['J', -1, 6, '😀', 5]);
  assert.equal(op.apply(state.doc.toString()), tr.state.doc.toString());
  assert.ok(ChangeSet.empty(3).empty && operationFromChanges(ChangeSet.empty(3)).isNoop());
});
