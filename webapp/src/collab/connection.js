import { Backoff } from './backoff.js';
import { encodeMessage } from './frames.js';

/** How often we send {"type":"ping"}: below the server's 120 s idle timeout and most proxies' 60 s. */
export const KEEPALIVE_MS = 25000;
/** Nothing heard for this long (not even a pong): the connection is dead though not yet closed. */
export const SILENCE_MS = 70000;

/**
 * One WebSocket at a time to one URL, kept alive and reopened: pings every KEEPALIVE_MS, gives up
 * on a connection silent for SILENCE_MS, and after a close opens a new one after a jittered,
 * growing delay (Backoff), until stopped. It knows nothing of the protocol's messages beyond ping:
 * the Session is told `onOpen()`, `onFrame(data)` and `onClose(event)`; events of a socket it has
 * already let go are ignored, so a late close never disturbs the next connection.
 */
export class Connection {
  /**
   * @param {object} o
   * @param {string} o.url
   * @param {(url: string) => WebSocket} o.openSocket
   * @param {object} o.timers {setTimeout, clearTimeout, setInterval, clearInterval, now}
   * @param {() => number} o.random for the backoff's jitter
   * @param {() => void} o.onOpen
   * @param {(data: string) => void} o.onFrame
   * @param {(event: {code: number}|null) => void} o.onClose the connection is gone (null: we gave up on it)
   */
  constructor(o) {
    this.url = o.url;
    this.openSocket = o.openSocket;
    this.timers = o.timers;
    this.handlers = o;
    this.backoff = new Backoff({ random: o.random });
    this.socket = null;
    this.stopped = true;
  }

  get isOpen() {
    return this.socket !== null && this.opened;
  }

  start() {
    this.stopped = false;
    this.open();
  }

  stop() {
    this.stopped = true;
    this.timers.clearTimeout(this.retryTimer);
    this.release(1000);
  }

  /** The server accepted us (welcome): the next failure starts the backoff from the bottom. */
  succeeded() {
    this.backoff.reset();
  }

  /** Closes the current socket, if any, and opens a new one at once. */
  reopen() {
    if (this.stopped) return;
    this.timers.clearTimeout(this.retryTimer);
    this.release(1000);
    this.open();
  }

  /** Closes the current socket and opens a new one after the backoff, as after a network failure. */
  retry(code = 1000) {
    this.release(code);
    this.closed(null);
  }

  send(message) {
    if (!this.isOpen) return;
    try {
      this.socket.send(encodeMessage(message));
    } catch (e) {
      // The close event follows and reconnects.
    }
  }

  open() {
    this.opened = false;
    let socket;
    try {
      socket = this.openSocket(this.url);
    } catch (e) {
      this.closed(null);
      return;
    }
    this.socket = socket;
    socket.onopen = () => {
      if (socket !== this.socket) return;
      this.opened = true;
      this.heard = this.timers.now();
      this.keepalive = this.timers.setInterval(() => this.tick(), KEEPALIVE_MS);
      this.handlers.onOpen();
    };
    socket.onmessage = (event) => {
      if (socket !== this.socket) return;
      this.heard = this.timers.now();
      this.handlers.onFrame(event.data);
    };
    socket.onclose = (event) => socket === this.socket && this.closed(event);
    socket.onerror = () => {}; // a close event always follows
  }

  tick() {
    if (this.timers.now() - this.heard > SILENCE_MS) {
      // A dead TCP connection may take minutes to close by itself.
      this.retry(4000);
      return;
    }
    this.send({ type: 'ping' });
  }

  /** Lets go of the current socket without reporting its close. */
  release(code) {
    const socket = this.socket;
    this.socket = null;
    this.opened = false;
    this.timers.clearInterval(this.keepalive);
    if (socket) {
      try { socket.close(code); } catch (e) { /* already closed */ }
    }
  }

  closed(event) {
    this.socket = null;
    this.opened = false;
    this.timers.clearInterval(this.keepalive);
    if (this.stopped) return;
    this.timers.clearTimeout(this.retryTimer);
    this.retryTimer = this.timers.setTimeout(() => this.open(), this.backoff.next());
    this.handlers.onClose(event);
  }
}
