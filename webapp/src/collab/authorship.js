import { TextOperation } from './text-operation.js';

/**
 * Who wrote each part of a document, from its operation log (GET /api/docs/{id}/ops from 0):
 * runs [{length, author}] covering the text after the last entry, in order. An insert is
 * attributed to the entry's `name` (or `client`); retained text keeps its author.
 */
export function attribute(entries) {
  let runs = [];
  for (const entry of entries) {
    const op = TextOperation.fromJSON(entry.op);
    const author = entry.name || entry.client || 'unknown';
    const next = [];
    let index = 0;
    let offset = 0;
    const take = (n, keep) => {
      while (n > 0) {
        const run = runs[index];
        if (!run) throw new RangeError('the operation log does not start at revision 0');
        const k = Math.min(run.length - offset, n);
        if (keep) push(next, k, run.author);
        n -= k;
        offset += k;
        if (offset === run.length) { index++; offset = 0; }
      }
    };
    for (const c of op.ops) {
      if (typeof c === 'string') push(next, c.length, author);
      else if (c > 0) take(c, true);
      else take(-c, false);
    }
    runs = next;
  }
  return runs;
}

function push(runs, length, author) {
  const last = runs[runs.length - 1];
  if (last && last.author === author) last.length += length;
  else runs.push({ length, author });
}

/** Runs as [{from, to, author}] positions. */
export function spans(runs) {
  let at = 0;
  return runs.map((r) => {
    const span = { from: at, to: at + r.length, author: r.author };
    at += r.length;
    return span;
  });
}
