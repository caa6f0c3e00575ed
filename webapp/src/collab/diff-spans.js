import { TextOperation } from './text-operation.js';

// The spans of PROTOCOL.md's /diff ([{kind: 'keep'|'insert'|'delete', text, author}], in document
// order) and what the editor makes of them: the operation that restores the older text, a
// word-level form for display, and the decorations of the inline and side-by-side views.

/** The operation taking the text after back to the text before (keep → retain, insert → delete, delete → insert). */
export function revertOperation(spans) {
  const op = new TextOperation();
  for (const span of spans) {
    if (span.kind === 'keep') op.retain(span.text.length);
    else if (span.kind === 'insert') op.delete(span.text.length);
    else op.insert(span.text);
  }
  return op;
}

/** The text before (keep and delete spans) and after (keep and insert spans). */
export function textsOf(spans) {
  let before = '';
  let after = '';
  for (const span of spans) {
    if (span.kind !== 'insert') before += span.text;
    if (span.kind !== 'delete') after += span.text;
  }
  return { before, after };
}

const WORD = /[\p{L}\p{N}\p{M}_]/u;
const isWordChar = (ch) => ch !== undefined && WORD.test(ch);

/** The length of the run of word characters that ends `text` (whole code points). */
function trailingWord(text) {
  const chars = [...text];
  let n = 0;
  for (let i = chars.length - 1; i >= 0 && isWordChar(chars[i]); i--) n += chars[i].length;
  return n;
}

function leadingWord(text) {
  let n = 0;
  for (const ch of text) {
    if (!isWordChar(ch)) break;
    n += ch.length;
  }
  return n;
}

/**
 * The same change shown word by word: where a change begins or ends inside a word, the rest of
 * that word moves out of the neighbouring keep span into the change, as deleted and inserted
 * again, so that "cat" → "cart" reads as the word replaced rather than a letter slipped in.
 * Within a change, the deleted text comes before the inserted. The result rebuilds the same two
 * texts (textsOf) as the spans given.
 */
export function wordLevel(spans) {
  const out = [];
  let i = 0;
  while (i < spans.length) {
    if (spans[i].kind === 'keep') {
      out.push({ ...spans[i] });
      i++;
      continue;
    }
    const group = [];
    while (i < spans.length && spans[i].kind !== 'keep') group.push(spans[i++]);
    const deleted = group.filter((s) => s.kind === 'delete');
    const inserted = group.filter((s) => s.kind === 'insert');
    const { before, after } = textsOf(group);
    const first = group[0].author;
    const last = group[group.length - 1].author;

    const previous = out.length && out[out.length - 1].kind === 'keep' ? out[out.length - 1] : null;
    let prefix = '';
    if (previous && (isWordChar([...before][0]) || isWordChar([...after][0]))) {
      const n = trailingWord(previous.text);
      prefix = previous.text.slice(previous.text.length - n);
      previous.text = previous.text.slice(0, previous.text.length - n);
      if (!previous.text) out.pop();
    }
    const next = i < spans.length ? spans[i] : null;
    let suffix = '';
    if (next && (isWordChar([...before].at(-1)) || isWordChar([...after].at(-1)))) {
      const n = leadingWord(next.text);
      suffix = next.text.slice(0, n);
      spans = [...spans.slice(0, i), { ...next, text: next.text.slice(n) }, ...spans.slice(i + 1)];
      if (!spans[i].text) spans.splice(i, 1);
    }
    const pieces = [];
    if (prefix) pieces.push({ kind: 'delete', text: prefix, author: first });
    pieces.push(...deleted);
    if (suffix) pieces.push({ kind: 'delete', text: suffix, author: last });
    if (prefix) pieces.push({ kind: 'insert', text: prefix, author: first });
    pieces.push(...inserted);
    if (suffix) pieces.push({ kind: 'insert', text: suffix, author: last });
    for (const piece of pieces) {
      const tail = out[out.length - 1];
      if (tail && tail.kind === piece.kind && tail.author === piece.author) tail.text += piece.text;
      else out.push({ ...piece });
    }
  }
  return out;
}

/**
 * The inline view: every span's text in order (deleted text included, to be struck through),
 * with a mark per changed span: {text, marks: [{from, to, kind, author}]}.
 */
export function inlineView(spans) {
  let text = '';
  const marks = [];
  for (const span of spans) {
    if (span.kind !== 'keep') marks.push({ from: text.length, to: text.length + span.text.length, kind: span.kind, author: span.author });
    text += span.text;
  }
  return { text, marks };
}

/** The side-by-side view: the text before with its deletions marked, and after with its insertions. */
export function sideBySide(spans) {
  const side = (shown) => {
    let text = '';
    const marks = [];
    for (const span of spans) {
      if (span.kind !== 'keep' && span.kind !== shown) continue;
      if (span.kind === shown) marks.push({ from: text.length, to: text.length + span.text.length, kind: span.kind, author: span.author });
      text += span.text;
    }
    return { text, marks };
  };
  return { before: side('delete'), after: side('insert') };
}
