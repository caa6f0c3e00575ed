import { EditorView, basicSetup } from 'codemirror';
import { EditorState, Compartment } from '@codemirror/state';
import { markdown } from '@codemirror/lang-markdown';
import { remoteCursors } from './remote-cursors.js';
import { t } from './i18n.js';

const readOnly = new Compartment();
const language = new Compartment();

/**
 * Above this many units the Markdown highlighting is switched off, as large-file editors do: the
 * Markdown parser re-reads a whole paragraph on each keystroke in it, and a pasted log is one
 * paragraph of megabytes (measured: 0.5-2 s per keystroke in a 10 MB log, under load).
 */
export const HIGHLIGHT_MAX_UNITS = 1000000;

const languageFor = (length) => (length > HIGHLIGHT_MAX_UNITS ? [] : markdown());

/** Switches the highlighting when a transaction takes the text across HIGHLIGHT_MAX_UNITS. */
const highlightBySize = EditorState.transactionExtender.of((tr) => {
  if (!tr.docChanged) return null;
  const was = tr.startState.doc.length > HIGHLIGHT_MAX_UNITS;
  const is = tr.newDoc.length > HIGHLIGHT_MAX_UNITS;
  return was === is ? null : { effects: language.reconfigure(languageFor(tr.newDoc.length)) };
});

/**
 * The nonce that the page's Content-Security-Policy allows styles with (EditorPageServlet): the
 * <style> element CodeMirror writes its themes into needs it, as the policy has no 'unsafe-inline'.
 * (The style attributes it sets go through element.style, which the policy does not restrict.)
 */
function styleNonce() {
  const meta = document.querySelector('meta[name="tandem-style-nonce"]');
  return meta ? meta.content : '';
}

/** CodeMirror's own words (search panel, folding, go to line) and our keys for them. */
const PHRASES = {
  Find: 'codemirror.find',
  Replace: 'codemirror.replace',
  next: 'codemirror.next',
  previous: 'codemirror.previous',
  all: 'codemirror.all',
  'match case': 'codemirror.matchCase',
  regexp: 'codemirror.regexp',
  'by word': 'codemirror.byWord',
  replace: 'codemirror.replaceOne',
  'replace all': 'codemirror.replaceAll',
  close: 'codemirror.close',
  'current match': 'codemirror.currentMatch',
  'on line': 'codemirror.onLine',
  'replaced $ matches': 'codemirror.replacedMatches',
  'replaced match on line $': 'codemirror.replacedMatchOnLine',
  'Go to line': 'codemirror.goToLine',
  go: 'codemirror.go',
  'Fold line': 'codemirror.foldLine',
  'Unfold line': 'codemirror.unfoldLine',
  'Folded lines': 'codemirror.foldedLines',
  'Unfolded lines': 'codemirror.unfoldedLines',
  'folded code': 'codemirror.foldedCode',
  unfold: 'codemirror.unfold',
  to: 'codemirror.to',
  'Selection deleted': 'codemirror.selectionDeleted',
  'Control character': 'codemirror.controlCharacter',
  Completions: 'codemirror.completions',
};

/** Extensions both the live editor and the history viewer use. */
function common(length = 0) {
  return [
    EditorView.cspNonce.of(styleNonce()),
    EditorState.phrases.of(Object.fromEntries(Object.entries(PHRASES).map(([phrase, key]) => [phrase, t(key)]))),
    basicSetup,
    language.of(languageFor(length)),
    highlightBySize,
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
      extensions: [common(doc.length), remoteCursors, readOnly.of(EditorState.readOnly.of(!editable)), extensions],
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
