// Named versions, the diff between revisions, restore and its undo, and "changes since you last
// looked", with two users in Chromium, each step compared with the HTTP API. Needs the real server
// (TANDEM_URL): diffs and versions are computed from its operation log, which the dummy lacks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import {
  useBrowser, skip as noBrowser, docId, shots, connected, synced, editorText, showsText, unexpectedErrors,
} from './browser.mjs';

const skip = noBrowser || (!process.env.TANDEM_URL && 'diffs and versions need the real server (TANDEM_URL)');
const tandem = useBrowser();
const { open, serverDoc, serverText, pageErrors } = tandem;

async function api(path) {
  const response = await fetch(`${tandem.server.base}${path}`);
  assert.equal(response.status, 200, `GET ${path}`);
  return /json/.test(response.headers.get('content-type')) ? response.json() : response.text();
}

/** The text of the CodeMirror viewer inside `selector`. */
const viewerText = (page, selector) => page.evaluate((s) => {
  const lines = [...document.querySelectorAll(`${s} .cm-line`)].map((line) => line.textContent);
  return lines.join('\n');
}, selector);

test('name a version, change the text, see the diff by author, restore it and undo the restore', { skip }, async () => {
  const id = docId('versions');
  const ana = await open(`d/${id}`, 'Ana');
  const bo = await open(`d/${id}`, 'Bo');
  await Promise.all([connected(ana), connected(bo)]);
  await ana.click('.cm-content');
  await ana.keyboard.type('The cat sat.');
  await synced(ana);
  await showsText(bo, 'The cat sat.');

  // name it
  await ana.click('.versions-toggle');
  await ana.fill('.version-name', 'First draft');
  await ana.click('.name-version-button');
  await ana.waitForSelector('.version-list .version .version-label');
  const versionRev = (await serverDoc(id)).rev;
  const [named] = await api(`api/docs/${id}/versions`);
  assert.deepEqual([named.rev, named.name, named.author], [versionRev, 'First draft', 'Ana']);

  // Bo appends a sentence; Ana turns "cat" into "cart" (a change inside a word)
  await bo.click('.cm-content');
  await bo.keyboard.press('Control+End');
  await bo.keyboard.type(' It purred.');
  await synced(bo);
  await showsText(ana, 'The cat sat. It purred.');
  await ana.evaluate(() => window.tandem.view.dispatch({ changes: { from: 6, insert: 'r' }, userEvent: 'input.type' }));
  await synced(ana);
  const changed = await serverText(id, (t) => t === 'The cart sat. It purred.');
  await showsText(bo, changed);
  const head = (await serverDoc(id)).rev;

  // the diff, inline: what the API says, word by word, coloured by author
  await ana.click('.version-diff');
  await ana.waitForSelector('.diff-pane:not([hidden]) .cm-diff-insert');
  const apiDiff = await api(`api/docs/${id}/diff?from=${versionRev}&to=${head}`);
  assert.deepEqual(apiDiff.spans, [
    { kind: 'keep', text: 'The ca', author: null },
    { kind: 'insert', text: 'r', author: 'Ana' },
    { kind: 'keep', text: 't sat.', author: null },
    { kind: 'insert', text: ' It purred.', author: 'Bo' },
  ]);
  const marks = await ana.$$eval('.diff-inline .cm-diff-insert, .diff-inline .cm-diff-delete', (nodes) => nodes.map((n) => [
    n.classList.contains('cm-diff-insert') ? 'insert' : 'delete', n.textContent, n.dataset.author]));
  assert.deepEqual(marks, [['delete', 'cat', 'Ana'], ['insert', 'cart', 'Ana'], ['insert', ' It purred.', 'Bo']]);
  assert.match(await ana.textContent('.diff-title'), new RegExp(`revisions ${versionRev} to ${head}`));
  await ana.screenshot({ path: join(shots, 'diff-inline.png') });

  // side by side: the text at the version and now, as the API has them
  await ana.click('.diff-layout');
  await ana.waitForSelector('.diff-sides:not([hidden])');
  assert.equal(await viewerText(ana, '.diff-before'), await api(`api/docs/${id}/text?rev=${versionRev}`));
  assert.equal(await viewerText(ana, '.diff-after'), await api(`api/docs/${id}/text?rev=${head}`));
  await ana.screenshot({ path: join(shots, 'diff-side-by-side.png') });

  // restore: a new operation on the head, on both screens and on the server
  await ana.click('.version-restore');
  const restored = await serverText(id, (t) => t === 'The cat sat.');
  await showsText(bo, restored);
  assert.equal(await editorText(ana), restored);
  assert.ok((await serverDoc(id)).rev > head, 'a new revision, nothing rewritten');
  assert.equal(await api(`api/docs/${id}/text?rev=${head}`), 'The cart sat. It purred.');

  // and Ctrl-Z takes it back like any edit
  await ana.click('.pane.live .cm-content');
  await ana.keyboard.press('Control+z');
  await synced(ana);
  await serverText(id, (t) => t === 'The cart sat. It purred.');
  await showsText(bo, 'The cart sat. It purred.');

  // the history slider marks the named version
  await ana.click('button[title="Browse earlier revisions"]');
  await ana.waitForSelector(`#version-marks option[value="${versionRev}"]`, { state: 'attached' });
  await ana.locator('.history-bar input').fill(String(versionRev));
  await ana.waitForFunction(() => /version “First draft”/.test(document.querySelector('.history-label').textContent));
  await ana.context().close();
  await bo.context().close();
});

test('a returning user sees the changes since they last looked', { skip }, async () => {
  const id = docId('since');
  const ana = await open(`d/${id}`, 'Ana');
  await connected(ana);
  await ana.click('.cm-content');
  await ana.keyboard.type('Hello');
  await synced(ana);
  const bo = await open(`d/${id}`, 'Bo');
  await connected(bo);
  await showsText(bo, 'Hello');
  const seen = (await serverDoc(id)).rev;
  const boContext = bo.context();
  await bo.close(); // pagehide: Bo's browser remembers the revision it had

  await ana.keyboard.type(' world');
  await synced(ana);
  const now = await serverDoc(id);

  const back = await boContext.newPage();
  back.on('pageerror', (e) => pageErrors.push(e.message));
  await back.goto(`${tandem.server.base}d/${id}`);
  await connected(back);
  await back.waitForSelector('.versions-toggle');
  assert.equal(await back.textContent('.versions-toggle'), 'Versions •');
  await back.click('.versions-toggle');
  assert.match(await back.textContent('.since-last-look'), new RegExp(`^${now.rev - seen} changes since you last looked`));
  await back.click('.since-last-look-button');
  await back.waitForSelector('.diff-inline .cm-diff-insert');
  const inserted = await back.$$eval('.diff-inline .cm-diff-insert', (nodes) => nodes.map((n) => [n.textContent, n.dataset.author]));
  const apiDiff = await api(`api/docs/${id}/diff?from=${seen}&to=${now.rev}`);
  assert.deepEqual(inserted, apiDiff.spans.filter((s) => s.kind === 'insert').map((s) => [s.text, s.author]));
  assert.deepEqual(inserted, [[' world', 'Ana']]);
  await ana.context().close();
  await boContext.close();
});

test('no page error was reported', { skip }, () => {
  assert.deepEqual(unexpectedErrors(pageErrors), []);
});
