/** An in-memory stand-in for localStorage / sessionStorage (the Web Storage interface). */
export class FakeStorage {
  constructor() {
    this.map = new Map();
  }

  get length() { return this.map.size; }
  key(i) { return [...this.map.keys()][i] ?? null; }
  getItem(k) { return this.map.has(k) ? this.map.get(k) : null; }
  setItem(k, v) { this.map.set(k, String(v)); }
  removeItem(k) { this.map.delete(k); }
  clear() { this.map.clear(); }
}
