import { claimOutbox } from '../collab/outbox.js';
import { sweepOutboxes } from '../collab/outbox-sweep.js';

// Which src (and outbox) this tab edits its document with. Where the browser has Web Locks, the
// tab holds the lock of its src for as long as the page lives: taking it with ifAvailable makes
// the claim atomic, so two tabs loading at the same moment cannot resume the same outbox.

const lockName = (doc, src) => `tandem:${doc}:${src}`;
const lockManager = () => (typeof navigator !== 'undefined' ? navigator.locks : undefined);

/** The names of the Web Locks live tabs hold now (none where the browser has no lock manager). */
async function heldLocks() {
  const held = new Set();
  try {
    const locks = lockManager();
    if (locks) for (const lock of (await locks.query()).held) held.add(lock.name);
  } catch (e) { /* no lock manager in this context: the heartbeat alone decides */ }
  return held;
}

/**
 * Tidies what tabs that are gone left in the outboxes of every document (outbox-sweep.js).
 * Resolves to the unacknowledged edits that wait for their document to be opened again.
 */
export async function sweepForThisTab(storage) {
  const held = await heldLocks();
  try {
    return sweepOutboxes({ storage, now: Date.now(), isHeld: (doc, src) => held.has(lockName(doc, src)) }).waiting;
  } catch (e) {
    return []; // storage denied: nothing to tidy
  }
}

/** Resolves to {src, record, outbox} as claimOutbox does, the src's lock held where possible. */
export async function claimForThisTab({ storage, tabStorage, doc, drawSrc }) {
  const locks = lockManager();
  const held = await heldLocks();
  for (;;) {
    const claim = claimOutbox({
      storage, tabStorage, doc, now: Date.now(), drawSrc, isHeld: (src) => held.has(lockName(doc, src)),
    });
    if (!locks || await take(locks, lockName(doc, claim.src))) return claim;
    held.add(lockName(doc, claim.src)); // another tab won it an instant ago: pick again
  }
}

function take(locks, name) {
  return new Promise((resolve) => {
    locks.request(name, { ifAvailable: true }, (lock) => {
      resolve(lock !== null);
      // Held until the page goes away.
      return lock ? new Promise(() => {}) : undefined;
    }).catch(() => resolve(true));
  });
}
