import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextOperation } from '../src/collab/text-operation.js';
import { Session, KEEPALIVE_MS, SILENCE_MS } from '../src/collab/session.js';
import { Backoff } from '../src/collab/backoff.js';
import { Harness } from './support/harness.js';
import { FakeTimers } from './support/fake-timers.js';
import { seeded } from './support/random.js';

const op = (...c) => TextOperation.fromJSON(c);

/** A session on a socket the test plays the server of: `sent` holds what the client sent. */
function scripted(options = {}) {
  const timers = new FakeTimers();
  const sockets = [];
  const changes = [];
  const errors = [];
  const lost = [];
  const statuses = [];
  let users = [];
  const session = new Session({
    doc: 'doc',
    url: 'ws://test/ws/docs/doc',
    src: 'srcAAAAAAAA',
    openSocket: () => {
      const socket = { sent: [], closed: null, send(d) { this.sent.push(JSON.parse(d)); }, close(code) { this.closed = code; } };
      sockets.push(socket);
      return socket;
    },
    timers,
    random: () => 0.5,
    listeners: {
      onChange: (o) => changes.push(o),
      onPresence: (u) => { users = u; },
      onError: (e) => errors.push(e),
      onStatus: (st) => statuses.push(st),
      onLost: (l) => lost.push(l),
    },
    ...options,
  });
  const socket = () => sockets[sockets.length - 1];
  const serverSays = (...messages) => socket().onmessage({
    data: JSON.stringify(messages.length === 1 ? messages[0] : messages),
  });
  session.start();
  socket().onopen();
  return { session, timers, sockets, socket, serverSays, changes, errors, lost, statuses, users: () => users };
}

const welcome = (extra) => ({ type: 'welcome', doc: 'doc', client: 'c1', mode: 'edit', rev: 3, head: 3, text: 'abc', users: [], ...extra });

test('opens with hello rev null and takes the text of the welcome', () => {
  const s = scripted({ name: 'Ana' });
  assert.deepEqual(s.socket().sent, [{ type: 'hello', src: 'srcAAAAAAAA', name: 'Ana', rev: null, features: ['comments'] }]);
  s.serverSays(welcome());
  assert.equal(s.session.text, 'abc');
  assert.equal(s.changes[0].apply(''), 'abc');
  assert.equal(s.session.status().connection, 'connected');
});

test('sends one operation at a time and buffers the rest until the ack', () => {
  const s = scripted();
  s.serverSays(welcome());
  s.session.applyLocal(op(3, 'd'));
  s.session.applyLocal(op(4, 'e'));
  s.session.applyLocal(op(5, 'f'));
  assert.deepEqual(s.socket().sent.slice(1), [{ type: 'op', rev: 3, seq: 1, op: [3, 'd'] }]);
  assert.equal(s.session.status().unsynced, 3);
  s.serverSays({ type: 'ack', seq: 1, rev: 3 });
  assert.deepEqual(s.socket().sent.slice(2), [{ type: 'op', rev: 4, seq: 2, op: [4, 'ef'] }]);
  s.serverSays({ type: 'ack', seq: 2, rev: 4 });
  assert.equal(s.session.status().unsynced, 0);
  assert.equal(s.session.serverText, 'abcdef');
});

test('handles array frames in order and ignores unknown types and fields', () => {
  const s = scripted();
  s.serverSays(welcome(), { type: 'op', rev: 3, op: [3, 'x'], client: 'c2', src: 'other', seq: 1, extra: 1 },
    { type: 'shiny-new-thing' }, { type: 'op', rev: 4, op: ['y', 4], client: 'c2', src: 'other', seq: 2 });
  assert.equal(s.session.text, 'yabcx');
  assert.equal(s.session.rev, 5);
});

test('transforms a remote operation through our unacknowledged edits', () => {
  const s = scripted();
  s.serverSays(welcome());
  s.session.applyLocal(op(1, 'A', 2)); // outstanding
  s.session.applyLocal(op(4, 'B')); // buffered
  s.serverSays({ type: 'op', rev: 3, op: [1, 'S', 2], client: 'c2', src: 'other', seq: 1 });
  assert.equal(s.session.text, 'aASbcB', 'our insert first at the same place, as the server orders it');
  assert.equal(s.changes.at(-1).apply('aAbcB'), 'aASbcB');
});

test('sends ping every 25 s and reconnects when the server falls silent', () => {
  const s = scripted();
  s.serverSays(welcome());
  s.timers.advance(KEEPALIVE_MS);
  assert.deepEqual(s.socket().sent.at(-1), { type: 'ping' });
  s.serverSays({ type: 'pong' });
  s.timers.advance(SILENCE_MS + KEEPALIVE_MS);
  assert.equal(s.sockets.length, 2, 'a new connection after the silence');
  assert.equal(s.sockets[0].closed, 4000);
});

test('reconnects with growing, jittered delays and resumes at its revision', () => {
  const s = scripted();
  s.serverSays(welcome());
  s.socket().onclose({ code: 1006 });
  assert.equal(s.session.status().connection, 'reconnecting');
  s.timers.runNext();
  assert.equal(s.sockets.length, 2);
  s.socket().onopen();
  assert.deepEqual(s.socket().sent[0], { type: 'hello', src: 'srcAAAAAAAA', name: '', rev: 3, features: ['comments'] });
  const backoff = new Backoff({ initial: 100, max: 1000, random: seeded(1) });
  const delays = Array.from({ length: 8 }, () => backoff.next());
  delays.forEach((d, i) => assert.ok(d >= Math.min(1000, 100 * 2 ** i) / 2 && d <= Math.min(1000, 100 * 2 ** i)));
});

test('takes its own operation among the catch-up as its ack and does not resend it', () => {
  const s = scripted();
  s.serverSays(welcome());
  s.session.applyLocal(op(3, 'd'));
  s.socket().onclose({ code: 1006 });
  s.timers.runNext();
  s.socket().onopen();
  s.serverSays({ ...welcome({ head: 5 }), text: undefined },
    { type: 'op', rev: 3, op: ['x', 3], client: 'c2', src: 'other', seq: 1 },
    { type: 'op', rev: 4, op: [4, 'd'], client: 'c1', src: 'srcAAAAAAAA', seq: 1 });
  assert.equal(s.session.status().unsynced, 0);
  assert.equal(s.session.text, 'xabcd');
  assert.deepEqual(s.socket().sent.filter((m) => m.type === 'op'), []);
  assert.equal(s.statuses.at(-1).connection, 'connected', 'reported once the catch-up is done');
});

test('resends an unacknowledged operation after the catch-up, same seq, transformed', () => {
  const s = scripted();
  s.serverSays(welcome());
  s.session.applyLocal(op(3, 'd'));
  s.socket().onclose({ code: 1006 });
  s.timers.runNext();
  s.socket().onopen();
  s.serverSays({ ...welcome({ head: 4 }), text: undefined });
  assert.deepEqual(s.socket().sent.filter((m) => m.type === 'op'), [], 'not before the catch-up');
  s.serverSays({ type: 'op', rev: 3, op: ['x', 3], client: 'c2', src: 'other', seq: 1 });
  assert.deepEqual(s.socket().sent.filter((m) => m.type === 'op'), [{ type: 'op', rev: 4, seq: 1, op: [4, 'd'] }]);
  s.serverSays({ type: 'ack', seq: 1, rev: 4 });
  assert.equal(s.session.serverText, 'xabcd');
});

test('unknown-rev on resume: starts over with rev null and re-applies the edits on the fresh text', () => {
  const s = scripted();
  s.serverSays(welcome());
  s.session.applyLocal(op(3, '!'));
  s.socket().onclose({ code: 1006 });
  s.timers.runNext();
  s.socket().onopen();
  s.serverSays({ type: 'error', code: 'unknown-rev', message: 'revision 3 is not between 0 and 1' });
  s.socket().onopen();
  assert.deepEqual(s.socket().sent[0], { type: 'hello', src: 'srcAAAAAAAA', name: '', rev: null, features: ['comments'] });
  s.serverSays(welcome({ rev: 1, head: 1, text: 'Zabc' }));
  assert.equal(s.session.text, 'Zabc!');
  assert.deepEqual(s.socket().sent.at(-1), { type: 'op', rev: 1, seq: 2, op: [4, '!'] });
});

test('a rejected operation: resynchronise, re-apply once, drop it if refused again', () => {
  const s = scripted();
  s.serverSays(welcome());
  s.session.applyLocal(op(3, '!'));
  s.serverSays({ type: 'error', code: 'invalid-op', message: 'no', seq: 1 });
  assert.equal(s.sockets.length, 2);
  s.socket().onopen();
  assert.equal(s.socket().sent[0].rev, null);
  s.serverSays(welcome({ rev: 4, head: 4, text: 'abcQ' }));
  assert.equal(s.session.text, 'abc!Q', 'the lost edit first where both inserted, as it was typed first');
  assert.deepEqual(s.socket().sent.at(-1), { type: 'op', rev: 4, seq: 2, op: [3, '!', 1] });
  s.serverSays({ type: 'error', code: 'invalid-op', message: 'no again', seq: 2 });
  s.socket().onopen();
  s.serverSays(welcome({ rev: 4, head: 4, text: 'abcQ' }));
  assert.equal(s.session.text, 'abcQ', 'given up after the second refusal');
  assert.equal(s.session.status().unsynced, 0);
  assert.ok(s.errors.some((e) => /refused/.test(e)));
  assert.deepEqual(s.lost, [{ code: 'invalid-op', message: 'no again', text: '!' }], 'and never silently');
  assert.equal(s.session.status().refused, 1);
});

test('a document over its size limit: the edit is given up at once and its text handed over', () => {
  const s = scripted();
  s.serverSays(welcome());
  s.session.applyLocal(op(3, 'big paste'));
  s.session.applyLocal(op(12, ' and more'));
  s.serverSays({ type: 'error', code: 'too-large', message: 'the document would exceed its limit', seq: 1 });
  s.socket().onopen();
  assert.equal(s.socket().sent[0].rev, null);
  s.serverSays(welcome());
  assert.equal(s.session.text, 'abc');
  assert.deepEqual(s.lost, [{ code: 'too-large', message: 'the document would exceed its limit', text: 'big paste and more' }]);
  assert.equal(s.session.status().unsynced, 0);
  assert.equal(s.session.status().refused, 1);
});

test('an edit over the message limit of the welcome goes in pieces, one outstanding at a time', () => {
  const s = scripted();
  s.serverSays(welcome({ maxMessageBytes: 1024 }));
  const paste = 'x'.repeat(2000);
  s.session.applyLocal(op(3, paste));
  const sent = () => s.socket().sent.filter((m) => m.type === 'op');
  assert.equal(sent().length, 1);
  assert.ok(JSON.stringify(sent()[0]).length <= 1024);
  assert.equal(s.session.status().unsynced, 2, 'the rest waits in the buffer');
  let rev = 3;
  while (s.session.state.outstanding) {
    const last = sent().at(-1);
    assert.equal(last.rev, rev);
    assert.ok(Buffer.byteLength(JSON.stringify(last)) <= 1024);
    s.serverSays({ type: 'ack', seq: last.seq, rev });
    rev++;
  }
  const pieces = sent();
  assert.ok(pieces.length >= 3);
  let text = 'abc';
  for (const m of pieces) text = TextOperation.fromJSON(m.op).apply(text);
  assert.equal(text, `abc${paste}`);
  assert.equal(s.session.text, text);
});

test('pieces are cut before the outbox keeps them, so a reload offline resumes with them', () => {
  const saved = [];
  const outbox = { save: (r) => saved.push(r), clear: () => saved.push(null) };
  const s = scripted({ outbox });
  s.serverSays(welcome({ maxMessageBytes: 1024 }));
  s.socket().onclose({ code: 1006 });
  s.session.applyLocal(op(3, 'y'.repeat(3000)));
  const record = saved.at(-1);
  assert.ok(JSON.stringify(record.outstanding.op).length <= 1024, 'the outstanding piece fits');
  assert.equal(record.outstanding.op.compose(record.buffer.op).apply('abc'), `abc${'y'.repeat(3000)}`);
});

test('closed with 1009 by a server that said no limit: the edit is sent again in smaller pieces', () => {
  const s = scripted();
  s.serverSays(welcome()); // a version 1 server: 1 MiB assumed
  s.session.applyLocal(op(3, 'z'.repeat(600000)));
  assert.equal(s.socket().sent.at(-1).type, 'op');
  s.socket().onclose({ code: 1009 });
  assert.equal(s.lost.length, 0);
  s.timers.runNext();
  s.socket().onopen();
  assert.equal(s.socket().sent[0].rev, 3, 'resumes, keeping the edit');
  s.serverSays({ ...welcome(), text: undefined });
  const piece = s.socket().sent.at(-1);
  assert.equal(piece.seq, 1, 'the same seq: the server refused it whole');
  assert.ok(Buffer.byteLength(JSON.stringify(piece.op)) <= 300001);
  assert.equal(s.session.text, `abc${'z'.repeat(600000)}`);
});

test('re-applied edits kept in the outbox survive an unknown-rev after a reload', () => {
  // A record whose operation was already re-applied once after a rejection: unknown-rev is no
  // refusal of that operation, so it is re-applied again rather than dropped.
  const restored = {
    src: 'srcAAAAAAAA', seq: 2, rev: 9, base: 'abc',
    outstanding: { seq: 2, op: op(3, '!'), edits: 1, reapplied: true }, buffer: null,
  };
  const s = scripted({ restored });
  assert.equal(s.session.text, 'abc!');
  assert.equal(s.socket().sent[0].rev, 9);
  s.serverSays({ type: 'error', code: 'unknown-rev', message: 'no revision 9' });
  s.socket().onopen();
  s.serverSays(welcome({ rev: 1, head: 1, text: 'abc' }));
  assert.equal(s.session.text, 'abc!');
  assert.deepEqual(s.socket().sent.at(-1), { type: 'op', rev: 1, seq: 3, op: [3, '!'] });
});

test('forbidden: the edit is dropped and the session is read-only', () => {
  const s = scripted();
  s.serverSays(welcome());
  s.session.applyLocal(op(3, '!'));
  s.serverSays({ type: 'error', code: 'forbidden', message: 'view only', seq: 1 });
  s.socket().onopen();
  s.serverSays(welcome({ mode: 'view' }));
  assert.equal(s.session.text, 'abc');
  assert.equal(s.session.status().mode, 'view');
  assert.equal(s.changes.at(-1).apply('abc!'), 'abc');
  assert.deepEqual(s.lost, [{ code: 'forbidden', message: 'view only', text: '!' }]);
});

test('sends its selection only while nothing is unacknowledged, at that revision', () => {
  const s = scripted();
  s.serverSays(welcome());
  s.session.setSelection([{ anchor: 1, head: 1 }]);
  assert.deepEqual(s.socket().sent.at(-1), { type: 'select', rev: 3, ranges: [{ anchor: 1, head: 1 }] });
  s.session.applyLocal(op('x', 3));
  s.session.setSelection([{ anchor: 1, head: 1 }]);
  assert.equal(s.socket().sent.at(-1).type, 'op');
  s.serverSays({ type: 'op', rev: 3, op: ['yy', 3], client: 'c2', src: 'other', seq: 1 });
  s.serverSays({ type: 'ack', seq: 1, rev: 4 });
  // Kept up to date through the remote insert as ot.js moves positions (the editor reports its own
  // view of the selection after every transaction anyway).
  assert.deepEqual(s.socket().sent.at(-1), { type: 'select', rev: 5, ranges: [{ anchor: 3, head: 3 }] });
});

test('sends its selection again on a new connection', () => {
  const s = scripted();
  s.serverSays(welcome());
  s.session.setSelection([{ anchor: 2, head: 2 }]);
  s.socket().onclose({ code: 1006 });
  s.timers.runNext();
  s.socket().onopen();
  s.serverSays({ ...welcome(), text: undefined });
  assert.deepEqual(s.socket().sent.at(-1), { type: 'select', rev: 3, ranges: [{ anchor: 2, head: 2 }] });
});

test('shows remote ranges once at their revision, moved through our pending edits', () => {
  const s = scripted();
  s.serverSays(welcome({ users: [{ client: 'c2', name: 'Bo', color: '#2a9d8f', rev: 3, ranges: [{ anchor: 2, head: 2 }] }] }));
  assert.deepEqual(s.users()[0].ranges, [{ anchor: 2, head: 2 }]);
  s.session.applyLocal(op('xx', 3));
  assert.deepEqual(s.users()[0].ranges, [{ anchor: 4, head: 4 }]);
  s.serverSays({ type: 'select', client: 'c2', rev: 4, ranges: [{ anchor: 0, head: 4 }] });
  assert.equal(s.users()[0].ranges, null, 'revision 4 not reached yet');
  s.serverSays({ type: 'op', rev: 3, op: [3, 'Q'], client: 'c2', src: 'other', seq: 1 });
  assert.deepEqual(s.users()[0].ranges, [{ anchor: 2, head: 6 }]);
  s.serverSays({ type: 'join', user: { client: 'c3', name: '<b>Cy</b>', color: '#e76f51', rev: 4, ranges: [] } });
  assert.equal(s.users().length, 2);
  s.serverSays({ type: 'leave', client: 'c2' });
  assert.deepEqual(s.users().map((u) => u.name), ['<b>Cy</b>']);
});

test('the dummy server agrees: two editors type at once and converge', () => {
  const h = new Harness(seeded(7), { text: 'hello' });
  const [a, b] = [h.open(), h.open()];
  h.settle();
  a.edit(op(5, ' world'));
  b.edit(op('Oh, ', 5));
  h.settle();
  assert.equal(h.server.text, 'Oh, hello world');
  assert.equal(a.text, h.server.text);
  assert.equal(b.text, h.server.text);
});
