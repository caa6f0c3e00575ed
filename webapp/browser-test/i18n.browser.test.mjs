// The pages in the reader's language (src/i18n), in a real Chromium against the dummy server or a
// deployed WAR (browser.mjs): a Portuguese browser gets Portuguese words, dates and numbers; the
// language switch overrides it for good; and no visible text escapes the catalogues, which the
// pseudo-language (every catalogue text accented and bracketed) shows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import WebSocket from 'ws';
import { pseudo } from '../src/i18n/catalogue.js';
import {
  useBrowser, skip, docId, shots, connected, synced, unexpectedErrors,
} from './browser.mjs';

const tandem = useBrowser();
const { open, pageErrors } = tandem;

const english = JSON.parse(readFileSync(new URL('../src/i18n/en.json', import.meta.url), 'utf8'));

/**
 * Gives document `id` `count` revisions by a program named `name`, one acknowledged operation at a
 * time over PROTOCOL.md's WebSocket (a program sends no Origin), each inserting one letter.
 */
async function seed(base, id, count, name) {
  const url = new URL(`ws/docs/${id}`, base);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  const ws = new WebSocket(url);
  await new Promise((resolve, reject) => {
    let seq = 0;
    let length = 0;
    const send = (rev) => {
      if (seq === count) { ws.close(1000); resolve(); return; }
      ws.send(JSON.stringify({ type: 'op', rev, seq: ++seq, op: length ? [length, 'a'] : ['a'] }));
      length++;
    };
    ws.on('open', () => ws.send(JSON.stringify({ type: 'hello', src: `i18n-seed-${Date.now().toString(36)}`, name, rev: null })));
    ws.on('message', (data) => {
      for (const m of [].concat(JSON.parse(String(data)))) {
        if (m.type === 'welcome') { length = m.text.length; send(m.rev); }
        else if (m.type === 'ack') send(m.rev + 1);
        else if (m.type === 'error') reject(new Error(`${m.code}: ${m.message}`));
      }
    });
    ws.on('error', reject);
  });
}

/** A date as Intl writes it in Portuguese, medium style: "7 de dez. de 2026". */
const PORTUGUESE_DATE = /\d{1,2} de [a-zç]{3,}\.? de \d{4}/;

test('a Portuguese browser gets Portuguese pages, dates and numbers; English chosen with the switch stays after a reload', { skip }, async () => {
  const id = docId('lingua');
  // 1,234 revisions, so that the history has numbers to write the Portuguese way
  await seed(tandem.server.base, id, 1234, 'Robô');
  const page = await open(`d/${id}`, 'Ana', { locale: 'pt-BR' });
  await connected(page);
  assert.equal(await page.getAttribute('html', 'lang'), 'pt-BR');
  assert.equal(await page.textContent('.connection'), 'Conectado');
  assert.equal(await page.textContent('button.share'), 'Copiar link de edição');
  await page.click('button[title="Navegar pelas revisões anteriores"]');
  await page.waitForFunction(() => /^Revisão 1\.234 de 1\.234: por Robô, /.test(document.querySelector('.history-label').textContent));
  const label = await page.textContent('.history-label');
  assert.match(label, PORTUGUESE_DATE);
  assert.match(label, /\((agora|há \d+ (segundos?|minutos?))\)$/);
  await page.click('.back-to-live');
  await page.screenshot({ path: join(shots, 'editor-pt-BR.png') });

  await page.goto(tandem.server.base);
  await page.waitForSelector('button.primary'); // the script runs once its catalogue is in
  assert.equal(await page.getAttribute('html', 'lang'), 'pt-BR');
  assert.equal(await page.textContent('button.primary'), 'Novo documento');
  assert.equal(await page.textContent('.landing h2'), 'Seus documentos');
  const entry = page.locator(`.recent li[data-id="${id}"]`);
  await entry.waitFor();
  assert.match(await entry.locator('time').textContent(), /^(agora|há \d+ (segundos?|minutos?))$/);
  assert.match(await entry.locator('time').getAttribute('title'), PORTUGUESE_DATE);
  assert.equal(await entry.locator('button.forget').textContent(), 'esquecer');

  await Promise.all([page.waitForEvent('load'), page.selectOption('select.language', 'en')]);
  await page.waitForSelector('button.primary');
  assert.equal(await page.textContent('button.primary'), 'New document');
  await page.reload();
  await page.waitForSelector('button.primary');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.equal(await page.textContent('button.primary'), 'New document');
  await page.goto(`${tandem.server.base}d/${id}`);
  await connected(page);
  assert.equal(await page.textContent('.connection'), 'Connected');
  assert.equal(await page.inputValue('select.language'), 'en');
  await page.context().close();
});

test('every visible text of the pages comes from the catalogues: none is left in plain English in the pseudo-language', { skip }, async () => {
  const id = docId('pseudo');
  const page = await open(`d/${id}`, 'Ana');
  await page.evaluate(() => localStorage.setItem('tandem:language', 'en-XA'));
  await page.reload();
  await connected(page);
  await page.evaluate(() => window.tandem.view.dispatch({ changes: { from: 0, insert: '# Notes\n\nsome text\n' } }));
  await synced(page);
  const other = await open(`d/${id}`, 'Bo');
  await connected(other);
  await page.waitForSelector('.users .user:text-is("Bo")');
  // what user data the pages show as they are: the document's id, people's names, the brand
  const userData = [id, 'Ana', 'Bo', 'Tandem', 'Notes'];

  const untranslated = async (where, serverWords = []) => {
    const found = await page.evaluate(({ data }) => {
      const skipped = '.cm-content, .preview, .doc-name, .users .user, .cm-remote-label, .recent a, select.language, .brand, h1';
      const texts = [document.title];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement;
        if (parent.closest(skipped) || parent.closest('[hidden], script, style, noscript')) continue;
        texts.push(node.textContent);
      }
      for (const element of document.body.querySelectorAll('[title], [aria-label], [placeholder]')) {
        if (element.closest('.cm-content, select.language')) continue;
        for (const name of ['title', 'aria-label', 'placeholder']) if (element.hasAttribute(name)) texts.push(element.getAttribute(name));
      }
      const dataPattern = new RegExp(data.map((d) => d.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');
      return texts.map((text) => text.replace(dataPattern, '')).filter((text) => /[A-Za-z]{2,}/.test(text));
    }, { data: [...userData, ...serverWords] });
    assert.deepEqual(found, [], `texts outside the catalogues on ${where}`);
  };

  assert.match(await page.textContent('.connection'), /^⟦.*⟧$/, 'the pseudo-language is on');
  await untranslated('the editor');
  const toggle = (key) => page.click(`button[title="${pseudo(english[key])}"]`);
  await toggle('toggle.previewTitle');
  await toggle('toggle.authorsTitle');
  await page.waitForSelector('.preview h1');
  await page.waitForSelector('.cm-author');
  await untranslated('the editor with the preview and authors');
  await toggle('toggle.historyTitle');
  await page.waitForFunction((start) => document.querySelector('.history-label').textContent.startsWith(start),
    pseudo('Revision 1').slice(0, -1));
  await untranslated('the editor\'s history');
  await page.click('.back-to-live');
  await page.click('.cm-content');
  await page.keyboard.press('Control+f');
  await page.waitForSelector('.cm-search');
  await untranslated('the editor\'s search panel');
  await page.keyboard.press('Escape');
  // the versions and comments panels, with a comment being written on the selected heading
  await toggle('versions.toggleTitle');
  await page.waitForSelector('.versions-panel:not([hidden]) .name-version-button');
  await toggle('comments.threads');
  await page.waitForSelector('.comments-panel:not([hidden])');
  await page.evaluate(() => window.tandem.view.dispatch({ selection: { anchor: 2, head: 7 } }));
  await page.click('.new-comment-button');
  await page.waitForSelector('.comment-draft:not([hidden])');
  // (the dummy server has no versions: the panel says so with the request and code the API client reports)
  await untranslated('the editor with its versions and comments panels', ['GET api/docs/', '/versions: not-found']);
  await page.click('.draft-cancel');
  await toggle('comments.threads');
  await toggle('versions.toggleTitle');
  if (tandem.server.doc) {
    // the dummy server refuses the next edit, which the page then shows with its text to keep
    tandem.server.doc(id).rejectNext = 'forbidden';
    await page.click('.cm-content');
    await page.keyboard.type('xy');
    await page.waitForSelector('.refused-edit');
    await page.waitForFunction(() => document.querySelector('.messages').textContent !== '');
    // the refusal's code and the server's own message are shown as the server sent them
    await untranslated('the editor after a refused edit', ['forbidden', 'refused by the test']);
  }
  await page.screenshot({ path: join(shots, 'editor-pseudo.png') });

  await page.goto(tandem.server.base);
  await page.locator(`.recent li[data-id="${id}"]`).waitFor();
  await untranslated('the landing page');
  await page.screenshot({ path: join(shots, 'landing-pseudo.png') });
  await page.context().close();
  await other.context().close();
});

test('no page error or CSP violation was reported', { skip }, () => {
  assert.deepEqual(unexpectedErrors(pageErrors), []);
});
