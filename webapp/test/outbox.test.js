import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextOperation } from '../src/collab/text-operation.js';
import { Outbox, claimOutbox, readRecord, STALE_MS } from '../src/collab/outbox.js';
import { Harness } from './support/harness.js';
import { FakeStorage } from './support/fake-storage.js';
import { seeded } from './support/random.js';

const op = (...c) => TextOperation.fromJSON(c);

test('a record survives the round trip through storage', () => {
  const storage = new FakeStorage();
  const outbox = new Outbox(storage, 'notes', 'srcAAAAAAAA');
  outbox.save({
    src: 'srcAAAAAAAA', seq: 4, rev: 9, base: 'ab😀',
    outstanding: { seq: 4, op: op(4, 'c'), edits: 2, reapplied: false },
    buffer: { op: op(5, 'd'), edits: 1 },
  });
  const record = outbox.load();
  assert.equal(record.rev, 9);
  assert.equal(record.base, 'ab😀');
  assert.ok(record.outstanding.op.equals(op(4, 'c')));
  assert.ok(record.buffer.op.equals(op(5, 'd')));
  assert.deepEqual([record.seq, record.outstanding.seq, record.outstanding.edits], [4, 4, 2]);
  outbox.clear();
  assert.equal(outbox.load(), null);
});

test('a record that does not hold together is not resumed', () => {
  const record = { v: 2, src: 's', seq: 1, rev: 0, outstanding: { seq: 1, op: [3, 'x'] } };
  const baseAt = (rev) => (rev === 0 ? 'ab' : null);
  assert.equal(readRecord(JSON.stringify(record), baseAt), null, 'op longer than the base');
  assert.equal(readRecord('{not json', baseAt), null);
  assert.equal(readRecord(JSON.stringify({ ...record, rev: 1 }), baseAt), null, 'no base at that revision');
  assert.ok(readRecord(JSON.stringify({ ...record, outstanding: { seq: 1, op: [2, 'x'] } }), baseAt));
});

test('the whole text is written once per revision, the small record on every edit', () => {
  const writes = [];
  const storage = new FakeStorage();
  const setItem = storage.setItem.bind(storage);
  storage.setItem = (k, v) => { writes.push(k.split(':')[1]); setItem(k, v); };
  const outbox = new Outbox(storage, 'd', 'srcAAAAAAAA');
  const save = (rev, op) => outbox.save({ seq: 1, rev, base: 'abc', outstanding: { seq: 1, op, edits: 1 }, buffer: null });
  save(5, TextOperation.fromJSON([3, 'x']));
  save(5, TextOperation.fromJSON([3, 'xy']));
  save(6, TextOperation.fromJSON([3, 'xyz']));
  assert.deepEqual(writes, ['base', 'outbox', 'outbox', 'base', 'outbox']);
  assert.deepEqual([...storage.map.keys()].sort(), ['tandem:base:d:srcAAAAAAAA:6', 'tandem:outbox:d:srcAAAAAAAA']);
  assert.equal(new Outbox(storage, 'd', 'srcAAAAAAAA').load().outstanding.op.toJSON()[1], 'xyz');
  outbox.clear();
  assert.equal(storage.length, 0);
});

test('a text too long for the storage is not copied into it again at every revision', () => {
  const writes = [];
  const storage = new FakeStorage();
  storage.setItem = (k, v) => {
    writes.push(k.split(':')[1]);
    if (k.startsWith('tandem:base:') && String(v).length > 10) throw new Error('QuotaExceededError');
    storage.map.set(k, String(v));
  };
  const outbox = new Outbox(storage, 'd', 'srcAAAAAAAA');
  const save = (rev, base) => outbox.save({ seq: 1, rev, base, outstanding: { seq: 1, op: op(base.length, 'x'), edits: 1 }, buffer: null });
  assert.throws(() => save(5, 'a'.repeat(20)), /Quota/);
  assert.throws(() => save(6, 'a'.repeat(21)), /does not fit/);
  assert.deepEqual(writes, ['base'], 'tried once');
  save(7, 'short');
  assert.equal(new Outbox(storage, 'd', 'srcAAAAAAAA').load().base, 'short');
});

test('a tab resumes its own record after a reload, never a live tab\'s, and adopts a dead tab\'s', () => {
  const storage = new FakeStorage();
  const tab1 = new FakeStorage();
  let n = 0;
  const drawSrc = () => `fresh${++n}xxxx`;
  const first = claimOutbox({ storage, tabStorage: tab1, doc: 'd', now: 1000, drawSrc });
  first.outbox.save({ seq: 1, rev: 0, base: '', outstanding: { seq: 1, op: op('x'), edits: 1 }, buffer: null });

  const otherTab = claimOutbox({ storage, tabStorage: new FakeStorage(), doc: 'd', now: 2000, drawSrc });
  assert.equal(otherTab.record, null, 'the first tab is alive: its record is not taken');
  assert.notEqual(otherTab.src, first.src);

  first.outbox.release(); // pagehide
  const reloaded = claimOutbox({ storage, tabStorage: tab1, doc: 'd', now: 3000, drawSrc });
  assert.equal(reloaded.src, first.src);
  assert.equal(reloaded.record.outstanding.op.toJSON()[0], 'x');

  // The reloaded tab crashes: once its heartbeat is stale another tab adopts the record.
  const later = claimOutbox({ storage, tabStorage: new FakeStorage(), doc: 'd', now: 3000 + STALE_MS + 1, drawSrc });
  assert.equal(later.src, first.src);
});

test('a tab without a record draws a fresh src (its last seq is unknown)', () => {
  const storage = new FakeStorage();
  const tab = new FakeStorage();
  let n = 0;
  const drawSrc = () => `fresh${++n}xxxx`;
  const a = claimOutbox({ storage, tabStorage: tab, doc: 'd', now: 1, drawSrc });
  a.outbox.release();
  const b = claimOutbox({ storage, tabStorage: tab, doc: 'd', now: 2, drawSrc });
  assert.notEqual(a.src, b.src);
});

test('edits made offline survive a reload and reach the server once', () => {
  const h = new Harness(seeded(3), { text: 'draft' });
  const storage = new FakeStorage();
  const tab = new FakeStorage();
  const editor = h.open({ storage, tabStorage: tab });
  h.settle();
  h.network.cutRandom();
  h.network.drain();
  editor.edit(op(5, ' one'));
  editor.edit(op(9, ' two'));
  assert.equal(editor.session.status().unsynced, 2);
  editor.reload(); // still offline: the new page shows the edits from the outbox at once
  assert.equal(editor.text, 'draft one two');
  assert.equal(editor.session.status().unsynced, 2);
  h.settle();
  assert.equal(h.server.text, 'draft one two');
  assert.equal(h.server.head, 2, 'outstanding and buffer: two operations, each applied once');
  assert.equal(storage.getItem(`tandem:outbox:doc:${editor.session.src}`), null, 'emptied after the acks');
});

test('an op applied before the reload is recognised in the catch-up, not applied again', () => {
  const h = new Harness(seeded(4), { text: '' });
  const editor = h.open();
  h.settle();
  editor.edit(op('x'));
  // The op reaches the server, the ack never comes back: the page reloads.
  while (h.server.head === 0) h.network.step();
  editor.reload();
  h.settle();
  assert.equal(h.server.text, 'x');
  assert.equal(h.server.head, 1);
  assert.equal(editor.text, 'x');
});
