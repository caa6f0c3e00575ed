// A TCP proxy in front of a Tandem server (the dummy or a real WAR) whose WebSocket connections the
// tests can cut, refuse or silence, as a failing network would, while pages and the HTTP API keep
// loading through it: so a page opened through it can be reloaded while "offline". The browser
// keeps its own WebSocket and sees a real TCP close; nothing is injected into the page. The Host
// header passes unchanged, so the server's same-origin check sees the proxy's origin as its own.
import { createServer, connect } from 'node:net';

const HEADERS_END = '\r\n\r\n';
const UPGRADE = /^upgrade:\s*websocket\s*$/im;

/**
 * Starts a proxy on a free port of 127.0.0.1 forwarding to the server at `base`.
 * @param {string} base the server's address, with its context path, e.g. http://127.0.0.1:8080/app/
 * @returns {Promise<{base: string, cut(): void, refuse(on: boolean): void, mute(): void, close(): Promise<void>}>}
 *   `base`: the same context path through the proxy.
 */
export async function startCuttableProxy(base) {
  const target = new URL(base);
  const sockets = new Set(); // every client and upstream socket, to close them all at the end
  const webSockets = new Set(); // {client, upstream} pairs of WebSocket connections
  let refusing = false;

  const server = createServer((client) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => {});
    let head = Buffer.alloc(0);
    const firstRequest = (chunk) => {
      head = Buffer.concat([head, chunk]);
      const text = head.toString('latin1');
      if (!text.includes(HEADERS_END)) return;
      client.off('data', firstRequest);
      client.pause();
      // Browsers open a new connection for each WebSocket, so its first request says what it is.
      const isWebSocket = UPGRADE.test(text.slice(0, text.indexOf(HEADERS_END)));
      if (isWebSocket && refusing) {
        client.destroy();
        return;
      }
      forward(client, head, isWebSocket);
    };
    client.on('data', firstRequest);
  });

  function forward(client, head, isWebSocket) {
    const upstream = connect(Number(target.port), target.hostname);
    sockets.add(upstream);
    upstream.on('close', () => { sockets.delete(upstream); client.destroy(); });
    upstream.on('error', () => client.destroy());
    client.on('close', () => upstream.destroy());
    const pair = { client, upstream };
    if (isWebSocket) {
      webSockets.add(pair);
      client.on('close', () => webSockets.delete(pair));
    }
    upstream.write(head);
    upstream.on('data', (chunk) => { if (!pair.muted) client.write(chunk); });
    client.on('data', (chunk) => upstream.write(chunk));
    client.resume();
  }

  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const proxied = new URL(base);
  proxied.host = `127.0.0.1:${server.address().port}`;
  return {
    base: proxied.href,
    /** Drops every open WebSocket connection, as a network failure would (no close frame). */
    cut() {
      for (const { client, upstream } of webSockets) {
        client.destroy();
        upstream.destroy();
      }
    },
    /** While on, new WebSocket connections are dropped before the server sees them. */
    refuse(on) {
      refusing = on;
    },
    /**
     * From now on nothing the server sends over the open WebSocket connections reaches the page,
     * while what the page sends still reaches the server: an operation is applied but its ack lost.
     */
    mute() {
      for (const pair of webSockets) pair.muted = true;
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
