// What the browser test files share: a real Chromium (Debian's /usr/bin/chromium through
// playwright-core; no browser is downloaded) and a Tandem to test against: the dummy server
// (dummy-tandem.mjs, serving the built pages under a context path) or, when TANDEM_URL is set
// (http://host:port/context/), a deployed WAR. Tests that must cut a page's network put a
// cuttable-proxy.mjs in front of either. Screenshots go to ../target/browser-screenshots/.
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join, dirname } from 'node:path';
import { chromium } from 'playwright-core';
import { startDummyTandem } from './dummy-tandem.mjs';
import { startCuttableProxy } from './cuttable-proxy.mjs';

const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const here = dirname(fileURLToPath(import.meta.url));
const dist = process.env.TANDEM_WEBAPP_OUT || join(here, '..', '..', 'target', 'webapp-dist');
export const shots = join(here, '..', '..', 'target', 'browser-screenshots');
const realServer = process.env.TANDEM_URL;
/** Why the browser tests cannot run here, or false. */
export const skip = !existsSync(CHROMIUM) ? `no Chromium at ${CHROMIUM}`
  : !realServer && !existsSync(join(dist, 'editor.html')) ? 'run npm run build first' : false;
/** Document ids unique to this run, so a real server's older documents never interfere. */
const run = Date.now().toString(36);
export const docId = (name) => `${name}-${run}`;

/** How long a test waits for the server to reach a text before it fails. */
const SERVER_DEADLINE_MS = 15000;

/** Whether the tests run against a deployed WAR rather than the dummy server. */
export const onRealServer = !!realServer;

/**
 * Registers the file's before/after hooks: Chromium and the server to test.
 * @param {object} [dummy] options of the dummy server (dummy-tandem.mjs: its limits); a deployed
 *   WAR has the limits its deployment gave it
 * @returns {{server: {base: string}, open: Function, proxy: Function, pageErrors: string[]}}
 */
export function useBrowser(dummy = {}) {
  const env = { server: null, browser: null, pageErrors: [], proxies: [] };
  before(async () => {
    if (skip) return;
    mkdirSync(shots, { recursive: true });
    env.server = realServer ? { base: realServer, close: async () => {} } : await startDummyTandem({ dist, ...dummy });
    env.browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync'],
    });
  });
  after(async () => {
    await env.browser?.close();
    for (const proxy of env.proxies) await proxy.close();
    await env.server?.close();
  });

  return {
    get server() { return env.server; },
    pageErrors: env.pageErrors,

    /**
     * A new browser profile (its own localStorage) with a page open on `path`, named `name`;
     * through `via` (a proxy) instead of straight to the server when given; the browser's
     * language is `locale` (navigator.languages, Accept-Language), English unless said.
     */
    async open(path, name, { via, locale = 'en-US' } = {}) {
      const context = await env.browser.newContext({ locale });
      await context.addInitScript((n) => { if (n) localStorage.setItem('tandem:name', n); }, name);
      const page = await context.newPage();
      page.on('pageerror', (e) => env.pageErrors.push(e.message));
      page.on('console', (m) => { if (m.type() === 'error') env.pageErrors.push(m.text()); });
      await page.goto((via || env.server).base + path);
      return page;
    },

    /** A cuttable proxy in front of the server, closed after the file's tests. */
    async proxy() {
      const proxy = await startCuttableProxy(env.server.base);
      env.proxies.push(proxy);
      return proxy;
    },

    serverDoc,
    serverText,
  };

  /** The server's {id, rev, text} of a document, through the HTTP API (PROTOCOL.md). */
  async function serverDoc(id) {
    const response = await fetch(`${env.server.base}api/docs/${id}`);
    assert.equal(response.status, 200, `GET api/docs/${id}`);
    return response.json();
  }

  /** Polls the HTTP API until the server's text passes `check`; fails after a deadline. */
  async function serverText(id, check) {
    const deadline = Date.now() + SERVER_DEADLINE_MS;
    for (;;) {
      const { text } = await serverDoc(id);
      if (check(text)) return text;
      if (Date.now() > deadline) assert.fail(`server text of ${id} never came right: ${JSON.stringify(text)}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

export const connected = (page) => page.waitForFunction(() => document.body.dataset.connection === 'connected');
export const disconnected = (page) => page.waitForFunction(() => document.body.dataset.connection !== 'connected');
export const synced = (page) => page.waitForFunction(() => window.tandem.session.state.unsyncedEdits === 0);
export const editorText = (page) => page.evaluate(() => window.tandem.view.state.doc.toString());
/** Waits until the page's editor holds `text`. */
export const showsText = (page, text) => page.waitForFunction((t) => window.tandem.view.state.doc.toString() === t, text);
/** The page's header says it holds edits the server does not have yet. */
export const showsUnsynced = (page) => page.waitForFunction(() => /unsynced/.test(document.querySelector('.unsynced').textContent));

/** Types `text` with real key events; each "\n" is a press of Enter. */
export async function typeKeys(page, text) {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (i > 0) await page.keyboard.press('Enter');
    if (lines[i]) await page.keyboard.type(lines[i]);
  }
}

/** Page errors other than the expected ones of sockets refused on purpose. */
export function unexpectedErrors(pageErrors) {
  return pageErrors.filter((e) => !/WebSocket connection .* failed|ERR_CONNECTION|404/.test(e));
}
