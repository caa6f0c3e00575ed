import { test } from 'node:test';
import assert from 'node:assert/strict';
import { myDocuments, rememberDocument, forgetDocument, MAX_REMEMBERED } from '../src/ui/my-documents.js';
import { titleOf } from '../src/ui/title.js';
import { FakeStorage } from './support/fake-storage.js';

const memoryStorage = () => new FakeStorage();

test('the list holds what this browser remembered, newest first, each document once', () => {
  const storage = memoryStorage();
  rememberDocument(storage, 'a', 'First', 1);
  rememberDocument(storage, 'b', 'Second', 2);
  rememberDocument(storage, 'a', 'First, renamed', 3);
  assert.deepEqual(myDocuments(storage), [
    { id: 'a', title: 'First, renamed', seen: 3 },
    { id: 'b', title: 'Second', seen: 2 },
  ]);
});

test('forget takes one document off the list', () => {
  const storage = memoryStorage();
  rememberDocument(storage, 'a', 'A', 1);
  rememberDocument(storage, 'b', 'B', 2);
  forgetDocument(storage, 'b');
  assert.deepEqual(myDocuments(storage).map((d) => d.id), ['a']);
});

test('a damaged or foreign value reads as an empty list, and the list is bounded', () => {
  const storage = memoryStorage();
  storage.setItem('tandem:documents', '{not json');
  assert.deepEqual(myDocuments(storage), []);
  storage.setItem('tandem:documents', JSON.stringify([{ id: 'x' }, null, { id: 'y', title: 'Y', seen: 1 }]));
  assert.deepEqual(myDocuments(storage), [{ id: 'y', title: 'Y', seen: 1 }]);
  for (let i = 0; i < MAX_REMEMBERED + 5; i++) rememberDocument(storage, `d${i}`, 'T', i + 10);
  assert.equal(myDocuments(storage).length, MAX_REMEMBERED);
  assert.equal(myDocuments(storage)[0].id, `d${MAX_REMEMBERED + 4}`);
});

test('a title is the first heading, else the first line that is not blank, cut to 80, else the id', () => {
  assert.equal(titleOf('x', 'some intro\n\n## Plans for May ##\n# Later'), 'Plans for May');
  assert.equal(titleOf('x', '\n  \n  Shopping list  \r\nmilk'), 'Shopping list');
  assert.equal(titleOf('x', '#hashtag is no heading'), '#hashtag is no heading');
  assert.equal(titleOf('notes', ''), 'notes');
  assert.equal(titleOf('notes', '#  \n \t\n'), 'notes');
  assert.equal(titleOf('x', 'a'.repeat(100)), 'a'.repeat(80));
  assert.equal(titleOf('x', `# ${'😀'.repeat(100)}`), '😀'.repeat(80));
});
