// A benchmark, not a test: the editor in Chromium on a document of 10 MB (by default; the first
// argument says how many MB). Against TANDEM_URL (a running Tandem, e.g. the README's cargo:run) or
// else the dummy server (dummy-tandem.mjs, after `npm run build`). It fills a fresh document over a
// WebSocket of its own in 512 KB operations, then measures in the page: opening it (navigation to
// "Connected": the welcome, its JSON and CodeMirror), 40 keystrokes typed 300 ms apart (the
// editor's own handling, and the keystroke to its ack), the history slider's first revision shown,
// and an export to a file.
//   node browser-test/large-document-bench.mjs [MB]
import { chromium } from 'playwright-core';
import WebSocket from 'ws';
import { fileURLToPath } from 'node:url';
import { join, dirname } from 'node:path';
import { startDummyTandem } from './dummy-tandem.mjs';

const megabytes = Number(process.argv[2] || 10);
const here = dirname(fileURLToPath(import.meta.url));
const server = process.env.TANDEM_URL ? { base: process.env.TANDEM_URL, close: async () => {} }
  : await startDummyTandem({ dist: join(here, '..', '..', 'target', 'webapp-dist') });
const id = `bench-${megabytes}mb-${Date.now().toString(36)}`;

await fill(id, megabytes * 1000 * 1000);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await (await browser.newContext({ acceptDownloads: true })).newPage();
let start = Date.now();
await page.goto(`${server.base}d/${id}`);
await page.waitForFunction(() => document.body.dataset.connection === 'connected', null, { timeout: 300000, polling: 50 });
const open = Date.now() - start;
await page.click('.cm-content');
const keys = await page.evaluate(async () => {
  const { session, view } = window.tandem;
  const times = [];
  for (let i = 0; i < 40; i++) {
    const t0 = performance.now();
    view.dispatch({ changes: { from: view.state.selection.main.head, insert: 'k' }, selection: { anchor: view.state.selection.main.head + 1 } });
    const handled = performance.now() - t0;
    await new Promise((resolve) => { const check = () => (session.state.outstanding ? setTimeout(check, 1) : resolve()); check(); });
    times.push([handled, performance.now() - t0]);
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  return times;
});
start = Date.now();
await page.click('button.toggle[title="Browse earlier revisions"]');
await page.waitForFunction(() => /^Revision/.test(document.querySelector('.history-label').textContent), null, { timeout: 300000, polling: 50 });
const history = Date.now() - start;
await page.click('button.toggle[title="Browse earlier revisions"]');
start = Date.now();
const [download] = await Promise.all([page.waitForEvent('download'), page.selectOption('select.export', 'txt')]);
await download.path();
const exported = Date.now() - start;
await browser.close();
await server.close();

const percentile = (values, p) => values.slice().sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(p * values.length))];
const ms = (values) => `p50 ${percentile(values, 0.5).toFixed(1)} / p95 ${percentile(values, 0.95).toFixed(1)} ms`;
console.log(`${megabytes} MB document in Chromium against ${process.env.TANDEM_URL || 'the dummy server'}:`);
console.log(`  open to "Connected"       ${open} ms`);
console.log(`  keystroke handled         ${ms(keys.map((k) => k[0]))}`);
console.log(`  keystroke to ack          ${ms(keys.map((k) => k[1]))}`);
console.log(`  history, first revision   ${history} ms`);
console.log(`  export to .txt            ${exported} ms`);

/** Fills document `id` to `units` (ASCII lines) over a WebSocket of its own, in 512 KB operations. */
async function fill(doc, units) {
  const url = new URL(`ws/docs/${doc}`, server.base);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  const ws = new WebSocket(url);
  const inbox = [];
  let wake = () => {};
  ws.on('message', (data) => { inbox.push(...[].concat(JSON.parse(String(data)))); wake(); });
  const next = async (type) => {
    for (;;) {
      const i = inbox.findIndex((m) => m.type === type || m.type === 'error');
      if (i >= 0) {
        const [m] = inbox.splice(i, 1);
        if (m.type === 'error') throw new Error(`${m.code}: ${m.message}`);
        return m;
      }
      await new Promise((resolve) => { wake = resolve; });
    }
  };
  await new Promise((resolve, reject) => { ws.on('open', resolve); ws.on('error', reject); });
  ws.send(JSON.stringify({ type: 'hello', src: `bench-${Date.now()}`, name: 'bench', rev: null }));
  let { rev } = await next('welcome');
  const line = '0123456789 the quick brown fox jumps over the lazy dog, a line of a large log file\n';
  const chunk = line.repeat(Math.ceil(512 * 1024 / line.length)).slice(0, 512 * 1024);
  let seq = 0;
  for (let length = 0; length < units; length += chunk.length) {
    ws.send(JSON.stringify({ type: 'op', rev, seq: ++seq, op: length ? [length, chunk] : [chunk] }));
    rev = (await next('ack')).rev + 1;
  }
  ws.close();
}
