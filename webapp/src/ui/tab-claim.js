import { claimOutbox } from '../collab/outbox.js';

// Which src (and outbox) this tab edits its document with. Where the browser has Web Locks, the
// tab holds the lock of its src for as long as the page lives: taking it with ifAvailable makes
// the claim atomic, so two tabs loading at the same moment cannot resume the same outbox.

const lockName = (doc, src) => `tandem:${doc}:${src}`;

/** Resolves to {src, record, outbox} as claimOutbox does, the src's lock held where possible. */
export async function claimForThisTab({ storage, tabStorage, doc, drawSrc }) {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  const held = new Set();
  if (locks) {
    try {
      for (const lock of (await locks.query()).held) held.add(lock.name);
    } catch (e) { /* no lock manager in this context: the heartbeat alone decides */ }
  }
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
