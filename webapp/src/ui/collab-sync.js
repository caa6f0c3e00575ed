import { EditorView } from '@codemirror/view';
import { Transaction } from '@codemirror/state';
import { operationFromChanges, changesFromOperation } from '../collab/changes.js';

/**
 * Feeds every local transaction's changes to the session, synchronously, so that the session's text
 * always equals the editor's; remote changes (marked Transaction.remote) are not fed back.
 * Also reports the selection, which the session sends when nothing is unacknowledged.
 */
export function collabSync(session) {
  return EditorView.updateListener.of((update) => {
    for (const tr of update.transactions) {
      if (tr.docChanged && !tr.annotation(Transaction.remote)) {
        session.applyLocal(operationFromChanges(tr.changes));
      }
    }
    if (update.selectionSet || update.docChanged) {
      session.setSelection(update.state.selection.ranges.map((r) => ({ anchor: r.anchor, head: r.head })));
    }
  });
}

/**
 * Applies an operation from the session to the editor: marked remote, and kept out of the undo
 * history, so that undo only ever undoes the user's own edits (CodeMirror maps them through ours).
 */
export function applyRemote(view, op) {
  view.dispatch({
    changes: changesFromOperation(op),
    annotations: [Transaction.remote.of(true), Transaction.addToHistory.of(false)],
  });
}
