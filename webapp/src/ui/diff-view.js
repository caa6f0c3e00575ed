import { EditorView, Decoration } from '@codemirror/view';
import { StateField, StateEffect } from '@codemirror/state';
import { createViewer, replaceText } from './editor-view.js';
import { authorClass } from './authorship-view.js';
import { t } from './i18n.js';

/** Sets the marks of a diff view: [{from, to, kind: 'insert'|'delete', author}]. */
const setDiffMarks = StateEffect.define();

const diffMarks = StateField.define({
  create: () => Decoration.none,
  update(value, tr) {
    let next = value.map(tr.changes);
    for (const effect of tr.effects) {
      if (!effect.is(setDiffMarks)) continue;
      next = Decoration.set(effect.value.filter((m) => m.from < m.to).map((m) => {
        const author = m.author || t('history.someone');
        const who = t(m.kind === 'insert' ? 'diff.insertedBy' : 'diff.deletedBy', { author });
        return Decoration.mark({
          class: `cm-diff-${m.kind} ${authorClass(author)}`,
          attributes: { title: who, 'data-author': author },
        }).range(m.from, m.to);
      }), true);
    }
    return next;
  },
  provide: (field) => EditorView.decorations.from(field),
});

/** A read-only viewer that shows a text with insertions and deletions coloured by author. */
export function createDiffViewer(parent) {
  const view = createViewer({ parent });
  view.dispatch({ effects: StateEffect.appendConfig.of(diffMarks) });
  return {
    view,
    /** Shows {text, marks} (diff-spans.js inlineView or one side of sideBySide). */
    show({ text, marks }) {
      replaceText(view, text);
      view.dispatch({ effects: setDiffMarks.of(marks) });
    },
  };
}
