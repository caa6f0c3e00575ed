/**
 * Reconnect delays: exponential with "equal jitter" (half fixed, half random), so that many editors
 * dropped by one server restart do not all come back in the same instant.
 */
export class Backoff {
  /**
   * @param {object} [options]
   * @param {number} [options.initial] first delay in ms. Defaults to 500.
   * @param {number} [options.max] cap in ms. Defaults to 30000.
   * @param {() => number} [options.random] uniform in [0, 1). Defaults to Math.random.
   */
  constructor({ initial = 500, max = 30000, random = Math.random } = {}) {
    this.initial = initial;
    this.max = max;
    this.random = random;
    this.attempt = 0;
  }

  /** The delay before the next attempt; each call doubles the base up to the cap. */
  next() {
    const base = Math.min(this.max, this.initial * 2 ** this.attempt);
    this.attempt = Math.min(this.attempt + 1, 30);
    return Math.round(base / 2 + (base / 2) * this.random());
  }

  reset() {
    this.attempt = 0;
  }
}
