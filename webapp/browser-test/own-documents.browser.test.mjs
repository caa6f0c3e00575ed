// The landing page lists this browser's own documents and nobody else's: the server tells no
// stranger which documents exist (GET api/docs is a 404 without sign-in, edit token or
// TANDEM_LIST_DOCUMENTS), and each browser keeps its own list. Against the dummy server or a
// deployed WAR (browser.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { useBrowser, skip, shots, connected, synced, typeKeys, unexpectedErrors } from './browser.mjs';

const tandem = useBrowser();
const { open, serverDoc, pageErrors } = tandem;

test('a document shows on the landing page of the browser that made it, under its title, and on no other', { skip }, async () => {
  const ana = await open('', 'Ana');
  assert.match(await ana.textContent('.name-warning'), /Anyone who guesses a name can read and edit that document/);
  await ana.click('button.primary'); // New document
  await ana.waitForURL(/\/d\/[A-Za-z0-9][A-Za-z0-9._-]*$/);
  const id = decodeURIComponent(new URL(ana.url()).pathname.split('/').pop());
  await connected(ana);
  await ana.click('.cm-content');
  await typeKeys(ana, '# Shopping list\n\nmilk, eggs');
  await synced(ana);
  assert.equal((await serverDoc(id)).text, '# Shopping list\n\nmilk, eggs');

  // another browser, sharing nothing with Ana's: its landing page knows nothing of the document
  const bo = await open('', 'Bo');
  await bo.waitForSelector('.recent li');
  assert.deepEqual(await bo.locator('.recent li').allTextContents(), ['No documents in this browser yet.']);
  assert.equal((await bo.content()).includes(id), false, 'the id is nowhere in the page');
  const listed = await bo.evaluate(async () => (await fetch('api/docs')).status);
  assert.equal(listed, 404, 'no list of documents for strangers');
  await bo.screenshot({ path: join(shots, 'landing-stranger.png') });

  // Ana's landing page lists it, by the title it last saw, with a link to it
  await ana.goto(tandem.server.base);
  await ana.waitForSelector('.recent a');
  assert.deepEqual(await ana.locator('.recent a').allTextContents(), ['Shopping list']);
  assert.match(await ana.getAttribute('.recent a', 'href'), new RegExp(`/d/${id}$`));
  await ana.screenshot({ path: join(shots, 'landing-own.png') });

  // forget takes it off this browser's list, for good
  await ana.click('.recent button.forget');
  await ana.waitForSelector('.recent li.empty');
  await ana.reload();
  await ana.waitForSelector('.recent li');
  assert.deepEqual(await ana.locator('.recent li').allTextContents(), ['No documents in this browser yet.']);
  assert.equal((await serverDoc(id)).text, '# Shopping list\n\nmilk, eggs', 'the document itself stays');

  await ana.context().close();
  await bo.context().close();
});

test('no page error or CSP violation was reported', { skip }, () => {
  assert.deepEqual(unexpectedErrors(pageErrors), []);
});
