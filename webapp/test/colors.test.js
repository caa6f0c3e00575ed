import { test } from 'node:test';
import assert from 'node:assert/strict';
import { safeColor } from '../src/ui/dom.js';

test('server colours reach the page only as #rrggbb', () => {
  assert.equal(safeColor('#2a9d8f'), '#2a9d8f');
  assert.equal(safeColor('#abc'), '#aabbcc');
  assert.equal(safeColor('#abcd'), '#aabbcc');
  assert.equal(safeColor('#2a9d8f80'), '#2a9d8f');
  for (const hostile of ['red; background: url(x)', '#12345', 'expression(1)', null, 42, '#ggg']) {
    assert.equal(safeColor(hostile), '#888888');
  }
});
