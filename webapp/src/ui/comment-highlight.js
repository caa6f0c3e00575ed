import { EditorView, Decoration } from '@codemirror/view';
import { StateField, StateEffect } from '@codemirror/state';

/** Sets the anchored threads to highlight: [{id, from, to, resolved}] in editor coordinates. */
export const setCommentAnchors = StateEffect.define();
/** Marks one thread as the selected one (or null). */
export const selectThread = StateEffect.define();

// Marks are not inclusive at either end, so they move by the same rule as the server's anchors
// (ot/Anchor.java): text typed strictly inside grows a highlight, text typed at its ends does not,
// and a highlight whose text is all deleted disappears (the thread is then detached).
function marks(anchors, selected, length) {
  return Decoration.set(anchors
    .filter((a) => !a.detached && a.from < a.to && a.to <= length)
    .map((a) => Decoration.mark({
      class: `cm-comment${a.resolved ? ' cm-comment-resolved' : ''}${a.id === selected ? ' cm-comment-selected' : ''}`,
      attributes: { 'data-thread': a.id },
      inclusiveStart: false,
      inclusiveEnd: false,
    }).range(a.from, a.to)), true);
}

/** The highlights, mapped through every change, local or remote. */
export const commentHighlights = StateField.define({
  create: () => ({ anchors: [], selected: null, decorations: Decoration.none }),
  update(value, tr) {
    let { anchors, selected } = value;
    let decorations = value.decorations.map(tr.changes);
    let reset = false;
    for (const effect of tr.effects) {
      if (effect.is(setCommentAnchors)) {
        anchors = effect.value;
        reset = true;
      } else if (effect.is(selectThread)) {
        selected = effect.value;
        reset = true;
      }
    }
    if (reset) {
      // keep the mapped positions of threads already shown; take new ones as given
      if (!tr.effects.some((e) => e.is(setCommentAnchors))) anchors = currentAnchors(decorations, anchors);
      decorations = marks(anchors, selected, tr.state.doc.length);
    }
    return { anchors, selected, decorations };
  },
  provide: (field) => EditorView.decorations.from(field, (value) => value.decorations),
});

function currentAnchors(decorations, anchors) {
  const byId = new Map(anchors.map((a) => [a.id, a]));
  const out = [];
  decorations.between(0, 1e12, (from, to, deco) => {
    const a = byId.get(deco.spec.attributes['data-thread']);
    if (a) out.push({ ...a, from, to });
  });
  return out;
}

/** Where each highlighted thread is now: id → {from, to} (threads whose text is gone are absent). */
export function highlightedRanges(state) {
  const ranges = new Map();
  state.field(commentHighlights).decorations.between(0, state.doc.length, (from, to, deco) => {
    ranges.set(deco.spec.attributes['data-thread'], { from, to });
  });
  return ranges;
}
