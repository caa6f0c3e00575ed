// The editor in a real Chromium (Debian's /usr/bin/chromium through playwright-core; no browser is
// downloaded), against browser-test/dummy-tandem.mjs serving the built pages under a context path.
// Run by `npm run test:browser` after `npm run build`; skipped where Chromium is missing.
// TANDEM_URL=http://127.0.0.1:8080/ (a deployed WAR, ending in its context path and "/") runs the
// same tests against a real server instead, leaving out those that need to cut its sockets.
// Screenshots go to ../target/browser-screenshots/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join, dirname } from 'node:path';
import { chromium } from 'playwright-core';
import { startDummyTandem } from './dummy-tandem.mjs';

const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const here = dirname(fileURLToPath(import.meta.url));
const dist = process.env.TANDEM_WEBAPP_OUT || join(here, '..', '..', 'target', 'webapp-dist');
const shots = join(here, '..', '..', 'target', 'browser-screenshots');
const realServer = process.env.TANDEM_URL;
const skip = !existsSync(CHROMIUM) ? `no Chromium at ${CHROMIUM}`
  : !realServer && !existsSync(join(dist, 'editor.html')) ? 'run npm run build first' : false;
/** Tests that cut the dummy server's sockets cannot run against a real one. */
const dummyOnly = skip || (realServer ? 'needs the dummy server (TANDEM_URL is set)' : false);
/** Document ids unique to this run, so a real server's older documents never interfere. */
const run = Date.now().toString(36);
const docId = (name) => `${name}-${run}`;

let server;
let browser;
const pageErrors = [];

before(async () => {
  if (skip) return;
  mkdirSync(shots, { recursive: true });
  server = realServer ? { base: realServer, close: async () => {} } : await startDummyTandem({ dist });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** A new browser profile (its own localStorage) with a page open on `path`, named `name`. */
async function open(path, name) {
  const context = await browser.newContext();
  await context.addInitScript((n) => { if (n) localStorage.setItem('tandem:name', n); }, name);
  const page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') pageErrors.push(m.text()); });
  await page.goto(server.base + path);
  return page;
}

const connected = (page) => page.waitForFunction(() => document.body.dataset.connection === 'connected');
const synced = (page) => page.waitForFunction(() => window.tandem.session.state.unsyncedEdits === 0);
const editorText = (page) => page.evaluate(() => window.tandem.view.state.doc.toString());
/** The server's text of a document, through the HTTP API (PROTOCOL.md). */
async function serverDoc(id) {
  return (await fetch(`${server.base}api/docs/${id}`)).json();
}

test('typing reaches the server, and the landing page lists and creates documents', { skip }, async () => {
  const page = await open(`d/${docId('typing')}`, 'Ana');
  await connected(page);
  await page.click('.cm-content');
  await page.keyboard.type('# Title\n\nSome *text*');
  await synced(page);
  assert.equal((await serverDoc(docId('typing'))).text, '# Title\n\nSome *text*');

  await page.goto(server.base);
  await page.waitForSelector('.recent a');
  assert.ok((await page.locator('.recent a').allTextContents()).includes(docId('typing')));
  await page.screenshot({ path: join(shots, 'landing.png') });
  await page.click('button.primary');
  await page.waitForURL(/\/d\/[A-Za-z0-9][A-Za-z0-9._-]*$/);
  await connected(page);
  await page.context().close();
});

test('a remote cursor shows in the other user\'s colour with the name as text', { skip }, async () => {
  const hostile = '<img src=x onerror="window.pwned=1">Bo';
  const ana = await open(`d/${docId('cursors')}`, 'Ana');
  const bo = await open(`d/${docId('cursors')}`, hostile);
  await Promise.all([connected(ana), connected(bo)]);
  await ana.click('.cm-content');
  await ana.keyboard.type('Hello world');
  await synced(ana);
  await bo.waitForFunction(() => window.tandem.view.state.doc.toString() === 'Hello world');
  await bo.click('.cm-content');
  await bo.keyboard.press('Home');
  await bo.keyboard.press('ArrowRight');
  await bo.keyboard.press('Shift+ArrowRight');
  await ana.waitForSelector('.cm-remote-label');
  assert.equal(await ana.textContent('.cm-remote-label'), hostile);
  assert.equal(await ana.locator('.cm-content img:not(.cm-widgetBuffer)').count(), 0, 'the name is text, not markup');
  assert.equal(await ana.evaluate(() => window.pwned), undefined);
  await ana.waitForSelector('.cm-remote-selection');
  assert.equal(await ana.textContent('.cm-remote-selection'), 'e');
  assert.ok((await ana.locator('.users .user').allTextContents()).includes(hostile));
  await ana.screenshot({ path: join(shots, 'remote-cursor.png') });
  await ana.context().close();
  await bo.context().close();
});

test('edits typed offline survive a reload and reach the server once', { skip: dummyOnly }, async () => {
  const page = await open(`d/${docId('offline')}`, 'Ana');
  await connected(page);
  await page.click('.cm-content');
  await page.keyboard.type('online. ');
  await synced(page);

  server.refuseSockets = true;
  server.dropSockets();
  await page.waitForFunction(() => document.body.dataset.connection !== 'connected');
  await page.keyboard.type('typed offline');
  await page.waitForFunction(() => /unsynced/.test(document.querySelector('.unsynced').textContent));
  await page.screenshot({ path: join(shots, 'offline.png') });

  await page.reload();
  await page.waitForSelector('.cm-content');
  assert.equal(await editorText(page), 'online. typed offline', 'shown from the outbox before any connection');
  assert.match(await page.textContent('.unsynced'), /unsynced/);

  server.refuseSockets = false;
  await page.evaluate(() => window.dispatchEvent(new Event('online')));
  await connected(page);
  await synced(page);
  assert.equal((await serverDoc(docId('offline'))).text, 'online. typed offline');
  assert.equal(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('tandem:outbox:')).length), 0);
  await page.context().close();
});

test('a second tab never takes a live tab\'s outbox; a tab opened after it closed does', { skip: dummyOnly }, async () => {
  const first = await open(`d/${docId('tabs')}`, 'Ana');
  await connected(first);
  server.refuseSockets = true;
  server.dropSockets();
  await first.waitForFunction(() => document.body.dataset.connection !== 'connected');
  await first.click('.cm-content');
  await first.keyboard.type('kept');
  const firstSrc = await first.evaluate(() => window.tandem.session.src);

  const second = await first.context().newPage();
  await second.goto(`${server.base}d/${docId('tabs')}`);
  await second.waitForFunction(() => window.tandem);
  assert.notEqual(await second.evaluate(() => window.tandem.session.src), firstSrc, 'the first tab is alive');
  assert.equal(await editorText(second), '');

  await first.close({ runBeforeUnload: true });
  const third = await second.context().newPage();
  await third.goto(`${server.base}d/${docId('tabs')}`);
  await third.waitForFunction(() => window.tandem);
  assert.equal(await third.evaluate(() => window.tandem.session.src), firstSrc, 'adopted from the closed tab');
  assert.equal(await editorText(third), 'kept');

  server.refuseSockets = false;
  for (const page of [second, third]) await page.evaluate(() => window.dispatchEvent(new Event('online')));
  await Promise.all([connected(third), synced(third)]);
  await second.waitForFunction(() => window.tandem.view.state.doc.toString() === 'kept');
  assert.equal((await serverDoc(docId('tabs'))).text, 'kept');
  await second.context().close();
});

test('the preview renders Markdown and never runs scripts from the text', { skip }, async () => {
  const page = await open(`d/${docId('preview')}`, 'Ana');
  await connected(page);
  await page.click('.cm-content');
  const text = '# Heading\n\n<script>window.pwned = 1</script>\n<img src="x" onerror="window.pwned = 2">\n[link](javascript:window.pwned=3)\n';
  await page.evaluate((t) => window.tandem.view.dispatch({ changes: { from: 0, insert: t } }), text);
  await page.click('button[title^="Show the rendered"]');
  await page.waitForSelector('.preview h1');
  assert.equal(await page.textContent('.preview h1'), 'Heading');
  assert.equal(await page.locator('.preview script').count(), 0);
  assert.equal(await page.getAttribute('.preview img', 'onerror'), null);
  assert.equal(await page.locator('.preview a[href^="javascript"]').count(), 0);
  assert.equal(await page.evaluate(() => window.pwned), undefined);
  await page.screenshot({ path: join(shots, 'preview.png') });
  await page.context().close();
});

test('undo takes back only the user\'s own edits', { skip }, async () => {
  const ana = await open(`d/${docId('undo')}`, 'Ana');
  const bo = await open(`d/${docId('undo')}`, 'Bo');
  await Promise.all([connected(ana), connected(bo)]);
  await ana.click('.cm-content');
  await ana.keyboard.type('ana ');
  await synced(ana);
  await bo.waitForFunction(() => window.tandem.view.state.doc.toString() === 'ana ');
  await bo.click('.cm-content');
  await bo.keyboard.press('End');
  await bo.keyboard.type('bo');
  await synced(bo);
  await ana.waitForFunction(() => window.tandem.view.state.doc.toString() === 'ana bo');
  await ana.keyboard.press('Control+z');
  await synced(ana);
  await bo.waitForFunction(() => window.tandem.view.state.doc.toString() === 'bo');
  assert.equal(await editorText(ana), 'bo');
  await ana.context().close();
  await bo.context().close();
});

test('the history slider shows earlier revisions read-only, with author, and goes back to live', { skip }, async () => {
  const page = await open(`d/${docId('history')}`, 'Ana');
  await connected(page);
  await page.click('.cm-content');
  for (const word of ['one ', 'two ', 'three']) {
    await page.keyboard.type(word);
    await synced(page);
  }
  const head = (await serverDoc(docId('history'))).rev;
  await page.click('button[title="Browse earlier revisions"]');
  await page.waitForFunction((h) => document.querySelector('.history-bar input').max === String(h), head);
  await page.locator('.history-bar input').fill('1');
  await page.waitForFunction(() => document.querySelector('.viewer .cm-content').textContent === 'o');
  assert.match(await page.textContent('.history-label'), /Revision 1 of \d+: by Ana/);
  assert.equal(await page.isVisible('.pane.live'), false);
  await page.screenshot({ path: join(shots, 'history.png') });
  await page.click('.back-to-live');
  assert.equal(await page.isVisible('.pane.live'), true);
  assert.equal(await editorText(page), 'one two three');
  await page.context().close();
});

test('three users typing at once converge, and a rename reaches the others', { skip }, async () => {
  const pages = await Promise.all(['Ana', 'Bo', 'Cy'].map((n) => open(`d/${docId('together')}`, n)));
  await Promise.all(pages.map(connected));
  await Promise.all(pages.map(async (page, i) => {
    await page.click('.cm-content');
    for (let k = 0; k < 5; k++) await page.keyboard.type(`${'abc'[i]}${k}`);
  }));
  await Promise.all(pages.map(synced));
  const serverText = (await serverDoc(docId('together'))).text;
  for (const page of pages) await page.waitForFunction((t) => window.tandem.view.state.doc.toString() === t, serverText);
  assert.equal(serverText.length, 30);

  await pages[0].fill('.own-name', 'Ana Banana');
  await pages[0].press('.own-name', 'Enter');
  await pages[1].waitForFunction(() => [...document.querySelectorAll('.users .user')].some((b) => b.textContent === 'Ana Banana'));
  await pages[1].screenshot({ path: join(shots, 'together.png') });
  for (const page of pages) await page.context().close();
});

test('export downloads the text, and authorship colours it by author', { skip }, async () => {
  const ana = await open(`d/${docId('export')}`, 'Ana');
  const bo = await open(`d/${docId('export')}`, 'Bo');
  await Promise.all([connected(ana), connected(bo)]);
  await ana.click('.cm-content');
  await ana.keyboard.type('from ana ');
  await synced(ana);
  await bo.waitForFunction(() => window.tandem.view.state.doc.toString() === 'from ana ');
  await bo.click('.cm-content');
  await bo.keyboard.press('End');
  await bo.keyboard.type('from bo');
  await synced(bo);
  await ana.waitForFunction(() => window.tandem.view.state.doc.toString() === 'from ana from bo');

  const [download] = await Promise.all([ana.waitForEvent('download'), ana.selectOption('select.export', 'md')]);
  assert.equal(download.suggestedFilename(), `${docId('export')}.md`);
  const chunks = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk);
  assert.equal(Buffer.concat(chunks).toString('utf8'), 'from ana from bo');
  const [html] = await Promise.all([ana.waitForEvent('download'), ana.selectOption('select.export', 'html')]);
  assert.equal(html.suggestedFilename(), `${docId('export')}.html`);
  const htmlChunks = [];
  for await (const chunk of await html.createReadStream()) htmlChunks.push(chunk);
  assert.match(Buffer.concat(htmlChunks).toString('utf8'), /<title>export-[a-z0-9]+<\/title>[\s\S]*<p>from ana from bo<\/p>/);

  await ana.click('button[title="Colour the text by who wrote it"]');
  await ana.waitForSelector('.cm-author[title="Bo"]');
  assert.equal(await ana.textContent('.cm-author[title="Bo"]'), 'from bo');
  assert.equal(await ana.textContent('.cm-author[title="Ana"]'), 'from ana ');
  await ana.screenshot({ path: join(shots, 'authorship.png') });
  await ana.context().close();
  await bo.context().close();
});

test('no page error or CSP violation was reported', { skip }, () => {
  assert.deepEqual(pageErrors.filter((e) => !/WebSocket connection .* failed|ERR_CONNECTION|404/.test(e)), []);
});
