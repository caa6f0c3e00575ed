// The editor through nginx over https:// in a real Chromium: run by the Java test
// src/test/java/dev/tandem/proxy/NginxProxyIT.java, which starts nginx (deploy/nginx/tandem.conf)
// in front of Tomcat with a self-signed certificate and sets TANDEM_PROXY_URL=https://localhost:PORT/.
// The page must open its WebSocket as wss:// on the proxy's address, which Tandem's Origin check
// accepts only if it believes nginx's X-Forwarded-* headers; two users' typing then converges.
// Not picked up by `npm run test:browser` (no ".test." in the name): it needs the proxy.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join, dirname } from 'node:path';
import { chromium } from 'playwright-core';

const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const base = process.env.TANDEM_PROXY_URL;
const shots = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'target', 'browser-screenshots');
const skip = !base ? 'TANDEM_PROXY_URL is not set (NginxProxyIT sets it)'
  : !existsSync(CHROMIUM) ? `no Chromium at ${CHROMIUM}` : false;

let browser;

before(async () => {
  if (skip) return;
  mkdirSync(shots, { recursive: true });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
});

after(async () => {
  await browser?.close();
});

/** A new profile that accepts the test's self-signed certificate, on the editor of `id`. */
async function open(id, name, sockets, errors) {
  const context = await browser.newContext({ ignoreHTTPSErrors: true });
  await context.addInitScript((n) => localStorage.setItem('tandem:name', n), name);
  const page = await context.newPage();
  page.on('websocket', (ws) => sockets.push(ws.url()));
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${base}d/${id}`);
  return page;
}

const connected = (page) => page.waitForFunction(() => document.body.dataset.connection === 'connected');
const synced = (page) => page.waitForFunction(() => window.tandem.session.state.unsyncedEdits === 0);
const editorText = (page) => page.evaluate(() => window.tandem.view.state.doc.toString());

test('the editor loads over https, connects by wss through the proxy, and two users converge', { skip }, async () => {
  const id = `over-https-${Date.now().toString(36)}`;
  const sockets = [];
  const errors = [];
  const ana = await open(id, 'Ana', sockets, errors);
  const bo = await open(id, 'Bo', sockets, errors);
  await Promise.all([connected(ana), connected(bo)]);
  const wss = `${base.replace(/^https:/, 'wss:')}ws/docs/${id}`;
  assert.deepEqual(sockets, [wss, wss]);

  await ana.click('.cm-content');
  await ana.keyboard.type('Typed over TLS');
  await bo.click('.cm-content');
  await bo.keyboard.press('End');
  await bo.keyboard.type(', through nginx.');
  await Promise.all([synced(ana), synced(bo)]);
  // only insertions: a copy holding both whole strings has applied every operation of both users
  const hasBoth = () => /Typed over TLS/.test(window.tandem.view.state.doc.toString())
    && /, through nginx\./.test(window.tandem.view.state.doc.toString());
  await Promise.all([ana.waitForFunction(hasBoth), bo.waitForFunction(hasBoth)]);

  const text = await editorText(ana);
  assert.equal(await editorText(bo), text);
  const server = await ana.evaluate(async (url) => (await fetch(url)).json(), `${base}api/docs/${id}`);
  assert.equal(server.text, text);
  await ana.screenshot({ path: join(shots, 'editor-over-https.png') });
  assert.deepEqual(errors, []);
  await ana.context().close();
  await bo.context().close();
});
