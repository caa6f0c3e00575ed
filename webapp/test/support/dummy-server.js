import { TextOperation, checkOperation } from '../../src/collab/text-operation.js';
import { transformRanges, clampRanges, readRanges } from '../../src/collab/ranges.js';

const COLORS = ['#2a9d8f', '#e76f51', '#264653', '#8338ec', '#d62828', '#3a86ff'];

/**
 * One document served the way PROTOCOL.md says the real server does it, without I/O: an incoming
 * operation is transformed (as `a`) against every operation of the history since its revision,
 * applied, acknowledged to its author and sent to everyone else; (src, seq) pairs are remembered
 * so a resent operation is acknowledged at its original revision and applied once. The caller
 * moves the messages: `connect(deliver)` gives a connection whose `receive(message)` handles one
 * message and which calls `deliver(message)` for each message to send.
 */
export class DummyServer {
  /**
   * @param {object} [o] `maxDocumentBytes`: an operation that would make the text longer (in UTF-8)
   *   is refused with too-large; `maxMessageBytes`: told in the welcome (the caller enforces it).
   */
  constructor({ text = '', history = [], maxDocumentBytes = Infinity, maxMessageBytes = null } = {}) {
    this.maxDocumentBytes = maxDocumentBytes;
    this.maxMessageBytes = maxMessageBytes;
    this.initial = text;
    this.text = text;
    /** [{op, src, seq, client, name}], the op of revision i at index i. */
    this.history = [];
    for (const h of history) this.append(h);
    /** src → Map(seq → revision) of the applied operations. */
    this.applied = new Map();
    this.connections = new Set();
    this.clientCounter = 0;
    /** Test hook: the next operation is refused with this code (or the next ones with these codes). */
    this.rejectNext = null;
  }

  get head() {
    return this.history.length;
  }

  append(entry) {
    this.text = entry.op.apply(this.text);
    this.history.push(entry);
  }

  connect(deliver) {
    const connection = new DummyConnection(this, `c${++this.clientCounter}`, deliver);
    this.connections.add(connection);
    return connection;
  }

  others(connection) {
    return [...this.connections].filter((c) => c !== connection && c.user);
  }

  /** The text at revision `rev` (for the HTTP API of the browser tests' server). */
  textAt(rev) {
    let text = this.initial;
    for (let i = 0; i < rev; i++) text = this.history[i].op.apply(text);
    return text;
  }
}

class DummyConnection {
  constructor(server, client, deliver) {
    this.server = server;
    this.client = client;
    this.deliver = deliver;
    this.user = null;
  }

  send(message) {
    this.deliver(message);
  }

  error(code, message, seq) {
    this.send(seq === undefined ? { type: 'error', code, message } : { type: 'error', code, message, seq });
  }

  receive(m) {
    if (m.type === 'ping') return this.send({ type: 'pong' });
    if (m.type === 'hello') return this.hello(m);
    if (!this.user) return this.error('bad-message', 'hello first');
    if (m.type === 'op') return this.operation(m);
    if (m.type === 'select') return this.select(m);
    return this.error('bad-message', `unknown type ${m.type}`);
  }

  hello(m) {
    const server = this.server;
    if (this.user) return this.error('bad-message', 'a second hello');
    if (m.rev !== null && (m.rev > server.head || m.rev < 0)) {
      return this.error('unknown-rev', `revision ${m.rev} is not between 0 and ${server.head}`);
    }
    this.src = m.src;
    this.user = {
      client: this.client,
      name: (m.name || '').slice(0, 64),
      color: COLORS[server.clientCounter % COLORS.length],
      rev: server.head,
      ranges: [],
    };
    const users = server.others(this).map((c) => ({ ...c.user }));
    const limit = server.maxMessageBytes ? { maxMessageBytes: server.maxMessageBytes } : {};
    if (m.rev === null) {
      this.send({ type: 'welcome', doc: 'doc', client: this.client, mode: 'edit', rev: server.head,
        head: server.head, ...limit, text: server.text, users });
    } else {
      this.send({ type: 'welcome', doc: 'doc', client: this.client, mode: 'edit', rev: m.rev,
        head: server.head, ...limit, users });
      for (let r = m.rev; r < server.head; r++) this.send(operationMessage(server.history[r], r));
    }
    for (const other of server.others(this)) other.send({ type: 'join', user: { ...this.user } });
    return undefined;
  }

  operation(m) {
    const server = this.server;
    const seen = server.applied.get(this.src);
    if (seen && seen.has(m.seq)) return this.send({ type: 'ack', seq: m.seq, rev: seen.get(m.seq) });
    if (server.rejectNext) {
      // a code, or a list of codes for the next operations
      const codes = [].concat(server.rejectNext);
      const code = codes.shift();
      server.rejectNext = codes.length ? codes : null;
      return this.error(code, 'refused by the test', m.seq);
    }
    if (seen && m.seq <= Math.max(...seen.keys())) return this.error('not-in-order', 'old seq', m.seq);
    if (m.rev > server.head || m.rev < 0) return this.error('unknown-rev', 'no such revision', m.seq);
    let op;
    try {
      op = TextOperation.fromJSON(m.op);
    } catch (e) {
      return this.error('invalid-op', e.message, m.seq);
    }
    let problem;
    try {
      for (let r = m.rev; r < server.head; r++) [op] = TextOperation.transform(op, server.history[r].op);
      problem = checkOperation(op, server.text);
    } catch (e) {
      problem = e.message;
    }
    if (problem) return this.error('invalid-op', problem, m.seq);
    if (server.maxDocumentBytes !== Infinity) {
      const bytes = Buffer.byteLength(op.apply(server.text), 'utf8');
      if (bytes > server.maxDocumentBytes) {
        return this.error('too-large', `the document would exceed its limit of ${server.maxDocumentBytes} bytes`, m.seq);
      }
    }
    const rev = server.head;
    server.append({ op, src: this.src, seq: m.seq, client: this.client, name: this.user.name,
      time: new Date().toISOString() });
    if (!seen) server.applied.set(this.src, new Map());
    server.applied.get(this.src).set(m.seq, rev);
    for (const c of server.connections) {
      if (c.user) {
        c.user.ranges = transformRanges(c.user.ranges, op);
        c.user.rev = server.head;
      }
    }
    this.send({ type: 'ack', seq: m.seq, rev });
    for (const other of server.others(this)) other.send(operationMessage(server.history[rev], rev));
    return undefined;
  }

  select(m) {
    const server = this.server;
    if (!Number.isInteger(m.rev) || m.rev > server.head || m.rev < 0) {
      return this.error('unknown-rev', 'no such revision');
    }
    let ranges = readRanges(m.ranges);
    let length = server.textAt(m.rev).length;
    ranges = clampRanges(ranges, length);
    for (let r = m.rev; r < server.head; r++) ranges = transformRanges(ranges, server.history[r].op);
    length = server.text.length;
    this.user.ranges = clampRanges(ranges, length);
    this.user.rev = server.head;
    for (const other of server.others(this)) {
      other.send({ type: 'select', client: this.client, rev: server.head, ranges: this.user.ranges });
    }
    return undefined;
  }

  close() {
    const server = this.server;
    if (!server.connections.delete(this)) return;
    if (this.user) for (const other of server.others(this)) other.send({ type: 'leave', client: this.client });
  }
}

function operationMessage(entry, rev) {
  return { type: 'op', rev, op: entry.op.toJSON(), client: entry.client, src: entry.src, seq: entry.seq };
}
