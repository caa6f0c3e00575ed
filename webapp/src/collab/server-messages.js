import { TextOperation } from './text-operation.js';
import { decodeFrame } from './frames.js';
import { DEFAULT_MAX_MESSAGE_BYTES, MIN_MAX_MESSAGE_BYTES } from './split.js';

// What a Session (session.js) does with each message from the server, PROTOCOL.md's order and
// error rules included: the welcome (a fresh text, or resuming at our revision), catching up,
// others' operations and our acks, presence, and rejections. These work on the Session's own
// fields (phase, mode, head, replica, presence) and call back into it to send, save and tell the
// editor; the Session keeps everything the editor calls.

const REJECTIONS = new Set(['invalid-op', 'forbidden', 'unknown-rev', 'not-in-order', 'too-large']);
/** Rejections that the same edit would meet again: it is given up at once, and shown to the user. */
const FINAL = new Set(['forbidden', 'too-large']);

/** A frame from the server: one message or an array of them, handled in order. */
export function receiveFrame(session, data) {
  let messages;
  try {
    messages = decodeFrame(data);
  } catch (e) {
    session.error(`unreadable frame from the server: ${e.message}`);
    return;
  }
  const connection = session.connection.socket;
  for (const message of messages) {
    // A message earlier in the batch may have closed this connection: the rest is stale.
    if (session.connection.socket !== connection) return;
    handle(session, message);
  }
}

function handle(session, m) {
  switch (m.type) {
    case 'welcome': return welcomed(session, m);
    case 'op': return remoteOperation(session, m);
    case 'ack': return acknowledged(session, m);
    case 'select': session.presence.select(m.client, m.rev, m.ranges); return session.emitPresence();
    case 'join': session.presence.join(m.user); return session.emitPresence();
    case 'leave': session.presence.leave(m.client); return session.emitPresence();
    case 'error': return serverError(session, m);
    case 'pong': return undefined;
    case 'thread': return session.listeners.onThread?.(m); // asked for in the hello (features)
    default: return undefined; // forward compatibility
  }
}

function welcomed(session, m) {
  session.client = m.client;
  session.mode = m.mode === 'view' ? 'view' : 'edit';
  session.head = m.head;
  // A version 1 server does not say: PROTOCOL.md's default holds.
  session.replica.setMaxMessageBytes(Number.isInteger(m.maxMessageBytes) && m.maxMessageBytes >= MIN_MAX_MESSAGE_BYTES
    ? m.maxMessageBytes : DEFAULT_MAX_MESSAGE_BYTES);
  session.connection.succeeded();
  session.presence.reset(m.users);
  if (typeof m.text === 'string') {
    startOver(session, m.rev, m.text);
  } else if (m.rev !== session.rev) {
    session.error(`welcome at revision ${m.rev}, we asked to resume at ${session.rev}`);
    session.resync(false);
    return;
  }
  session.phase = 'catching-up';
  session.emitStatus();
  caughtUpMaybe(session);
  session.emitPresence();
}

/**
 * A fresh text at `rev`: our unacknowledged edits are re-applied on it where they fit, or, after a
 * rejection they would meet again, given up: then the page is told, with the text they inserted.
 */
function startOver(session, rev, text) {
  const keepEdits = !session.dropLost && session.mode !== 'view';
  const why = session.dropLost || { code: 'forbidden', message: 'this connection may only view the document' };
  session.fresh = false;
  session.dropLost = null;
  session.presence.forgetHistory();
  const { forLocal, givenUp } = session.replica.startOver(rev, text, { keepEdits });
  session.changedLocal(forLocal);
  session.save();
  if (givenUp && !givenUp.isNoop()) session.lost(why, givenUp);
}

function caughtUpMaybe(session) {
  if (session.phase !== 'catching-up' || session.rev < session.head) return;
  session.phase = 'live';
  session.sendOutstanding();
  session.sendSelection();
  session.emitStatus();
}

function remoteOperation(session, m) {
  if (session.phase !== 'catching-up' && session.phase !== 'live') return;
  if (m.rev !== session.rev) {
    // Each revision comes once and in order; anything else means we lost track: resume.
    session.error(`operation for revision ${m.rev} while at ${session.rev}`);
    session.resume();
    return;
  }
  if (session.replica.isOutstanding(m.src, m.seq)) {
    // Our own operation, applied before we lost the connection: that is its ack.
    acknowledge(session);
  } else {
    const rev = session.rev;
    let op;
    let forLocal;
    try {
      op = TextOperation.fromJSON(m.op);
      forLocal = session.replica.applyServer(op); // changes nothing when the lengths do not fit
    } catch (e) {
      session.error(`unusable operation for revision ${m.rev}: ${e.message}`);
      session.resync(false);
      return;
    }
    session.presence.advance(rev, op);
    session.changedLocal(forLocal);
  }
  caughtUpMaybe(session);
  session.emitPresence();
}

function acknowledged(session, m) {
  const outstanding = session.state.outstanding;
  if (!outstanding || m.seq !== outstanding.seq) return; // a repeated ack of a resent operation
  if (m.rev !== session.rev) {
    session.error(`ack at revision ${m.rev} while at ${session.rev}`);
    session.resume();
    return;
  }
  acknowledge(session);
  session.emitPresence();
}

function acknowledge(session) {
  const rev = session.rev;
  session.presence.advance(rev, session.replica.acknowledge());
  session.save();
  if (session.phase === 'live') {
    session.sendOutstanding();
    session.sendSelection();
  }
  session.emitStatus();
}

function serverError(session, m) {
  const outstanding = session.state.outstanding;
  if (REJECTIONS.has(m.code) && outstanding && m.seq === outstanding.seq) {
    // Nothing was applied; our text holds an edit the server will never have.
    session.error(`the server refused our edit (${m.code}: ${m.message || ''})`, { kind: 'refused', code: m.code });
    if (m.code === 'forbidden') session.mode = 'view';
    // Re-applied once on the fresh text; refused again, it is given up (it would loop) and shown.
    const giveUp = FINAL.has(m.code) || outstanding.reapplied;
    session.resync(giveUp ? { code: m.code, message: m.message || '' } : null);
  } else if (m.code === 'unknown-rev') {
    // The server does not know the revision we resumed from (a restored or reset server).
    session.resync(false);
  } else {
    session.error(`server error ${m.code}: ${m.message || ''}`, { kind: 'server', code: m.code });
  }
}
