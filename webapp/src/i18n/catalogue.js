// The words of the pages: one JSON catalogue per language beside this file (en.json, pt-BR.json…),
// a flat object from key to text. A text may hold {placeholders}; a text that depends on a count
// is an object by plural category ({"one": …, "other": …}, Intl.PluralRules). The server reads the
// same files for its own pages and error messages (dev.tandem.web.Messages): adding a language is
// adding one file here. Pure functions only, so that the node tests can use them as they are.

export const DEFAULT_LANGUAGE = 'en';

/**
 * A pseudo-language for tests: English with every letter accented and every text in brackets, so
 * that a page rendered in it shows at a glance (and to a test) any text that bypassed the catalogue.
 * Chosen only by storing it as the language (see ui/i18n.js); never offered in the switch.
 */
export const PSEUDO_LANGUAGE = 'en-XA';

/**
 * The catalogue to use among `available` for a reader who prefers `preferred` (navigator.languages,
 * best first): for each preference in turn, the same tag, else the same language in another region
 * ("pt" or "pt-PT" finds "pt-BR"); English when nothing fits. The server matches Accept-Language
 * the same way (dev.tandem.web.Messages.match).
 */
export function matchLanguage(preferred, available, fallback = DEFAULT_LANGUAGE) {
  for (const wanted of preferred) {
    const tag = String(wanted).toLowerCase();
    const same = available.find((a) => a.toLowerCase() === tag);
    if (same) return same;
    const language = tag.split('-')[0];
    const related = available.find((a) => a.toLowerCase().split('-')[0] === language);
    if (related) return related;
  }
  return fallback;
}

/** The {names} a text (or each form of a plural text) refers to, sorted. */
export function placeholders(text) {
  const forms = typeof text === 'string' ? [text] : Object.values(text);
  return [...new Set(forms.flatMap((form) => [...form.matchAll(/\{(\w+)\}/g)].map((m) => m[1])))].sort();
}

/**
 * The text of `key` with its placeholders filled in: `params.count` picks a plural form, numbers
 * go through `formatNumber`. A key missing from `words` comes from `fallback`, else shows as itself.
 */
export function translate({ words, fallback = {}, plurals, formatNumber = String }, key, params = {}) {
  let text = words[key] ?? fallback[key] ?? key;
  if (typeof text === 'object') text = text[plurals.select(params.count)] ?? text.other;
  return text.replace(/\{(\w+)\}/g, (whole, name) => {
    if (!(name in params)) return whole;
    const value = params[name];
    return typeof value === 'number' ? formatNumber(value) : String(value);
  });
}

const ACCENTED = {
  a: 'å', b: 'ƀ', c: 'ç', d: 'ð', e: 'é', f: 'ƒ', g: 'ĝ', h: 'ĥ', i: 'î', j: 'ĵ', k: 'ķ', l: 'ļ', m: 'ɱ',
  n: 'ñ', o: 'ö', p: 'þ', q: 'ǫ', r: 'ŕ', s: 'š', t: 'ţ', u: 'û', v: 'ṽ', w: 'ŵ', x: 'ẋ', y: 'ý', z: 'ž',
};

/** `text` in the pseudo-language: letters outside {placeholders} accented, the whole in ⟦ ⟧. */
export function pseudo(text) {
  const accented = text.replace(/(\{\w+\})|[A-Za-z]/g, (c, placeholder) => {
    if (placeholder) return placeholder;
    const lower = ACCENTED[c.toLowerCase()];
    return c === c.toLowerCase() ? lower : lower.toUpperCase();
  });
  return `⟦${accented}⟧`;
}

/** A whole catalogue in the pseudo-language. */
export function pseudoCatalogue(words) {
  return Object.fromEntries(Object.entries(words).map(([key, text]) => [key, typeof text === 'string'
    ? pseudo(text) : Object.fromEntries(Object.entries(text).map(([form, t]) => [form, pseudo(t)]))]));
}
