import { EditorView, Decoration, WidgetType } from '@codemirror/view';
import { StateField, StateEffect, RangeSetBuilder } from '@codemirror/state';
import { safeColor } from './dom.js';

/** Sets the users to draw: [{client, name, color, ranges}] with ranges in the editor's coordinates. */
export const setRemoteUsers = StateEffect.define();

class CursorWidget extends WidgetType {
  constructor(name, color) {
    super();
    this.name = name;
    this.color = color;
  }

  eq(other) {
    return other.name === this.name && other.color === this.color;
  }

  toDOM() {
    // The name goes in as text, the colour (checked by safeColor) through the CSSOM.
    const caret = document.createElement('span');
    caret.className = 'cm-remote-caret';
    caret.style.borderLeftColor = this.color;
    const label = document.createElement('span');
    label.className = 'cm-remote-label';
    label.style.backgroundColor = this.color;
    label.textContent = this.name;
    caret.append(label);
    return caret;
  }

  ignoreEvent() {
    return true;
  }
}

function decorations(users, length) {
  const pieces = [];
  for (const user of users) {
    if (!user.ranges) continue;
    const color = safeColor(user.color);
    for (const range of user.ranges) {
      const from = Math.min(range.anchor, range.head, length);
      const to = Math.min(Math.max(range.anchor, range.head), length);
      if (from < to) {
        pieces.push({ from, to, deco: Decoration.mark({
          class: 'cm-remote-selection',
          attributes: { style: `background-color: ${color}40` },
        }) });
      }
      const head = Math.min(range.head, length);
      pieces.push({ from: head, to: head, deco: Decoration.widget({
        widget: new CursorWidget(user.name, color), side: 1,
      }) });
    }
  }
  pieces.sort((a, b) => a.from - b.from || a.deco.startSide - b.deco.startSide);
  const builder = new RangeSetBuilder();
  for (const p of pieces) builder.add(p.from, p.to, p.deco);
  return builder.finish();
}

/** Other users' cursors (a caret with their name) and selections, in their colours. */
export const remoteCursors = StateField.define({
  create: () => Decoration.none,
  update(value, tr) {
    let next = value.map(tr.changes);
    for (const effect of tr.effects) {
      if (effect.is(setRemoteUsers)) next = decorations(effect.value, tr.state.doc.length);
    }
    return next;
  },
  provide: (field) => EditorView.decorations.from(field),
});
