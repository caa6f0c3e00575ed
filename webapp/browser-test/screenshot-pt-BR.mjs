// `node browser-test/screenshot-pt-BR.mjs` (after `npm run build`): the README's picture of the
// editor in Portuguese, src/site/resources/images/editor-pt-BR.png, taken in headless Chromium
// against the dummy server: two people in a Portuguese browser, the preview open.
import { chromium } from 'playwright-core';
import { fileURLToPath } from 'node:url';
import { join, dirname } from 'node:path';
import { startDummyTandem } from './dummy-tandem.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const server = await startDummyTandem({ dist: join(here, '..', '..', 'target', 'webapp-dist') });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});
const TEXT = `# Ata da reunião de planejamento

**Data:** 7 de dezembro · **Presentes:** Ana, Bruno

## Decisões

1. Lançar a versão 1.2 na próxima semana.
2. Traduzir a documentação para o português.
3. Revisar os testes de carga (meta: 1.000 autores).

## Próximos passos

- Ana: escrever as notas de lançamento
- Bruno: revisar a tradução do editor
`;
try {
  const open = async (name) => {
    const context = await browser.newContext({ locale: 'pt-BR', viewport: { width: 1280, height: 640 }, deviceScaleFactor: 1 });
    await context.addInitScript((n) => localStorage.setItem('tandem:name', n), name);
    const page = await context.newPage();
    await page.goto(`${server.base}d/ata-planejamento`);
    await page.waitForFunction(() => document.body.dataset.connection === 'connected');
    return page;
  };
  const ana = await open('Ana');
  await ana.evaluate((text) => window.tandem.view.dispatch({ changes: { from: 0, insert: text } }), TEXT);
  await ana.waitForFunction(() => window.tandem.session.state.unsyncedEdits === 0);
  const bruno = await open('Bruno');
  await bruno.click('.cm-content');
  await bruno.evaluate(() => {
    const at = window.tandem.view.state.doc.toString().indexOf('tradução do editor');
    window.tandem.view.dispatch({ selection: { anchor: at, head: at + 'tradução'.length } });
  });
  await ana.waitForSelector('.cm-remote-label');
  await ana.click('button[title^="Mostrar o Markdown"]');
  await ana.waitForSelector('.preview h1');
  const out = join(here, '..', '..', 'src', 'site', 'resources', 'images', 'editor-pt-BR.png');
  await ana.screenshot({ path: out });
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
  await server.close();
}
