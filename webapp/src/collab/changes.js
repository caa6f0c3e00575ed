import { ChangeSet } from '@codemirror/state';
import { TextOperation } from './text-operation.js';

// CodeMirror ChangeSets and TextOperations both count UTF-16 units, so the mapping is exact as
// long as the editor keeps "\n" as its only line separator (EditorState.lineSeparator.of('\n'):
// otherwise CodeMirror would count "\r\n" as one unit and lengths would disagree with the server).

/** The TextOperation doing what `changes` does. */
export function operationFromChanges(changes) {
  const op = new TextOperation();
  let position = 0;
  changes.iterChanges((fromA, toA, fromB, toB, inserted) => {
    op.retain(fromA - position);
    op.insert(inserted.toString());
    op.delete(toA - fromA);
    position = toA;
  });
  op.retain(changes.length - position);
  return op;
}

/** The ChangeSet doing what `op` does, for a document of op.baseLength units. */
export function changesFromOperation(op) {
  const specs = [];
  let position = 0;
  for (const c of op.ops) {
    if (typeof c === 'string') {
      specs.push({ from: position, insert: c });
    } else if (c > 0) {
      position += c;
    } else {
      specs.push({ from: position, to: position - c });
      position -= c;
    }
  }
  return ChangeSet.of(specs, op.baseLength, '\n');
}
