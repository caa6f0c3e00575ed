// Comment threads with two users in Chromium, each step compared with the HTTP API. Needs the real
// server (TANDEM_URL): threads and their anchors are the server's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import {
  useBrowser, skip as noBrowser, docId, shots, connected, synced, showsText, unexpectedErrors,
} from './browser.mjs';

const skip = noBrowser || (!process.env.TANDEM_URL && 'comments need the real server (TANDEM_URL)');
const tandem = useBrowser();
const { open, serverText, pageErrors } = tandem;

async function threads(id) {
  const response = await fetch(`${tandem.server.base}api/docs/${id}/threads`);
  assert.equal(response.status, 200);
  return response.json();
}

/** The highlighted text of the page's editor (a mark may be drawn in several pieces). */
const highlighted = (page) => page.evaluate(() => [...document.querySelectorAll('.pane.live .cm-comment')].map((n) => n.textContent).join(''));
const waitHighlighted = (page, text) => page.waitForFunction(
  (t) => [...document.querySelectorAll('.pane.live .cm-comment')].map((n) => n.textContent).join('') === t, text);

test('a comment follows the text on both screens; replies and resolving reach the other; deleting the text detaches it', { skip }, async () => {
  const id = docId('comments');
  const ana = await open(`d/${id}`, 'Ana');
  const bo = await open(`d/${id}`, 'Bo');
  await Promise.all([connected(ana), connected(bo)]);
  await ana.click('.cm-content');
  await ana.keyboard.type('First sentence. Second sentence.');
  await synced(ana);
  await showsText(bo, 'First sentence. Second sentence.');

  // Ana comments on the second sentence from the keyboard
  await ana.evaluate(() => window.tandem.view.dispatch({ selection: { anchor: 16, head: 32 } }));
  await ana.keyboard.press('Control+Alt+m');
  await ana.waitForSelector('.comment-draft:not([hidden]) .draft-text');
  await ana.keyboard.type('Is this right?');
  await ana.keyboard.press('Control+Enter');
  await waitHighlighted(ana, 'Second sentence.');
  let [thread] = await threads(id);
  assert.deepEqual([thread.from, thread.to, thread.quote, thread.comments[0].text, thread.comments[0].author],
    [16, 32, 'Second sentence.', 'Is this right?', 'Ana']);
  await waitHighlighted(bo, 'Second sentence.');

  // Bo types before the sentence and inside it: the highlight follows on both screens
  await bo.evaluate(() => window.tandem.view.dispatch({ changes: { from: 0, insert: 'Intro. ' }, userEvent: 'input.type' }));
  await bo.evaluate(() => window.tandem.view.dispatch({ changes: { from: 29, insert: ' long' }, userEvent: 'input.type' }));
  await synced(bo);
  const text = await serverText(id, (t) => t === 'Intro. First sentence. Second long sentence.');
  await showsText(ana, text);
  await waitHighlighted(ana, 'Second long sentence.');
  await waitHighlighted(bo, 'Second long sentence.');
  [thread] = await threads(id);
  assert.equal(text.slice(thread.from, thread.to), 'Second long sentence.', 'the server agrees');
  assert.equal(await ana.isVisible('.comments-panel'), true, 'a new comment opens the panel');
  await ana.screenshot({ path: join(shots, 'comment-thread.png') });

  // Bo replies; Ana sees it; Ana resolves; Bo sees it resolved
  await bo.click('.comments-toggle');
  await bo.waitForSelector(`.thread[data-thread="${thread.id}"] .reply-text`);
  await bo.fill(`.thread[data-thread="${thread.id}"] .reply-text`, 'Yes, it is.');
  await bo.click(`.thread[data-thread="${thread.id}"] .reply-button`);
  await ana.waitForFunction(() => /Yes, it is\./.test(document.querySelector('.thread-list').textContent));
  assert.deepEqual((await threads(id))[0].comments.map((c) => [c.author, c.text]), [['Ana', 'Is this right?'], ['Bo', 'Yes, it is.']]);
  await ana.click(`.thread[data-thread="${thread.id}"] .resolve-button`);
  await bo.waitForFunction((t) => !document.querySelector(`.thread-list .thread[data-thread="${t}"]`), thread.id);
  await bo.selectOption('.comment-filter', 'resolved');
  await bo.waitForSelector(`.thread.resolved[data-thread="${thread.id}"]`);
  assert.equal((await threads(id))[0].resolved, true);

  // deleting the sentence detaches the thread, which keeps the text it was on
  await ana.evaluate(() => window.tandem.view.dispatch({ changes: { from: 22, to: 44 }, userEvent: 'delete' }));
  await synced(ana);
  await serverText(id, (t) => t === 'Intro. First sentence.');
  [thread] = await threads(id);
  assert.equal(thread.detached, true);
  assert.equal(thread.quote, 'Second sentence.');
  await bo.waitForFunction(() => /Detached: the text “Second sentence\.” was deleted/.test(document.querySelector('.thread-list').textContent));
  assert.equal(await highlighted(bo), '');
  await ana.context().close();
  await bo.context().close();
});

test('no page error was reported', { skip }, () => {
  assert.deepEqual(unexpectedErrors(pageErrors), []);
});
