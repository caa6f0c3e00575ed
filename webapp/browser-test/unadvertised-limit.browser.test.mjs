// A server whose limit is lower than a client assumes and that does not say so in its welcome (a
// version 1 server with TANDEM_MAX_MESSAGE_BYTES lowered, or a proxy in between): the first piece
// of a paste is closed with 1009, and the page sends it again in smaller pieces, losing nothing.
// Only against the dummy server, whose limit this file sets.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, skip, docId, connected, editorText, onRealServer } from './browser.mjs';

const tandem = useBrowser({ maxMessageBytes: 256 * 1024, advertiseLimit: false });
const dummyOnly = skip || (onRealServer && 'sets the dummy server\'s message limit');

test('a paste over a limit the server did not tell arrives whole after a 1009', { skip: dummyOnly, timeout: 120000 }, async () => {
  const id = docId('unadvertised');
  const page = await tandem.open(`d/${id}`, 'Ana');
  const closes = [];
  await page.exposeFunction('socketClosed', (code) => closes.push(code));
  await connected(page);
  await page.evaluate(() => {
    const { connection } = window.tandem.session;
    connection.socket.addEventListener('close', (e) => window.socketClosed(e.code));
    const open = connection.open.bind(connection);
    connection.open = () => {
      open();
      const socket = connection.socket;
      socket.addEventListener('close', (e) => window.socketClosed(e.code));
    };
  });
  const pasted = 'a line of a log that is pasted whole, é 😀\n'.repeat(20000); // ~900 KB
  await page.evaluate((t) => {
    const data = new DataTransfer();
    data.setData('text/plain', t);
    window.tandem.view.contentDOM.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, pasted);
  await page.waitForFunction(() => window.tandem.session.state.unsyncedEdits === 0, null, { polling: 100, timeout: 100000 });
  assert.equal((await tandem.serverDoc(id)).text, pasted);
  assert.equal(await editorText(page), pasted);
  assert.ok(closes.includes(1009), `the server refused the first, larger piece (closes: ${closes})`);
  assert.ok(await page.evaluate(() => window.tandem.session.replica.budgetCeiling) < 256 * 1024, 'sends smaller pieces since');
  assert.equal(await page.isVisible('.refused-edits'), false, 'nothing refused for good');
  await page.context().close();
});
