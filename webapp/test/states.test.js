import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextOperation } from '../src/collab/text-operation.js';
import {
  Synchronized, AwaitingConfirm, AwaitingWithBuffer, unsyncedOperation, stateOf,
} from '../src/collab/states.js';

const op = (...c) => TextOperation.fromJSON(c);

test('a local edit while synchronized becomes the outstanding operation with the given seq', () => {
  const state = new Synchronized().applyClient(op('a'), 7);
  assert.ok(state instanceof AwaitingConfirm);
  assert.equal(state.outstanding.seq, 7);
  assert.equal(state.unsyncedEdits, 1);
});

test('later local edits are composed into one buffer', () => {
  let state = new Synchronized().applyClient(op('a'), 1);
  state = state.applyClient(op(1, 'b'));
  state = state.applyClient(op(2, 'c'));
  assert.ok(state instanceof AwaitingWithBuffer);
  assert.deepEqual(state.buffer.op.toJSON(), [1, 'bc']);
  assert.equal(state.unsyncedEdits, 3);
  assert.deepEqual(unsyncedOperation(state).toJSON(), ['abc']);
});

test('the ack makes the buffer outstanding under a new seq', () => {
  const state = new Synchronized().applyClient(op('a'), 1).applyClient(op(1, 'b')).serverAck(2);
  assert.ok(state instanceof AwaitingConfirm);
  assert.deepEqual(state.outstanding, { seq: 2, op: op(1, 'b'), edits: 1 });
  assert.ok(state.serverAck() instanceof Synchronized);
});

test('a server operation passes through the outstanding op and the buffer', () => {
  // Server text "xy"; we typed "A" at 1 (outstanding) then "B" at 2 (buffer); another user
  // inserted "S" at 1. Our inserts go first at equal places, as the server will order them.
  const state = new Synchronized().applyClient(op(1, 'A', 1), 1).applyClient(op(2, 'B', 1));
  const [next, forLocal] = state.applyServer(op(1, 'S', 1));
  assert.equal(forLocal.apply('xABy'), 'xABSy');
  assert.deepEqual(next.outstanding.op.toJSON(), [1, 'A', 2]);
  assert.equal(next.buffer.op.apply(next.outstanding.op.apply('xSy')), 'xABSy');
});

test('a synchronized client applies server operations unchanged', () => {
  const [state, forLocal] = new Synchronized().applyServer(op(1, 'S'));
  assert.ok(state instanceof Synchronized);
  assert.deepEqual(forLocal.toJSON(), [1, 'S']);
  assert.throws(() => state.serverAck());
});

test('remote ranges move through our outstanding and buffered edits', () => {
  const state = new Synchronized().applyClient(op('ab', 2), 1).applyClient(op(2, 'c', 2));
  assert.deepEqual(state.transformRanges([{ anchor: 0, head: 2 }]), [{ anchor: 3, head: 5 }]);
});

test('stateOf rebuilds a state from what the outbox kept', () => {
  assert.ok(stateOf(null, null) instanceof Synchronized);
  assert.ok(stateOf({ seq: 1, op: op('a'), edits: 1 }, null) instanceof AwaitingConfirm);
  assert.ok(stateOf({ seq: 1, op: op('a'), edits: 1 }, { op: op(1, 'b'), edits: 1 })
    instanceof AwaitingWithBuffer);
});
