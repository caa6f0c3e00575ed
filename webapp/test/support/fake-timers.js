/** Timers on a fake clock: time moves only when a test fires the next timer. */
export class FakeTimers {
  constructor() {
    this.time = 0;
    this.nextId = 1;
    this.timers = new Map();
  }

  now = () => this.time;

  setTimeout = (callback, ms) => this.add(callback, ms, false);

  setInterval = (callback, ms) => this.add(callback, ms, true);

  clearTimeout = (id) => { this.timers.delete(id); };

  clearInterval = (id) => { this.timers.delete(id); };

  add(callback, ms, repeat) {
    const id = this.nextId++;
    this.timers.set(id, { callback, at: this.time + Math.max(0, ms), every: repeat ? ms : 0 });
    return id;
  }

  get pending() { return this.timers.size; }

  /** Moves the clock to the earliest timer and fires it; false when there is none. */
  runNext() {
    let first = null;
    for (const [id, t] of this.timers) if (!first || t.at < first[1].at) first = [id, t];
    if (!first) return false;
    const [id, t] = first;
    this.time = Math.max(this.time, t.at);
    if (t.every) t.at = this.time + t.every;
    else this.timers.delete(id);
    t.callback();
    return true;
  }

  /** Fires every timer due within `ms` from now, in order, and moves the clock there. */
  advance(ms) {
    const until = this.time + ms;
    for (;;) {
      let first = null;
      for (const [id, t] of this.timers) if (t.at <= until && (!first || t.at < first[1].at)) first = [id, t];
      if (!first) break;
      this.runNext();
    }
    this.time = until;
  }
}
