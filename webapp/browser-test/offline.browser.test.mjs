// Nothing typed is lost: users typing at once with real key events, a page whose network is cut
// (a cuttable-proxy.mjs between it and the server: its WebSocket dropped or refused, or the
// server's answers swallowed) and reloads before it reconnects. Against the dummy server or a
// deployed WAR (browser.mjs); every test compares the pages with the server's GET api/docs/{id}.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import {
  useBrowser, skip, docId, shots, connected, disconnected, synced, editorText, showsText, showsUnsynced,
  typeKeys, unexpectedErrors,
} from './browser.mjs';

const tandem = useBrowser();
const { open, serverDoc, serverText, pageErrors } = tandem;

/** An unpaired surrogate: an emoji split in two. */
const BROKEN_PAIR = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The browser fires "online" when the network comes back; the page then reconnects at once. */
const backOnline = (page) => page.evaluate(() => window.dispatchEvent(new Event('online')));

test('two users typing at once with real keys, emoji and Enter end with the server\'s text', { skip }, async () => {
  const id = docId('keys');
  const ana = await open(`d/${id}`, 'Ana');
  const bo = await open(`d/${id}`, 'Bo');
  await Promise.all([connected(ana), connected(bo)]);
  await ana.click('.cm-content');
  await typeKeys(ana, 'ana:\nbo:');
  await synced(ana);
  await showsText(bo, 'ana:\nbo:');

  await ana.keyboard.press('Control+Home');
  await ana.keyboard.press('End');
  await bo.click('.cm-content');
  await bo.keyboard.press('Control+End');
  const anaTyped = ' 😀 first\nthen 👍🏽 a😀b\n';
  const boTyped = ' 🎉 second\nand ✓ 你好 👍🏽';
  await Promise.all([typeKeys(ana, anaTyped), typeKeys(bo, boTyped)]);
  await Promise.all([synced(ana), synced(bo)]);

  const expected = `ana:${anaTyped}\nbo:${boTyped}`;
  await Promise.all([showsText(ana, expected), showsText(bo, expected)]);
  assert.equal((await serverDoc(id)).text, expected);
  assert.doesNotMatch(expected, BROKEN_PAIR);
  await bo.screenshot({ path: join(shots, 'two-users.png') });
  await ana.context().close();
  await bo.context().close();
});

test('a user cut off keeps typing while others edit; all converge when it is back', { skip }, async () => {
  const id = docId('cutoff');
  const proxy = await tandem.proxy();
  const ana = await open(`d/${id}`, 'Ana', { via: proxy });
  const bo = await open(`d/${id}`, 'Bo');
  const cy = await open(`d/${id}`, 'Cy');
  await Promise.all([ana, bo, cy].map(connected));
  await ana.click('.cm-content');
  await typeKeys(ana, 'top\nmiddle\nbottom');
  await synced(ana);
  await Promise.all([showsText(bo, 'top\nmiddle\nbottom'), showsText(cy, 'top\nmiddle\nbottom')]);

  proxy.refuse(true);
  proxy.cut();
  await disconnected(ana);
  await ana.keyboard.press('Control+Home');
  await ana.keyboard.press('End');
  await typeKeys(ana, ' ana 😀\noffline');
  await showsUnsynced(ana);
  await bo.click('.cm-content');
  await bo.keyboard.press('Control+Home');
  await bo.keyboard.press('ArrowDown');
  await bo.keyboard.press('End');
  await cy.click('.cm-content');
  await cy.keyboard.press('Control+End');
  await Promise.all([typeKeys(bo, ' bo'), typeKeys(cy, ' cy 👍🏽\n')]);
  await Promise.all([synced(bo), synced(cy)]);
  await showsText(bo, 'top\nmiddle bo\nbottom cy 👍🏽\n');
  assert.equal(await editorText(ana), 'top ana 😀\noffline\nmiddle\nbottom', 'cut off, Ana sees nothing of theirs');
  await ana.screenshot({ path: join(shots, 'cut-off.png') });

  proxy.refuse(false);
  await backOnline(ana);
  await connected(ana);
  await synced(ana);
  const expected = 'top ana 😀\noffline\nmiddle bo\nbottom cy 👍🏽\n';
  await Promise.all([ana, bo, cy].map((page) => showsText(page, expected)));
  assert.equal((await serverDoc(id)).text, expected);
  for (const page of [ana, bo, cy]) await page.context().close();
});

test('edits typed offline survive a reload and reach the server once', { skip }, async () => {
  const id = docId('offline');
  const proxy = await tandem.proxy();
  const page = await open(`d/${id}`, 'Ana', { via: proxy });
  await connected(page);
  await page.click('.cm-content');
  await page.keyboard.type('online. ');
  await synced(page);

  proxy.refuse(true);
  proxy.cut();
  await disconnected(page);
  await typeKeys(page, 'typed 😀\noffline');
  await showsUnsynced(page);
  await page.screenshot({ path: join(shots, 'offline.png') });

  await page.reload();
  await page.waitForSelector('.cm-content');
  assert.equal(await editorText(page), 'online. typed 😀\noffline', 'shown from the outbox before any connection');
  assert.match(await page.textContent('.unsynced'), /unsynced/);

  proxy.refuse(false);
  await backOnline(page);
  await connected(page);
  await synced(page);
  assert.equal((await serverDoc(id)).text, 'online. typed 😀\noffline');
  assert.deepEqual(await page.evaluate(() => Object.keys(localStorage).filter((k) => /^tandem:(outbox|base):/.test(k))),
    [], 'nothing left in the outbox');
  await page.context().close();
});

test('an edit the server applied but whose ack was lost is applied once after a reload', { skip }, async () => {
  const id = docId('lostack');
  const proxy = await tandem.proxy();
  const page = await open(`d/${id}`, 'Ana', { via: proxy });
  await connected(page);
  await page.click('.cm-content');
  await page.keyboard.type('one ');
  await synced(page);

  proxy.mute();
  await page.keyboard.type('two');
  await serverText(id, (text) => text !== 'one '); // the first keystroke's operation got through
  assert.equal(await page.evaluate(() => window.tandem.session.state.outstanding !== null), true, 'unacknowledged');
  proxy.refuse(true);
  proxy.cut();
  await disconnected(page);
  await page.keyboard.type(' three');

  await page.reload();
  await page.waitForSelector('.cm-content');
  assert.equal(await editorText(page), 'one two three');
  proxy.refuse(false);
  await backOnline(page);
  await connected(page);
  await synced(page);
  assert.equal((await serverDoc(id)).text, 'one two three');
  await page.context().close();
});

test('a second tab never takes a live tab\'s outbox; a tab opened after it closed does', { skip }, async () => {
  const id = docId('tabs');
  const proxy = await tandem.proxy();
  const first = await open(`d/${id}`, 'Ana', { via: proxy });
  await connected(first);
  proxy.refuse(true);
  proxy.cut();
  await disconnected(first);
  await first.click('.cm-content');
  await first.keyboard.type('kept');
  const firstSrc = await first.evaluate(() => window.tandem.session.src);

  const second = await first.context().newPage();
  await second.goto(`${proxy.base}d/${id}`);
  await second.waitForFunction(() => window.tandem);
  assert.notEqual(await second.evaluate(() => window.tandem.session.src), firstSrc, 'the first tab is alive');
  assert.equal(await editorText(second), '');

  await first.close({ runBeforeUnload: true });
  const third = await second.context().newPage();
  await third.goto(`${proxy.base}d/${id}`);
  await third.waitForFunction(() => window.tandem);
  assert.equal(await third.evaluate(() => window.tandem.session.src), firstSrc, 'adopted from the closed tab');
  assert.equal(await editorText(third), 'kept');

  proxy.refuse(false);
  for (const page of [second, third]) await backOnline(page);
  await Promise.all([connected(third), synced(third)]);
  await showsText(second, 'kept');
  assert.equal((await serverDoc(id)).text, 'kept');
  await second.context().close();
});

test('the landing page lists edits kept for a closed document; opening it sends them', { skip }, async () => {
  const id = docId('kept');
  const proxy = await tandem.proxy();
  const page = await open(`d/${id}`, 'Ana', { via: proxy });
  await connected(page);
  proxy.refuse(true);
  proxy.cut();
  await disconnected(page);
  await page.click('.cm-content');
  await typeKeys(page, 'kept\nfor later');
  await showsUnsynced(page);
  const context = page.context();
  await page.close({ runBeforeUnload: true });

  const landing = await context.newPage();
  await landing.goto(proxy.base);
  await landing.waitForSelector('.waiting a');
  assert.deepEqual(await landing.locator('.waiting a').allTextContents(), [id]);
  assert.match(await landing.textContent('.waiting li'), /unsynced change/);
  proxy.refuse(false);
  await landing.click('.waiting a');
  await connected(landing);
  await synced(landing);
  assert.equal((await serverDoc(id)).text, 'kept\nfor later');
  await landing.goto(proxy.base);
  await landing.waitForSelector('.recent a');
  assert.equal(await landing.isVisible('.waiting'), false, 'nothing waits any more');
  await context.close();
});

test('no page error or CSP violation was reported', { skip }, () => {
  assert.deepEqual(unexpectedErrors(pageErrors), []);
});
