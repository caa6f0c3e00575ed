// Large pastes and large documents: nothing is dropped silently. A paste of 5 MB, over the
// server's 1 MiB message limit, reaches the server in pieces with another user connected, and
// also when the page is cut off during the paste and reloaded before it reconnects; an edit the
// server refuses for good is shown on the page with its text to download. Against the dummy
// server (its limits set here) or a deployed WAR (whose Cargo deployment sets
// TANDEM_MAX_DOCUMENT_BYTES to MAX_DOCUMENT_BYTES below; the pom passes it on).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import WebSocket from 'ws';
import {
  useBrowser, skip, docId, shots, connected, disconnected, editorText, onRealServer, unexpectedErrors,
} from './browser.mjs';

const MAX_DOCUMENT_BYTES = Number(process.env.TANDEM_MAX_DOCUMENT_BYTES || 8 * 1024 * 1024);
const tandem = useBrowser({ maxDocumentBytes: MAX_DOCUMENT_BYTES });
const { open, serverDoc, pageErrors } = tandem;
const dummyOnly = skip || (onRealServer && 'needs the dummy server\'s test hooks');

const LONG = 120000;

/** About `bytes` of text as people paste it: lines of a log with accents, emoji and quotes. */
function pasteOf(bytes) {
  const line = 'INFO 2026-12-07 "request" served in 12 ms · café 😀 tab\there\n';
  return line.repeat(Math.ceil(bytes / Buffer.byteLength(line)));
}

/** Pastes `text` at the cursor through CodeMirror's own paste handling, as Ctrl+V does. */
function paste(page, text) {
  return page.evaluate((t) => {
    const data = new DataTransfer();
    data.setData('text/plain', t);
    window.tandem.view.contentDOM.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

const synced = (page) => page.waitForFunction(() => window.tandem.session.state.unsyncedEdits === 0, null,
  { polling: 200, timeout: LONG });
/** Waits until the page's editor is `length` units long, then gives its text. */
async function textOfLength(page, length) {
  await page.waitForFunction((n) => window.tandem.view.state.doc.length === n, length, { polling: 200, timeout: LONG });
  return editorText(page);
}

test('a 5 MB paste with two users connected reaches the server whole, in pieces', { skip, timeout: 4 * LONG }, async () => {
  const id = docId('paste5mb');
  const ana = await open(`d/${id}`, 'Ana');
  const bo = await open(`d/${id}`, 'Bo');
  await Promise.all([connected(ana), connected(bo)]);
  await ana.click('.cm-content');
  await ana.keyboard.type('before ');
  await synced(ana);
  const revBefore = (await serverDoc(id)).rev;
  const pasted = pasteOf(5 * 1000 * 1000);
  await paste(ana, pasted);
  const expected = `before ${pasted}`;
  assert.equal(await editorText(ana), expected);

  await synced(ana);
  assert.equal(await textOfLength(bo, expected.length), expected, 'the other user has it all');
  const server = await serverDoc(id);
  assert.equal(server.text, expected, 'GET api/docs/{id}');
  assert.ok(server.rev - revBefore >= 5, `sent in pieces under 1 MiB (${server.rev - revBefore} revisions)`);
  assert.equal(await editorText(ana), expected);
  await bo.screenshot({ path: join(shots, 'paste-5mb.png') });
  await ana.context().close();
  await bo.context().close();
});

test('a 5 MB paste cut off midway and reloaded offline reaches the server once', { skip, timeout: 4 * LONG }, async () => {
  const id = docId('paste5mb-offline');
  const proxy = await tandem.proxy();
  const ana = await open(`d/${id}`, 'Ana', { via: proxy });
  const bo = await open(`d/${id}`, 'Bo');
  await Promise.all([connected(ana), connected(bo)]);
  await ana.click('.cm-content');
  await ana.keyboard.type('start ');
  await synced(ana);
  const revBefore = await ana.evaluate(() => window.tandem.session.rev);

  const pasted = pasteOf(5 * 1000 * 1000);
  await paste(ana, pasted);
  // The first piece is acknowledged, the rest still on its way: now the network goes.
  await ana.waitForFunction((r) => window.tandem.session.rev > r, revBefore, { polling: 20, timeout: LONG });
  proxy.refuse(true);
  proxy.cut();
  await disconnected(ana);
  const expected = `start ${pasted}`;
  const serverMidway = (await serverDoc(id)).text;
  assert.ok(serverMidway.length > 'start '.length && serverMidway.length < expected.length,
    `cut off midway (${serverMidway.length} of ${expected.length} units on the server)`);

  await ana.reload();
  await ana.waitForSelector('.cm-content');
  assert.equal(await editorText(ana), expected, 'the rest of the paste, from the outbox, before any connection');
  assert.match(await ana.textContent('.unsynced'), /unsynced/);
  proxy.refuse(false);
  await ana.evaluate(() => window.dispatchEvent(new Event('online')));
  await connected(ana);
  await synced(ana);
  assert.equal((await serverDoc(id)).text, expected, 'GET api/docs/{id}: every piece once');
  assert.equal(await textOfLength(bo, expected.length), expected);
  assert.equal(await editorText(ana), expected);
  assert.deepEqual(await ana.evaluate(() => Object.keys(localStorage).filter((k) => /^tandem:(outbox|base):/.test(k))),
    [], 'nothing left in the outbox');
  await ana.context().close();
  await bo.context().close();
});

/** Fills document `id` to `bytes` (ASCII) over a WebSocket of its own, in 512 KB operations. */
async function fill(id, bytes) {
  const url = new URL(`ws/docs/${id}`, tandem.server.base);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  const ws = new WebSocket(url);
  const messages = [];
  let wake = () => {};
  ws.on('message', (data) => { messages.push(...[].concat(JSON.parse(String(data)))); wake(); });
  const next = async (type) => {
    for (;;) {
      const i = messages.findIndex((m) => m.type === type || m.type === 'error');
      if (i >= 0) {
        const [m] = messages.splice(i, 1);
        if (m.type === 'error') throw new Error(`${m.code}: ${m.message}`);
        return m;
      }
      await new Promise((resolve) => { wake = resolve; });
    }
  };
  await new Promise((resolve, reject) => { ws.on('open', resolve); ws.on('error', reject); });
  ws.send(JSON.stringify({ type: 'hello', src: `filler-${Date.now()}`, name: 'filler', rev: null }));
  const welcome = await next('welcome');
  let { rev } = welcome;
  let length = welcome.text.length;
  let seq = 0;
  while (length < bytes) {
    const chunk = 'f'.repeat(Math.min(512 * 1024, bytes - length));
    ws.send(JSON.stringify({ type: 'op', rev, seq: ++seq, op: length ? [length, chunk] : [chunk] }));
    rev = (await next('ack')).rev + 1;
    length += chunk.length;
  }
  ws.close();
}

/** The refusal panel's text and the file its Download button gives. */
async function refusedText(page) {
  await page.waitForSelector('.refused-edit', { timeout: LONG });
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('.refused-download')]);
  return readFile(await download.path(), 'utf8');
}

test('a paste that would make the document too large is refused, shown, and its text kept', { skip, timeout: 4 * LONG }, async () => {
  const id = docId('toolarge');
  await fill(id, MAX_DOCUMENT_BYTES - 1000);
  const page = await open(`d/${id}`, 'Ana');
  await connected(page);
  await page.click('.cm-content');
  await page.keyboard.press('Control+End');
  const pasted = pasteOf(5000);
  await paste(page, pasted);

  assert.equal(await refusedText(page), pasted, 'the refused text, to download');
  assert.match(await page.textContent('.refused-edit'), /Not saved.*larger than this server allows/s);
  assert.match(await page.textContent('.unsynced'), /1 edit not saved/);
  await synced(page);
  const server = await serverDoc(id);
  assert.equal(server.text.length, MAX_DOCUMENT_BYTES - 1000, 'nothing of it stored');
  assert.equal((await editorText(page)).length, server.text.length, 'the editor shows what the server has');
  await page.screenshot({ path: join(shots, 'refused-too-large.png') });
  await page.context().close();
});

test('an edit refused as forbidden is shown with its text', { skip: dummyOnly, timeout: LONG }, async () => {
  const id = docId('forbidden');
  const page = await open(`d/${id}`, 'Ana');
  await connected(page);
  tandem.server.doc(id).rejectNext = 'forbidden';
  await page.click('.cm-content');
  await paste(page, 'mine 😀');
  assert.equal(await refusedText(page), 'mine 😀');
  assert.match(await page.textContent('.refused-edit'), /may only view/);
  assert.equal((await serverDoc(id)).text, '');
  await page.context().close();
});

test('an edit refused twice as invalid is shown with its text', { skip: dummyOnly, timeout: LONG }, async () => {
  const id = docId('invalid');
  const page = await open(`d/${id}`, 'Ana');
  await connected(page);
  tandem.server.doc(id).rejectNext = ['invalid-op', 'invalid-op'];
  await page.click('.cm-content');
  await paste(page, 'kept for you');
  assert.equal(await refusedText(page), 'kept for you');
  assert.match(await page.textContent('.refused-edit'), /no longer fitted/);
  await page.click('.refused-dismiss');
  assert.equal(await page.isVisible('.refused-edits'), false, 'dismissed');
  await page.click('.cm-content');
  await page.keyboard.type('typed after');
  await synced(page);
  assert.equal((await serverDoc(id)).text, 'typed after', 'editing goes on');
  await page.context().close();
});

test('no page error or CSP violation was reported', { skip }, () => {
  assert.deepEqual(unexpectedErrors(pageErrors), []);
});
