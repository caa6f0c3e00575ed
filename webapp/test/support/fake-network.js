import { int } from './random.js';

/**
 * WebSockets between Sessions and a DummyServer, as FIFO channels (a WebSocket keeps order) that a
 * test delivers one frame at a time, choosing the channel at random: so messages of different
 * connections interleave in every order. A connection can be cut with frames still in flight, which
 * are lost, as on a real network.
 */
export class Network {
  constructor(server, random, { batch = true } = {}) {
    this.server = server;
    this.random = random;
    this.batch = batch;
    this.links = [];
  }

  /** The `openSocket` for a Session. */
  openSocket = (url) => {
    const link = new Link(this, url);
    this.links.push(link);
    return link.socket;
  };

  /** Steps that can happen now, as functions. */
  steps() {
    const steps = [];
    for (const link of this.links) {
      if (link.state === 'opening') steps.push(() => link.open());
      if (link.state === 'open' && link.up.length) steps.push(() => link.deliverUp());
      if (link.state === 'open' && link.down.length) steps.push(() => link.deliverDown());
      if (link.state === 'closing') steps.push(() => link.finishClose());
    }
    return steps;
  }

  /** Runs one random step; false when nothing is in flight. */
  step() {
    const steps = this.steps();
    if (!steps.length) return false;
    steps[int(this.random, steps.length)]();
    this.links = this.links.filter((l) => l.state !== 'closed');
    return true;
  }

  /** Delivers everything in flight (in random order across channels). */
  drain(limit = 100000) {
    let n = 0;
    while (this.step()) if (++n > limit) throw new Error('the network never quietens');
  }

  /** Cuts a random live connection, losing what is in flight. */
  cutRandom() {
    const live = this.links.filter((l) => l.state === 'open');
    if (live.length) live[int(this.random, live.length)].cut();
  }
}

class Link {
  constructor(network, url) {
    this.network = network;
    this.url = url;
    this.state = 'opening';
    this.up = [];
    this.down = [];
    const link = this;
    this.socket = {
      readyState: 0,
      onopen: null,
      onmessage: null,
      onclose: null,
      onerror: null,
      send(data) {
        if (link.state !== 'open') throw new Error('not open');
        link.up.push(data);
      },
      close(code) {
        link.closedByClient = true;
        link.cut(code);
      },
    };
  }

  open() {
    this.state = 'open';
    this.socket.readyState = 1;
    this.connection = this.network.server.connect((message) => this.down.push(message));
    this.socket.onopen?.({});
  }

  deliverUp() {
    const data = this.up.shift();
    this.connection.receive(JSON.parse(data));
  }

  deliverDown() {
    // Sometimes several messages go as one array frame, as the server batches for a busy client.
    const n = this.network.batch && this.down.length > 1 && this.network.random() < 0.3
      ? 2 + int(this.network.random, this.down.length - 1) : 1;
    const messages = this.down.splice(0, n);
    const frame = n === 1 ? JSON.stringify(messages[0]) : JSON.stringify(messages);
    this.socket.onmessage?.({ data: frame });
  }

  /** The connection breaks: frames in flight are lost, the server forgets the connection. */
  cut(code = 1006) {
    if (this.state === 'closing' || this.state === 'closed') return;
    this.up = [];
    this.down = [];
    this.code = code;
    this.connection?.close();
    this.state = 'closing';
    this.socket.readyState = 2;
  }

  finishClose() {
    this.state = 'closed';
    this.socket.readyState = 3;
    this.socket.onclose?.({ code: this.code, reason: '' });
  }
}
