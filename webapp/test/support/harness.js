import { Session } from '../../src/collab/session.js';
import { claimOutbox, HEARTBEAT_MS } from '../../src/collab/outbox.js';
import { DummyServer } from './dummy-server.js';
import { Network } from './fake-network.js';
import { FakeTimers } from './fake-timers.js';
import { FakeStorage } from './fake-storage.js';

/**
 * A server, a network and any number of editors, each an editor "tab" with its own copy of the
 * text (kept only through onChange, as CodeMirror would be) and its browser's localStorage.
 */
export class Harness {
  constructor(random, { text = '', batch = true } = {}) {
    this.random = random;
    this.server = new DummyServer({ text });
    this.network = new Network(this.server, random, { batch });
    this.timers = new FakeTimers();
    this.editors = [];
    this.online = true;
  }

  /** A new editor tab; `storage` is its browser's localStorage (shared by tabs of one browser). */
  open({ storage = new FakeStorage(), tabStorage = new FakeStorage(), name } = {}) {
    const editor = new Editor(this, storage, tabStorage, name || `user${this.editors.length + 1}`);
    this.editors.push(editor);
    editor.load();
    return editor;
  }

  /** Lets everything settle: delivers all frames and fires timers until every editor is in sync. */
  settle(limit = 20000) {
    for (let i = 0; i < limit; i++) {
      if (this.network.step()) continue;
      const busy = this.editors.some((e) => !e.closed && (e.session.phase !== 'live' || e.session.state.outstanding));
      if (!busy) return;
      this.timers.runNext();
    }
    throw new Error(`no quiescence: ${this.editors.map((e) => `${e.session.phase}/${e.session.state.unsyncedEdits}`)}`);
  }
}

class Editor {
  constructor(harness, storage, tabStorage, name) {
    this.harness = harness;
    this.storage = storage;
    this.tabStorage = tabStorage;
    this.name = name;
    this.errors = [];
    this.users = [];
    this.statuses = [];
  }

  /** Opens the document as a page load does: claim an outbox, resume from it or start fresh. */
  load() {
    const h = this.harness;
    const { src, record, outbox } = claimOutbox({
      storage: this.storage, tabStorage: this.tabStorage, doc: 'doc', now: h.timers.now(),
      drawSrc: () => `src${Math.floor(h.random() * 1e9)}`,
    });
    this.outbox = outbox;
    this.session = new Session({
      doc: 'doc',
      url: 'ws://test/ws/docs/doc',
      src,
      name: this.name,
      restored: record,
      outbox,
      openSocket: h.network.openSocket,
      timers: h.timers,
      random: h.random,
      isOnline: () => h.online,
      listeners: {
        onChange: (op) => { this.text = op.apply(this.text); },
        onStatus: (s) => this.statuses.push(s),
        onPresence: (users) => { this.users = users; },
        onError: (message) => this.errors.push(message),
      },
    });
    this.text = this.session.text;
    // As the page does: keep the heartbeat fresh so no other tab claims this tab's outbox.
    this.heartbeat = h.timers.setInterval(() => outbox.heartbeat(h.timers.now()), HEARTBEAT_MS);
    this.session.start();
  }

  /** Types: applies `op` to this editor's text and gives it to the session. */
  edit(op) {
    this.text = op.apply(this.text);
    this.session.applyLocal(op);
  }

  /** The page is reloaded (pagehide, then a fresh load in the same tab). */
  reload() {
    this.harness.timers.clearInterval(this.heartbeat);
    this.session.stop();
    this.outbox.release();
    this.load();
  }

  /** The tab crashes: no pagehide, so its heartbeat goes stale only with time. */
  crash() {
    this.closed = true;
    this.harness.timers.clearInterval(this.heartbeat);
    this.session.stop();
  }
}
