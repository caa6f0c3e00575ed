// Selection ranges as PROTOCOL.md's presence messages carry them: {anchor, head} in UTF-16 units.

/** The range after `op`; both ends move as ot.js moves them (TextOperation.transformPosition). */
export function transformRange(range, op) {
  const anchor = op.transformPosition(range.anchor);
  const head = range.anchor === range.head ? anchor : op.transformPosition(range.head);
  return { anchor, head };
}

export function transformRanges(ranges, op) {
  return op ? ranges.map((r) => transformRange(r, op)) : ranges;
}

/** Ranges with both ends clamped to [0, length], as the server clamps them. */
export function clampRanges(ranges, length) {
  const clamp = (n) => Math.max(0, Math.min(n, length));
  return ranges.map((r) => ({ anchor: clamp(r.anchor), head: clamp(r.head) }));
}

/** Ranges from the wire, keeping only well-formed ones. */
export function readRanges(value) {
  if (!Array.isArray(value)) return [];
  return value.filter((r) => r && Number.isInteger(r.anchor) && Number.isInteger(r.head))
    .map((r) => ({ anchor: r.anchor, head: r.head }));
}

export function sameRanges(a, b) {
  return !!a && !!b && a.length === b.length
    && a.every((r, i) => r.anchor === b[i].anchor && r.head === b[i].head);
}
