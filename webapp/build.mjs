// Bundles the editor into ../target/webapp-dist, which the WAR plugin adds to the web application's
// root (pom.xml, webResources): index.html, editor.html, favicon.svg and assets/.
import { build } from 'esbuild';
import { cp, rm, mkdir, readdir, readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { writeLicenses } from './licenses.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const out = process.env.TANDEM_WEBAPP_OUT || join(here, '..', 'target', 'webapp-dist');

// The languages are the catalogues in src/i18n: adding one is adding its JSON file (catalogue.js).
const languages = (await readdir(join(here, 'src', 'i18n'))).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5)).sort();

// The catalogues hold the server's words too (dev.tandem.web.Messages reads the same files): the
// pages get only theirs, as a plain object (esbuild's JSON loader would also export each key).
const pageWords = {
  name: 'page-words',
  setup(b) {
    b.onLoad({ filter: /[\\/]src[\\/]i18n[\\/][^\\/]+\.json$/ }, async ({ path }) => {
      const words = Object.entries(JSON.parse(await readFile(path, 'utf8')));
      const forPages = Object.fromEntries(words.filter(([key]) => !/^(server|error)\./.test(key)));
      return { contents: `export default ${JSON.stringify(forPages)};`, loader: 'js' };
    });
  },
};

await rm(out, { recursive: true, force: true });
await mkdir(out, { recursive: true });
const result = await build({
  absWorkingDir: here,
  entryPoints: {
    'assets/editor': 'src/ui/editor-page.js',
    'assets/landing': 'src/ui/landing-page.js',
    'assets/tandem': 'src/ui/editor.css',
  },
  outdir: out,
  bundle: true,
  format: 'esm',
  // The Markdown renderer is a chunk of its own, loaded when the preview or an export needs it.
  splitting: true,
  chunkNames: 'assets/chunks/[name]-[hash]',
  // Browsers only (no 'es2020'): the pages wait for their catalogue with a top-level await, which
  // all of these run.
  target: ['chrome100', 'firefox100', 'safari15'],
  define: { TANDEM_LANGUAGES: JSON.stringify(languages) },
  minify: true,
  // Source maps only on request (TANDEM_SOURCEMAP=1): they would triple the WAR's share of the editor.
  sourcemap: process.env.TANDEM_SOURCEMAP ? 'linked' : false,
  legalComments: 'none', // the full licence texts go to THIRD-PARTY-LICENSES.txt instead
  metafile: true,
  plugins: [pageWords],
  logLevel: 'warning',
});
await cp(join(here, 'public'), out, { recursive: true });
const bundled = await writeLicenses(result.metafile, here, join(out, 'assets', 'THIRD-PARTY-LICENSES.txt'));
console.log(`THIRD-PARTY-LICENSES.txt: ${bundled} npm packages`);

// Sizes as sent: raw and gzipped (level 9), and the sum of everything, to keep an eye on what each change adds.
let total = 0;
let totalGzipped = 0;
for (const name of (await readdir(join(out, 'assets'), { recursive: true })).sort()) {
  if (!/\.(js|css|json)$/.test(name)) continue;
  const bytes = await readFile(join(out, 'assets', name));
  const gzipped = gzipSync(bytes, { level: 9 }).length;
  total += bytes.length;
  totalGzipped += gzipped;
  console.log(`${name.padEnd(32)} ${(bytes.length / 1024).toFixed(1).padStart(6)} KiB  ${(gzipped / 1024).toFixed(1).padStart(6)} KiB gzipped`);
}
console.log(`${'all assets'.padEnd(32)} ${(total / 1024).toFixed(1).padStart(6)} KiB  ${(totalGzipped / 1024).toFixed(1).padStart(6)} KiB gzipped (${totalGzipped} bytes)`);
