import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextOperation } from '../src/collab/text-operation.js';
import { Outbox, claimOutbox, STALE_MS } from '../src/collab/outbox.js';
import { sweepOutboxes } from '../src/collab/outbox-sweep.js';
import { FakeStorage } from './support/fake-storage.js';

const op = (...c) => TextOperation.fromJSON(c);
const LONG_AGO = 1000;
const NOW = LONG_AGO + 365 * 24 * 3600 * 1000; // a year later

/** A tab's outbox for `doc` that saved `insert` on top of base 'ab' at revision 3 and then went away. */
function goneTab(storage, doc, src, insert, { beat = LONG_AGO } = {}) {
  const outbox = new Outbox(storage, doc, src);
  outbox.save({ seq: 2, rev: 3, base: 'ab', outstanding: { seq: 2, op: op(2, insert), edits: 2 }, buffer: null });
  outbox.heartbeat(beat);
  return outbox;
}

const keys = (storage) => [...storage.map.keys()].sort();

test('unacknowledged edits are kept however old, and listed as waiting', () => {
  const storage = new FakeStorage();
  goneTab(storage, 'notes', 'srcAAAAAAAA', 'x');
  goneTab(storage, 'plans', 'srcBBBBBBBB', 'y');
  const before = keys(storage);
  const { removed, waiting } = sweepOutboxes({ storage, now: NOW });
  assert.equal(removed, 0);
  assert.deepEqual(keys(storage), before);
  assert.deepEqual(waiting.map((w) => [w.doc, w.src, w.edits]).sort(),
    [['notes', 'srcAAAAAAAA', 2], ['plans', 'srcBBBBBBBB', 2]]);
  assert.ok(waiting.every((w) => Number.isFinite(w.saved)));

  // Still resumable afterwards: the next editor of "notes" takes them and sends them.
  const claim = claimOutbox({ storage, tabStorage: null, doc: 'notes', now: NOW, drawSrc: () => 'unused' });
  assert.equal(claim.src, 'srcAAAAAAAA');
  assert.ok(claim.record.outstanding.op.equals(op(2, 'x')));
});

test('what gone tabs leave without an edit is removed: heartbeats, orphaned bases, unreadable or empty records', () => {
  const storage = new FakeStorage();
  storage.setItem('tandem:alive:notes:srcGONE0000', String(LONG_AGO)); // a tab that crashed, nothing unsynced
  storage.setItem('tandem:base:notes:srcGONE0000:7', 'left by a crash between two writes');
  goneTab(storage, 'notes', 'srcKEPT0000', 'x');
  storage.setItem('tandem:base:notes:srcKEPT0000:2', 'an older base of a kept record');
  storage.setItem('tandem:outbox:notes:srcBROKEN00', '{not json');
  storage.setItem('tandem:base:notes:srcBROKEN00:1', 'its base');
  const empty = new Outbox(storage, 'plans', 'srcEMPTY000');
  empty.save({ seq: 1, rev: 0, base: 'ab', outstanding: { seq: 1, op: op(2), edits: 1 }, buffer: null });
  storage.setItem('tandem:name', 'Ana');

  const { removed, waiting } = sweepOutboxes({ storage, now: NOW });
  assert.equal(removed, 7);
  assert.deepEqual(keys(storage), [
    'tandem:alive:notes:srcKEPT0000', 'tandem:base:notes:srcKEPT0000:3', 'tandem:name', 'tandem:outbox:notes:srcKEPT0000',
  ]);
  assert.deepEqual(waiting.map((w) => w.src), ['srcKEPT0000']);
});

test('a live tab\'s keys are never touched, even a base its record does not point to yet', () => {
  const storage = new FakeStorage();
  // Between its two writes: the base of revision 4 is there, the record still points to 3.
  goneTab(storage, 'notes', 'srcLIVE0000', 'x', { beat: NOW - 1000 });
  storage.setItem('tandem:base:notes:srcLIVE0000:4', 'abx');
  storage.setItem('tandem:outbox:notes:srcLOCK0000', '{being written');
  storage.setItem('tandem:alive:notes:srcFRESH000', String(NOW)); // a live tab with nothing unsynced
  const before = keys(storage);
  const { removed, waiting } = sweepOutboxes({
    storage, now: NOW, isHeld: (doc, src) => doc === 'notes' && src === 'srcLOCK0000',
  });
  assert.equal(removed, 0);
  assert.deepEqual(keys(storage), before);
  assert.deepEqual(waiting, [], 'a live tab delivers its own edits');
});

test('a heartbeat counts as live for STALE_MS, then its tab is gone', () => {
  const storage = new FakeStorage();
  storage.setItem('tandem:alive:d:srcAAAAAAAA', String(NOW - STALE_MS + 1));
  assert.equal(sweepOutboxes({ storage, now: NOW }).removed, 0);
  assert.equal(sweepOutboxes({ storage, now: NOW + 1 }).removed, 1);
  assert.equal(storage.length, 0);
});

test('the waiting list is newest first', () => {
  const storage = new FakeStorage();
  const realNow = Date.now;
  try {
    Date.now = () => 5000;
    goneTab(storage, 'older', 'srcAAAAAAAA', 'x');
    Date.now = () => 9000;
    goneTab(storage, 'newer', 'srcBBBBBBBB', 'y');
  } finally {
    Date.now = realNow;
  }
  assert.deepEqual(sweepOutboxes({ storage, now: NOW }).waiting.map((w) => [w.doc, w.saved]), [['newer', 9000], ['older', 5000]]);
});
