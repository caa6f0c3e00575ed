import { t } from './i18n.js';

// Who the user is, remembered in localStorage: a name to show to others.

const NAME_KEY = 'tandem:name';

export function storedName(storage) {
  try {
    const name = storage.getItem(NAME_KEY);
    if (name) return name.slice(0, 64);
  } catch (e) { /* storage denied */ }
  // One of the catalogue's names, "|"-separated: an animal, with "anonymous" agreeing with it.
  const names = t('identity.anonymousNames').split('|');
  const name = names[Math.floor(Math.random() * names.length)];
  rememberName(storage, name);
  return name;
}

export function rememberName(storage, name) {
  try {
    storage.setItem(NAME_KEY, name.slice(0, 64));
  } catch (e) { /* storage denied: the name lasts for this page */ }
}

/** localStorage, or an in-memory stand-in where it is denied (some private modes). */
export function localStore(kind = 'localStorage') {
  try {
    const storage = window[kind];
    const probe = 'tandem:probe';
    storage.setItem(probe, '1');
    storage.removeItem(probe);
    return storage;
  } catch (e) {
    const map = new Map();
    return {
      get length() { return map.size; },
      key: (i) => [...map.keys()][i] ?? null,
      getItem: (k) => (map.has(k) ? map.get(k) : null),
      setItem: (k, v) => map.set(k, String(v)),
      removeItem: (k) => map.delete(k),
    };
  }
}
