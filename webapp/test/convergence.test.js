import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Harness } from './support/harness.js';
import { FakeStorage } from './support/fake-storage.js';
import { STALE_MS } from '../src/collab/outbox.js';
import { seeded, BASE_SEED, randomOperation, randomText, int } from './support/random.js';

// Several editors on the dummy server over channels delivering in random order, with connections
// cut while frames are in flight, reloads, crashed tabs resumed from their outbox and one refused
// operation (resync and re-apply): in the end
// every copy must equal the server's text, and (with inserts only) every typed character must be
// there exactly once — nothing lost, nothing applied twice.

function simulate(seed, { insertsOnly }) {
  const random = seeded(seed);
  const h = new Harness(random, { text: insertsOnly ? '' : randomText(random) });
  const browsers = [new FakeStorage(), new FakeStorage()];
  let typed = 0;
  const typedChars = [];
  const insertText = () => {
    // One unique code point per insert, sometimes outside the BMP (a surrogate pair).
    const ch = String.fromCodePoint((random() < 0.2 ? 0x20000 : 0x4e00) + typed++);
    typedChars.push(ch);
    return ch;
  };
  for (let i = 0; i < 2 + int(random, 3); i++) h.open({ storage: browsers[i % 2] });
  const live = () => h.editors.filter((e) => !e.closed);
  const crashed = [];
  let rejected = false;

  for (let step = 0; step < 400; step++) {
    const r = random();
    const editors = live();
    const e = editors[int(random, editors.length)];
    if (r < 0.3) {
      if (e.session.rev !== null) {
        e.edit(randomOperation(random, e.text, insertsOnly ? { inserts: true, insertText } : {}));
      }
    } else if (r < 0.33) {
      h.network.cutRandom();
    } else if (r < 0.345) {
      e.reload();
    } else if (r < 0.35 && editors.length > 1) {
      e.crash();
      crashed.push(e);
    } else if (r < 0.355 && !rejected) {
      // Once per run the server refuses an operation: its author resyncs and re-applies it.
      h.server.rejectNext = 'invalid-op';
      rejected = true;
    } else if (r < 0.36) {
      e.session.setName(`${e.name}-${step}`); // reconnects, maybe with an operation in flight
    } else if (r < 0.38) {
      const at = int(random, e.text.length + 1);
      e.session.setSelection([{ anchor: at, head: at }]);
    } else if (r < 0.42 || !h.network.step()) {
      h.timers.runNext();
    }
  }
  // Tabs that crashed: a new tab of the same browser, opened once their heartbeat is stale,
  // takes their outbox over and sends what they had not had acknowledged.
  if (crashed.length) h.timers.advance(STALE_MS + 1);
  for (const e of crashed) h.open({ storage: e.storage });
  h.settle();

  for (const e of live()) {
    const where = `seed ${seed}, ${e.name}`;
    assert.equal(e.text, h.server.text, `editor copy, ${where}`);
    assert.equal(e.session.text, h.server.text, `session text, ${where}`);
    assert.equal(e.session.rev, h.server.head, `revision, ${where}`);
    assert.equal(e.session.status().unsynced, 0, where);
    const { connection, unsynced, mode } = e.statuses.at(-1);
    assert.deepEqual({ connection, unsynced, mode }, { connection: 'connected', unsynced: 0, mode: 'edit' },
      `last reported status, ${where}`);
  }
  if (insertsOnly) {
    assert.deepEqual([...h.server.text].sort(), typedChars.sort(), `every character once, seed ${seed}`);
  }
  for (const browser of browsers) {
    assert.deepEqual([...browser.map.keys()].filter((k) => /^tandem:(outbox|base):/.test(k)), [],
      `outboxes emptied, seed ${seed}`);
  }
  return h;
}

test('editors converge with random delivery, cut connections, reloads and crashes', (t) => {
  t.diagnostic(`base seed ${BASE_SEED} (replay: TANDEM_SEED=${BASE_SEED} npm test)`);
  for (let i = 0; i < 60; i++) simulate(BASE_SEED + i, { insertsOnly: false });
});

test('nothing typed is lost or applied twice (inserts only, unique characters)', (t) => {
  t.diagnostic(`base seed ${BASE_SEED} (replay: TANDEM_SEED=${BASE_SEED} npm test)`);
  for (let i = 0; i < 60; i++) simulate(BASE_SEED + 1000 + i, { insertsOnly: true });
});
