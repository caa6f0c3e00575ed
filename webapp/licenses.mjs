// Writes assets/THIRD-PARTY-LICENSES.txt: name, version, licence and licence text of every npm
// package whose code esbuild put into the bundle (from its metafile), so the WAR carries the
// notices that the MIT and Apache licences ask for.
import { readFile, writeFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';

export async function writeLicenses(metafile, here, outFile) {
  const packages = new Map();
  for (const input of Object.keys(metafile.inputs)) {
    const match = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input);
    if (match) packages.set(match[1], join(here, 'node_modules', match[1]));
  }
  const sections = [];
  for (const [name, dir] of [...packages].sort()) {
    const pkg = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8'));
    const file = (await readdir(dir)).find((f) => /^(licen[cs]e|copying)/i.test(f));
    const text = file ? await readFile(join(dir, file), 'utf8') : '(no licence file in the package)';
    sections.push(`${name} ${pkg.version} — ${pkg.license}\n\n${text.trim()}\n`);
  }
  // Not an npm dependency: src/collab/text-operation.js ports ot.js's TextOperation.
  sections.push(`ot.js (ported in src/collab/text-operation.js) — MIT\n\n${OT_JS_LICENSE}\n`);
  await writeFile(outFile, `Third-party software in Tandem's browser editor\n\n${sections.join(`\n${'-'.repeat(72)}\n\n`)}`);
  return packages.size;
}

const OT_JS_LICENSE = `Copyright © 2012-2014 Tim Baumann, http://timbaumann.info

Permission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the "Software"), to deal
in the Software without restriction, including without limitation the rights
to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in
all copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN
THE SOFTWARE.`;
