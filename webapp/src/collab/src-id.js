const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';

/**
 * A fresh `src` for an editor: 22 characters of [A-Za-z0-9_-] (PROTOCOL.md asks for 8 to 64), 132
 * random bits from the platform's CSPRNG. Two editors must never share one: the server would take
 * one's operation for the other's resend.
 * @param {() => number} [random] only for reproducible tests
 */
export function drawSrc(random) {
  const values = new Uint8Array(22);
  const crypto = globalThis.crypto;
  if (!random && crypto && crypto.getRandomValues) crypto.getRandomValues(values);
  else for (let i = 0; i < values.length; i++) values[i] = Math.floor((random || Math.random)() * 256);
  return Array.from(values, (v) => ALPHABET[v % 64]).join('');
}
