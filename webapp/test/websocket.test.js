import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import WebSocket from 'ws';
import { Session } from '../src/collab/session.js';
import { TextOperation } from '../src/collab/text-operation.js';
import { startDummyTandem } from '../browser-test/dummy-tandem.mjs';

// The Session over real WebSockets (the `ws` library) and real timers, against the dummy server of
// the browser tests: what the fake network cannot show, such as close events of a real socket.

let server;
const waiters = new Set();
const changed = () => { for (const w of waiters) w(); };

/** Resolves once `predicate()` holds, re-checked whenever a session reports anything. */
function until(predicate, what) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => { waiters.delete(check); reject(new Error(`timed out waiting for ${what}`)); }, 10000);
    function check() {
      if (!predicate()) return;
      clearTimeout(timer);
      waiters.delete(check);
      resolve();
    }
    waiters.add(check);
    check();
  });
}

function editor(name) {
  const e = { text: '' };
  e.session = new Session({
    doc: 'ws-test',
    url: `${server.base.replace('http', 'ws')}ws/docs/ws-test`,
    name,
    openSocket: (url) => new WebSocket(url),
    listeners: {
      onChange: (op) => { e.text = op.apply(e.text); changed(); },
      onStatus: changed,
      onPresence: changed,
    },
  });
  e.edit = (op) => { e.text = op.apply(e.text); e.session.applyLocal(op); };
  e.session.start();
  return e;
}

before(async () => { server = await startDummyTandem({ dist: '/nonexistent' }); });
after(async () => { await server.close(); });

test('two sessions over real sockets converge, also after the server drops every connection', async () => {
  const ana = editor('Ana');
  const bo = editor('Bo');
  const live = (e) => e.session.phase === 'live';
  const settled = () => [ana, bo].every((e) => live(e) && !e.session.state.outstanding
    && e.text === server.docs.get('ws-test')?.text);
  await until(() => live(ana) && live(bo), 'both connected');

  ana.edit(TextOperation.fromJSON(['hello']));
  bo.edit(TextOperation.fromJSON([' world']));
  await until(settled, 'both edits everywhere');
  assert.equal(server.docs.get('ws-test').text.length, 11);

  server.dropSockets();
  await until(() => !live(ana) && !live(bo), 'both noticed');
  ana.edit(TextOperation.fromJSON([ana.text.length, '!']));
  await until(() => settled() && ana.text.endsWith('!'), 'reconnected and converged');
  assert.equal(bo.text, ana.text);
  ana.session.stop();
  bo.session.stop();
});
