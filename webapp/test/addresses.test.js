import { test } from 'node:test';
import assert from 'node:assert/strict';
import { contextBase, documentIdFromPath, socketUrl, editorUrl } from '../src/ui/api.js';

const at = (href) => new URL(href);

test('the context path is found from the page, whatever it is', () => {
  assert.equal(contextBase(at('https://h/tandem/d/notes')).href, 'https://h/tandem/');
  assert.equal(contextBase(at('https://h/d/notes?x=1#y')).href, 'https://h/');
  assert.equal(contextBase(at('http://h:8080/a/b/')).href, 'http://h:8080/a/b/');
  assert.equal(contextBase(at('http://h:8080/a/b/index.html')).href, 'http://h:8080/a/b/');
});

test('the socket follows the page: ws for http, wss for https, under the same context', () => {
  assert.equal(socketUrl('notes', contextBase(at('https://h/tandem/d/notes'))), 'wss://h/tandem/ws/docs/notes');
  assert.equal(socketUrl('a.b-c_d', contextBase(at('http://h:8080/d/a.b-c_d'))), 'ws://h:8080/ws/docs/a.b-c_d');
  assert.equal(editorUrl('x', contextBase(at('http://h/ctx/'))), 'http://h/ctx/d/x');
});

test('only ids of PROTOCOL.md\'s pattern are taken from the address', () => {
  assert.equal(documentIdFromPath(at('http://h/ctx/d/notes')), 'notes');
  assert.equal(documentIdFromPath(at('http://h/ctx/d/-x')), null);
  assert.equal(documentIdFromPath(at('http://h/ctx/d/a%20b')), null);
  assert.equal(documentIdFromPath(at('http://h/ctx/d/')), null);
  assert.equal(documentIdFromPath(at('http://h/ctx/')), null);
});

test('a read-only page is addressed by its token alone, never by an id', async () => {
  const { viewTokenFromPath, useViewLink } = await import('../src/ui/api.js');
  const token = 'AbCdEfGhIjKlMnOpQrSt_-';
  assert.equal(viewTokenFromPath(at(`https://h/tandem/v/${token}`)), token);
  assert.equal(viewTokenFromPath(at('https://h/tandem/v/short')), null);
  assert.equal(viewTokenFromPath(at('https://h/tandem/d/notes')), null);
  assert.equal(contextBase(at(`https://h/tandem/v/${token}`)).href, 'https://h/tandem/');
  useViewLink(token);
  try {
    assert.equal(socketUrl('ignored', contextBase(at(`https://h/tandem/v/${token}`))), `wss://h/tandem/ws/view/${token}`);
  } finally {
    useViewLink(null);
  }
});
