import {
  DEFAULT_LANGUAGE, PSEUDO_LANGUAGE, matchLanguage, translate, pseudo, pseudoCatalogue,
} from '../i18n/catalogue.js';
import { el } from './dom.js';

// The page's language and its words. The catalogue is loaded before any module that imports this
// one runs (top-level await), so they can call t() as they build the page: only the chosen
// language (and English, for keys it lacks) is fetched, each catalogue a chunk of its own.

/** The catalogues the build found in src/i18n (build.mjs defines TANDEM_LANGUAGES). */
/* global TANDEM_LANGUAGES */
export const LANGUAGES = typeof TANDEM_LANGUAGES === 'undefined' ? [DEFAULT_LANGUAGE] : TANDEM_LANGUAGES;

/** Where the language chosen with the switch is kept; it overrides navigator.languages. */
export const CHOSEN_LANGUAGE_KEY = 'tandem:language';

function stored() {
  try { return window.localStorage.getItem(CHOSEN_LANGUAGE_KEY); } catch (e) { return null; } // storage denied
}

function chosenLanguage() {
  const chosen = stored();
  if (chosen && (LANGUAGES.includes(chosen) || chosen === PSEUDO_LANGUAGE)) return chosen;
  return matchLanguage(navigator.languages || [navigator.language], LANGUAGES);
}

const load = async (tag) => (await import(`../i18n/${tag}.json`)).default;

/** The language of this page: a tag of LANGUAGES (or the pseudo-language). */
export const language = chosenLanguage();
const isPseudo = language === PSEUDO_LANGUAGE;
const english = await load(DEFAULT_LANGUAGE);
const words = isPseudo ? pseudoCatalogue(english) : language === DEFAULT_LANGUAGE ? english : await load(language);
// Intl has no data for the pseudo-language: it formats as English, marked like the words.
const intlLanguage = isPseudo ? DEFAULT_LANGUAGE : language;
const marked = isPseudo ? pseudo : (text) => text;
const numbers = new Intl.NumberFormat(intlLanguage);
const dates = new Intl.DateTimeFormat(intlLanguage, { dateStyle: 'medium', timeStyle: 'short' });
const relative = new Intl.RelativeTimeFormat(intlLanguage, { numeric: 'auto' });
const context = { words, fallback: english, plurals: new Intl.PluralRules(intlLanguage), formatNumber: (n) => numbers.format(n) };
document.documentElement.lang = intlLanguage;

/** The text of `key` in the page's language, {placeholders} filled from `params` (see catalogue.js). */
export function t(key, params) {
  return translate(context, key, params);
}

/** A number as the reader writes it: 1,234 or 1.234. */
export function formatNumber(n) {
  return marked(numbers.format(n));
}

/** A date and time as the reader writes them (medium date, short time). */
export function formatDateTime(date) {
  const time = new Date(date);
  return Number.isNaN(time.getTime()) ? '' : marked(dates.format(time));
}

const UNITS = [['year', 31536000], ['month', 2592000], ['week', 604800], ['day', 86400], ['hour', 3600], ['minute', 60]];

/** How long ago (or in how long) `date` is from `now`: "5 minutes ago", "há 5 minutos", "now". */
export function formatRelative(date, now = Date.now()) {
  const time = new Date(date).getTime();
  if (Number.isNaN(time)) return '';
  const seconds = (time - now) / 1000;
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return marked(relative.format(Math.round(seconds / size), unit));
  }
  return marked(relative.format(Math.round(seconds), 'second'));
}

/** The switch between LANGUAGES, each named in itself; a choice is remembered and reloads the page. */
export function languageSwitch() {
  const select = el('select', {
    class: 'language', 'aria-label': t('language.label'), title: t('language.label'),
    onchange: () => {
      try { window.localStorage.setItem(CHOSEN_LANGUAGE_KEY, select.value); } catch (e) { /* storage denied */ }
      window.location.reload();
    },
  }, LANGUAGES.map((tag) => el('option', { value: tag, selected: tag === language }, nameOf(tag))));
  return select;
}

function nameOf(tag) {
  let name = tag;
  try { name = new Intl.DisplayNames([tag], { type: 'language' }).of(tag) || tag; } catch (e) { /* no names */ }
  return name.charAt(0).toLocaleUpperCase(tag) + name.slice(1);
}
