// A tiny stand-in for the Tandem WAR, for the browser tests: serves the built pages like the
// WAR does (/, /d/{id} with the Content-Security-Policy, /assets), PROTOCOL.md's HTTP API and the
// WebSocket at /ws/docs/{id}, with one DummyServer (test/support) per document. Mounted under a
// context path, to check that the pages find everything relative to themselves.
import { createServer } from 'node:http';
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join, extname } from 'node:path';
import { WebSocketServer } from 'ws';
import { DummyServer } from '../test/support/dummy-server.js';

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.txt': 'text/plain' };
const DOC_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;
// The same policy as dev.tandem.web.PageHeaders: styles only from our files, and on the editor page
// CodeMirror's <style> with the page's nonce (EditorPageServlet).
const csp = (styleNonce) => `default-src 'self'; script-src 'self'; style-src 'self'${styleNonce ? ` 'nonce-${styleNonce}'` : ''}; img-src 'self' data: https:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'self'`;
const NONCE_MARK = 'TANDEM_STYLE_NONCE';

/**
 * Starts the server on a free port of 127.0.0.1, with the WAR's default limits unless told others
 * (`advertiseLimit: false` plays a version 1 server, whose welcome does not tell its message limit).
 * @returns {Promise<{base: string, docs: Map<string, DummyServer>, sockets: Set, close(): Promise<void>}>}
 */
export async function startDummyTandem({
  dist, context = '/tandem/', maxMessageBytes = 1024 * 1024, advertiseLimit = true, maxDocumentBytes = 64 * 1024 * 1024,
}) {
  const docs = new Map();
  const doc = (id) => {
    if (!docs.has(id)) {
      const server = new DummyServer({ maxDocumentBytes, maxMessageBytes: advertiseLimit ? maxMessageBytes : null });
      docs.set(id, Object.assign(server, { updated: new Date().toISOString() }));
    }
    return docs.get(id);
  };
  let counter = 0;

  const http = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://localhost');
    if (!url.pathname.startsWith(context)) return send(res, 404, 'text/plain', 'outside the context');
    const path = `/${url.pathname.slice(context.length)}`;
    try {
      if (path === '/' || path === '/index.html') return page(res, join(dist, 'index.html'));
      const editor = /^\/d\/([^/]*)$/.exec(path);
      if (editor) {
        return DOC_ID.test(decodeURIComponent(editor[1])) ? page(res, join(dist, 'editor.html')) : send(res, 404, 'text/plain', 'no such page');
      }
      if (path.startsWith('/assets/') || path === '/favicon.svg') {
        const file = join(dist, path.replace(/\.\./g, ''));
        return send(res, 200, TYPES[extname(file)] || 'application/octet-stream', await readFile(file));
      }
      // like the WAR without sign-in, edit token or TANDEM_LIST_DOCUMENTS: no list of documents
      if (path === '/api/docs' && req.method === 'GET') return json(res, 404, { error: 'not-found', message: 'no such resource' });
      if (path === '/api/docs' && req.method === 'POST') {
        const body = JSON.parse((await readBody(req)) || '{}');
        const id = body.id || `doc-${Date.now().toString(36)}-${++counter}`;
        if (docs.has(id)) return json(res, 409, { error: 'exists', message: id });
        doc(id);
        return json(res, 201, { id });
      }
      const api = /^\/api\/docs\/([^/]+)(\/text|\/ops)?$/.exec(path);
      if (api && docs.has(api[1])) {
        const d = docs.get(api[1]);
        if (!api[2]) return json(res, 200, { id: api[1], rev: d.head, text: d.text });
        if (api[2] === '/text') {
          const rev = url.searchParams.has('rev') ? Number(url.searchParams.get('rev')) : d.head;
          if (rev > d.head) return json(res, 404, { error: 'unknown-rev', message: String(rev) });
          return send(res, 200, 'text/plain; charset=utf-8', d.textAt(rev));
        }
        const from = Number(url.searchParams.get('from') || 0);
        const to = Math.min(Number(url.searchParams.get('to') ?? d.head), d.head);
        const ops = [];
        for (let r = from; r < to; r++) {
          const h = d.history[r];
          ops.push({ rev: r, op: h.op.toJSON(), client: h.client, name: h.name, src: h.src, seq: h.seq, time: h.time });
        }
        return json(res, 200, ops);
      }
      return json(res, 404, { error: 'not-found', message: path });
    } catch (e) {
      return json(res, 500, { error: 'internal', message: e.message });
    }
  });

  const sockets = new Set();
  // Like the WAR: a message over the limit closes the connection with 1009 (ws does it for maxPayload).
  const wss = new WebSocketServer({ noServer: true, maxPayload: maxMessageBytes });
  http.on('upgrade', (req, socket, head) => {
    const match = new RegExp(`^${context}ws/docs/([^/?]+)$`).exec(new URL(req.url, 'http://localhost').pathname);
    if (!match || !DOC_ID.test(match[1])) return socket.destroy();
    return wss.handleUpgrade(req, socket, head, (ws) => {
      sockets.add(ws);
      const d = doc(match[1]);
      const connection = d.connect((message) => {
        if (message.type === 'ack' || message.type === 'op') d.updated = new Date().toISOString();
        if (ws.readyState === 1) ws.send(JSON.stringify(message));
      });
      ws.on('message', (data) => {
        try { connection.receive(JSON.parse(String(data))); } catch (e) { connection.error('bad-message', e.message); }
      });
      ws.on('close', () => { sockets.delete(ws); connection.close(); });
      ws.on('error', () => {}); // a message over maxPayload: ws has closed the connection with 1009
    });
  });

  await new Promise((resolve) => http.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${http.address().port}${context}`;
  return {
    base,
    docs,
    doc,
    sockets,
    /** Drops every WebSocket (as a network failure would). */
    dropSockets() { for (const ws of sockets) ws.terminate(); },
    async close() {
      for (const ws of sockets) ws.terminate();
      wss.close();
      await new Promise((resolve) => http.close(resolve));
    },
  };
}

function page(res, file) {
  return readFile(file, 'utf8').then((html) => {
    const nonce = html.includes(NONCE_MARK) ? randomBytes(16).toString('base64') : null;
    res.setHeader('Content-Security-Policy', csp(nonce));
    send(res, 200, TYPES['.html'], nonce ? html.replaceAll(NONCE_MARK, nonce) : html);
  });
}

function send(res, status, type, body) {
  res.writeHead(status, { 'Content-Type': type });
  res.end(body);
}

function json(res, status, value) {
  send(res, status, 'application/json', JSON.stringify(value));
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    let body = '';
    req.on('data', (chunk) => { body += chunk; });
    req.on('end', () => resolve(body));
    req.on('error', reject);
  });
}

// `node browser-test/dummy-tandem.mjs`: serves ../target/webapp-dist to try the editor by hand.
if (import.meta.url === `file://${process.argv[1]}`) {
  const server = await startDummyTandem({ dist: new URL('../../target/webapp-dist', import.meta.url).pathname });
  console.log(`Tandem (dummy server) at ${server.base}`);
}
