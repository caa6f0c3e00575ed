import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  matchLanguage, placeholders, translate, pseudo, pseudoCatalogue, PSEUDO_LANGUAGE,
} from '../src/i18n/catalogue.js';

// The catalogues (src/i18n/*.json) against each other and against the code that uses them: the
// pages (src) and the server (../src/main/java, dev.tandem.web.Messages).

const here = dirname(fileURLToPath(import.meta.url));
const i18n = join(here, '..', 'src', 'i18n');
const catalogues = Object.fromEntries(readdirSync(i18n).filter((f) => f.endsWith('.json'))
  .map((f) => [f.slice(0, -5), JSON.parse(readFileSync(join(i18n, f), 'utf8'))]));
const english = catalogues.en;

function sources(directory, extension) {
  return readdirSync(directory, { recursive: true }).filter((f) => f.endsWith(extension))
    .map((f) => readFileSync(join(directory, f), 'utf8')).join('\n');
}
const code = sources(join(here, '..', 'src'), '.js') + sources(join(here, '..', '..', 'src', 'main', 'java'), '.java');

test('English and Brazilian Portuguese are there', () => {
  assert.ok(english, 'en.json');
  assert.ok(catalogues['pt-BR'], 'pt-BR.json');
});

for (const [language, words] of Object.entries(catalogues)) {
  if (language === 'en') continue;
  test(`${language} has every key of English and no other`, () => {
    assert.deepEqual(Object.keys(english).filter((key) => !(key in words)), [], 'missing');
    assert.deepEqual(Object.keys(words).filter((key) => !(key in english)), [], 'unknown to English');
  });

  test(`${language} fills the same placeholders as English, in every plural form its language has`, () => {
    const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
    for (const [key, text] of Object.entries(words)) {
      assert.deepEqual(placeholders(text), placeholders(english[key]), `placeholders of ${key}`);
      assert.equal(typeof text, typeof english[key], `${key}: plural in one, not in the other`);
      if (typeof text === 'object') {
        for (const form of categories) assert.ok(form in text || 'other' in text, `${key} lacks "${form}"`);
        for (const form of Object.values(text)) assert.deepEqual(placeholders(form), placeholders(text), `${key}: every form fills the same`);
      }
    }
  });

  test(`${language} translates: no text equal to English except names, formats and CodeMirror's terms`, () => {
    // Some texts are the same in both (file formats, "{time} ({ago})"); anything else equal to
    // the English is most likely a text copied and forgotten.
    const same = Object.keys(words).filter((key) => JSON.stringify(words[key]) === JSON.stringify(english[key]));
    assert.deepEqual(same.filter((key) => !/^(export\.(markdown|html)|history\.when)$/.test(key)), []);
  });
}

test('every key of the catalogues is used by the code, and every key the code asks for exists', () => {
  const quoted = (key) => code.includes(`'${key}'`) || code.includes(`"${key}"`);
  assert.deepEqual(Object.keys(english).filter((key) => !quoted(key)), [], 'keys no code uses');
  // Every quoted word shaped like a key of a namespace the catalogues have ('history.title',
  // "error.exists") is one: t() calls, the tables that name keys, the server's Messages calls.
  const namespaces = [...new Set(Object.keys(english).map((key) => key.split('.')[0]))].join('|');
  const shaped = new RegExp(`['"]((?:${namespaces})\\.[A-Za-z0-9.]+)['"]`, 'g');
  const asked = [...new Set([...code.matchAll(shaped)].map((m) => m[1]))];
  assert.ok(asked.length > 100, `found the code's keys (${asked.length})`);
  assert.deepEqual(asked.filter((key) => !(key in english)), [], 'keys missing from en.json');
});

test('the language comes from the reader\'s preferences, else a related region, else English', () => {
  const available = ['en', 'pt-BR'];
  assert.equal(matchLanguage(['pt-BR', 'en'], available), 'pt-BR');
  assert.equal(matchLanguage(['pt'], available), 'pt-BR');
  assert.equal(matchLanguage(['pt-PT', 'en'], available), 'pt-BR');
  assert.equal(matchLanguage(['en-GB', 'pt-BR'], available), 'en');
  assert.equal(matchLanguage(['de-DE', 'PT-br'], available), 'pt-BR');
  assert.equal(matchLanguage(['de', 'fr'], available), 'en');
  assert.equal(matchLanguage([], available), 'en');
});

test('texts fill placeholders, pick plural forms and write numbers the reader\'s way', () => {
  const inPortuguese = {
    words: catalogues['pt-BR'], fallback: english, plurals: new Intl.PluralRules('pt-BR'), formatNumber: new Intl.NumberFormat('pt-BR').format,
  };
  assert.equal(translate(inPortuguese, 'status.unsynced', { count: 1 }), '1 alteração não sincronizada');
  assert.equal(translate(inPortuguese, 'status.unsynced', { count: 1234 }), '1.234 alterações não sincronizadas');
  assert.equal(translate(inPortuguese, 'history.revisionBy', { rev: 1234, total: 1500, author: 'Ana', when: 'x' }),
    'Revisão 1.234 de 1.500: por Ana, x');
  assert.equal(translate(inPortuguese, 'header.jumpTo', { name: 'Ana {rev}' }), 'Ir até o cursor de Ana {rev}');
  assert.equal(translate({ ...inPortuguese, words: {} }, 'toggle.history'), 'History', 'a missing key falls back to English');
  assert.equal(translate(inPortuguese, 'no.such.key'), 'no.such.key');
});

test('the pseudo-language marks every letter but keeps placeholders', () => {
  assert.equal(pseudo('Hello {name}!'), '⟦Ĥéļļö {name}!⟧');
  assert.doesNotMatch(pseudo('HTML (.html) by Ana'), /[A-Za-z]{2}/);
  const words = pseudoCatalogue(english);
  assert.deepEqual(Object.keys(words), Object.keys(english));
  for (const key of Object.keys(english)) assert.deepEqual(placeholders(words[key]), placeholders(english[key]), key);
  assert.equal(PSEUDO_LANGUAGE in catalogues, false, 'never a catalogue of its own');
});
