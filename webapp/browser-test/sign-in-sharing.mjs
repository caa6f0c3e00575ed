// Sign-in and sharing in a real Chromium against a real Keycloak: run by the Java test
// src/test/java/dev/tandem/web/OidcIT.java, which starts Keycloak and sets TANDEM_OIDC_URL to
// tandem-oidc.war (http://127.0.0.1:PORT/oidc/). Ana signs in on Keycloak's own login page,
// creates a document and types; Bo, signed in in another browser context, cannot open it; Ana
// shares it with him as viewer in the share dialog: he reads but cannot type. Ana raises him to
// editor while his page stays open, and his typing works within a second. Every step is compared
// with what GET api/docs/{id} says.
// Not picked up by `npm run test:browser` (no ".test." in the name): it needs the provider.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join, dirname } from 'node:path';
import { chromium } from 'playwright-core';

const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const base = process.env.TANDEM_OIDC_URL;
const shots = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'target', 'browser-screenshots');
const skip = !base ? 'TANDEM_OIDC_URL is not set (OidcIT sets it)' : !existsSync(CHROMIUM) ? `no Chromium at ${CHROMIUM}` : false;

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

/** A new browser profile, signed in on Keycloak's login page, back on Tandem's landing page. */
async function signIn(user, password, fullName) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${base}signin?return=%2F`);
  await page.waitForSelector('#username');
  await page.fill('#username', user);
  await page.fill('#password', password);
  await page.click('#kc-login');
  await page.waitForURL(base);
  await page.waitForSelector('.signed-in-as');
  assert.equal(await page.textContent('.signed-in-as'), fullName);
  return page;
}

/** The answer to GET api/docs/{id} as this page's user sees it: {status, doc}. */
async function serverDoc(page, id) {
  return page.evaluate(async (path) => {
    const response = await fetch(path, { headers: { Accept: 'application/json' } });
    return { status: response.status, doc: response.ok ? await response.json() : null };
  }, `${base}api/docs/${id}`);
}

async function serverText(page, id, check) {
  const deadline = Date.now() + 15000;
  for (;;) {
    const { doc } = await serverDoc(page, id);
    if (doc && check(doc.text)) return doc.text;
    if (Date.now() > deadline) assert.fail(`the server's text never came right: ${JSON.stringify(doc && doc.text)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Whether the page's editor takes typing (a view connection makes its state read-only). */
const editable = (page) => page.evaluate(() => !window.tandem.view.state.readOnly);

test('Ana shares with Bo as viewer, then raises him to editor while his page is open', { skip }, async () => {
  const ana = await signIn('ana', 'ana-password-1', 'Ana Lima');
  const bo = await signIn('bo', 'bo-password-1', 'Bo Berg');

  await ana.click('button.primary'); // New document
  await ana.waitForURL(/\/d\/[A-Za-z0-9]+$/);
  const id = ana.url().split('/d/')[1];
  await ana.waitForFunction(() => document.body.dataset.connection === 'connected');
  await ana.click('.cm-content');
  await ana.keyboard.type('Hello from Ana');
  await serverText(ana, id, (t) => t === 'Hello from Ana');

  assert.equal((await serverDoc(bo, id)).status, 403, 'not shared yet: Bo gets 403');

  await ana.click('.share-open');
  await ana.waitForSelector('.share-dialog[open]');
  await ana.selectOption('.share-kind', 'user');
  await ana.fill('.share-who-input', 'bo@example.org');
  await ana.selectOption('.share-add .share-role', 'viewer');
  await ana.click('.share-add-button');
  await ana.waitForSelector('.share-entry[data-kind="user"]');
  await ana.screenshot({ path: join(shots, 'share-dialog.png') });
  assert.equal((await serverDoc(bo, id)).status, 200, 'shared as viewer: Bo reads');

  await bo.goto(`${base}d/${id}`);
  await bo.waitForFunction(() => document.body.dataset.connection === 'connected');
  await bo.waitForFunction(() => window.tandem.view.state.doc.toString() === 'Hello from Ana');
  assert.equal(await editable(bo), false, 'a viewer cannot type');
  await bo.waitForFunction(() => document.querySelector('.own-name').value === 'Bo Berg');
  assert.equal(await bo.isDisabled('.own-name'), true, 'the signed-in name is not edited here');
  await bo.click('.cm-content');
  await bo.keyboard.type('Bo was here');
  assert.equal((await serverDoc(bo, id)).doc.text, 'Hello from Ana', 'nothing Bo typed reached the server');

  await ana.selectOption('.share-entry[data-kind="user"] .share-role', 'editor');
  const raised = Date.now();
  await bo.waitForFunction(() => !window.tandem.view.state.readOnly, null, { timeout: 5000 });
  const tookMs = Date.now() - raised;
  console.log(`# Bo could type ${tookMs} ms after Ana raised him to editor`);
  assert.ok(tookMs <= 1000, `editable after ${tookMs} ms, over a second`);
  await bo.click('.cm-content');
  await bo.keyboard.press('End');
  await bo.keyboard.type(' and Bo');
  await serverText(bo, id, (t) => t === 'Hello from Ana and Bo');
  const authors = await ana.evaluate(async (path) => (await (await fetch(path)).json()).map((op) => op.name), `${base}api/docs/${id}/ops`);
  assert.ok(authors.includes('Ana Lima') && authors.includes('Bo Berg'), `authors are the signed-in names: ${authors}`);
});
