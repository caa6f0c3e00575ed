import { TextOperation, splitsSurrogatePair } from './text-operation.js';

/**
 * An operation turning `before` into `after`: the common prefix and suffix are kept and the middle
 * replaced. Used only where no operation log is available (re-applying lost edits after a resync,
 * moving the editor to a historic text), so a coarse but always-valid diff is enough.
 * apply(before, diff(before, after)) == after; it never splits a surrogate pair.
 */
export function diff(before, after) {
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  while (start > 0 && (splitsSurrogatePair(before, start) || splitsSurrogatePair(after, start))) start--;
  let end = 0;
  const maxEnd = max - start;
  while (end < maxEnd
    && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)) end++;
  while (end > 0 && (splitsSurrogatePair(before, before.length - end)
    || splitsSurrogatePair(after, after.length - end))) end--;
  return new TextOperation()
    .retain(start)
    .delete(before.length - start - end)
    .insert(after.slice(start, after.length - end))
    .retain(end);
}
