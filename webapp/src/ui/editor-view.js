import { EditorView, basicSetup } from 'codemirror';
import { EditorState, Compartment } from '@codemirror/state';
import { markdown } from '@codemirror/lang-markdown';
import { remoteCursors } from './remote-cursors.js';

const readOnly = new Compartment();

/** Extensions both the live editor and the history viewer use. */
function common() {
  return [
    basicSetup,
    markdown(),
    EditorView.lineWrapping,
    // Only "\n" separates lines, so a "\r" stays a unit of its own and lengths match the server's.
    EditorState.lineSeparator.of('\n'),
  ];
}

/** The live editor: read-only until the text is known, or on a view-only link. */
export function createEditor({ parent, doc, extensions, editable }) {
  return new EditorView({
    parent,
    state: EditorState.create({
      doc,
      extensions: [common(), remoteCursors, readOnly.of(EditorState.readOnly.of(!editable)), extensions],
    }),
  });
}

export function setEditable(view, editable) {
  if (view.state.readOnly === !editable) return;
  view.dispatch({ effects: readOnly.reconfigure(EditorState.readOnly.of(!editable)) });
}

/** A read-only view for the history slider. */
export function createViewer({ parent }) {
  return new EditorView({
    parent,
    state: EditorState.create({ extensions: [common(), EditorState.readOnly.of(true), EditorView.editable.of(false)] }),
  });
}

export function replaceText(view, text) {
  view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
}
