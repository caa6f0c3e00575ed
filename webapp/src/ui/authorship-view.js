import { EditorView, Decoration } from '@codemirror/view';
import { StateField, StateEffect } from '@codemirror/state';

/** Sets the spans to colour: [{from, to, author}] in editor coordinates, or null to clear. */
export const setAuthorship = StateEffect.define();

const PALETTE_SIZE = 8;

/** A stable colour class per author name (cm-author-0 … 7 in editor.css). */
export function authorClass(author) {
  let h = 0;
  for (let i = 0; i < author.length; i++) h = (h * 31 + author.charCodeAt(i)) | 0;
  return `cm-author cm-author-${Math.abs(h) % PALETTE_SIZE}`;
}

/** Background colours by author, kept in place through later edits by mapping. */
export const authorship = StateField.define({
  create: () => Decoration.none,
  update(value, tr) {
    let next = value.map(tr.changes);
    for (const effect of tr.effects) {
      if (!effect.is(setAuthorship)) continue;
      const length = tr.state.doc.length;
      next = effect.value
        ? Decoration.set(effect.value
          .filter((s) => s.from < s.to && s.to <= length)
          .map((s) => Decoration.mark({ class: authorClass(s.author), attributes: { title: s.author } }).range(s.from, s.to)), true)
        : Decoration.none;
    }
    return next;
  },
  provide: (field) => EditorView.decorations.from(field),
});
