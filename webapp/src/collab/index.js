// The protocol client, separate from the UI: see session.js for the entry point.
export { TextOperation, checkOperation } from './text-operation.js';
export { Session, drawSrc } from './session.js';
export { Outbox, claimOutbox, HEARTBEAT_MS } from './outbox.js';
export { operationFromChanges, changesFromOperation } from './changes.js';
export { diff } from './diff.js';
