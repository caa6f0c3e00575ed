import { transformRanges, clampRanges, readRanges } from './ranges.js';

const HISTORY_LIMIT = 500;

/**
 * The other users of a document and their selections. PROTOCOL.md gives ranges at a revision; a
 * receiver shows them once it has reached that revision, moved through the operations received
 * after it and through its own unacknowledged and buffered operations (done in `visible`).
 */
export class Presence {
  constructor() {
    /** client id → {client, name, color, rev, ranges} with ranges at revision rev. */
    this.users = new Map();
    /** Recent operations as {rev, op}, op applying to revision rev, to bring older ranges forward. */
    this.history = [];
  }

  /** The users of a welcome, replacing whoever we knew. */
  reset(users) {
    this.users.clear();
    for (const user of Array.isArray(users) ? users : []) this.join(user);
  }

  join(user) {
    if (!user || typeof user.client !== 'string') return;
    this.users.set(user.client, {
      client: user.client,
      name: typeof user.name === 'string' && user.name ? user.name.slice(0, 64) : user.client,
      color: typeof user.color === 'string' ? user.color : '#888888',
      rev: Number.isInteger(user.rev) ? user.rev : null,
      ranges: readRanges(user.ranges),
    });
  }

  leave(client) {
    this.users.delete(client);
  }

  select(client, rev, ranges) {
    const user = this.users.get(client);
    if (!user) return;
    user.rev = Number.isInteger(rev) ? rev : null;
    user.ranges = readRanges(ranges);
  }

  /** The operation of revision `rev` (taking the text from rev to rev + 1) has been received. */
  advance(rev, op) {
    this.history.push({ rev, op });
    if (this.history.length > HISTORY_LIMIT) this.history.shift();
    for (const user of this.users.values()) {
      if (user.rev === rev) {
        user.ranges = transformRanges(user.ranges, op);
        user.rev = rev + 1;
      }
    }
  }

  /** Forget the history (after a resync the revisions may be another document's). */
  forgetHistory() {
    this.history = [];
  }

  /**
   * Every user, with `ranges` in local-text coordinates or null while not showable (their
   * revision is still ahead of ours, or older than the history we kept).
   * @param {number} rev our revision
   * @param {object} state our synchronisation state (states.js)
   * @param {number} length the local text's length
   */
  visible(rev, state, length) {
    const result = [];
    for (const user of this.users.values()) {
      this.bringForward(user, rev);
      const ranges = user.rev === rev
        ? clampRanges(state.transformRanges(user.ranges), length)
        : null;
      result.push({ client: user.client, name: user.name, color: user.color, ranges });
    }
    return result;
  }

  bringForward(user, rev) {
    if (user.rev === null || user.rev >= rev) return;
    const start = this.history.findIndex((h) => h.rev === user.rev);
    if (start < 0) return;
    for (let i = start; i < this.history.length && user.rev < rev; i++) {
      if (this.history[i].rev !== user.rev) return;
      user.ranges = transformRanges(user.ranges, this.history[i].op);
      user.rev++;
    }
  }
}
