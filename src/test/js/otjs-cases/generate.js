// Writes random ot.js 0.0.15 transform, compose and cursor cases that Tandem's TextOperation
// must reproduce exactly (OtJsAgreementTest). Reproducible: the PRNG is seeded, never Math.random.
//
// Usage: node generate.js [cases] [seed] > ../../resources/dev/tandem/ot/otjs-cases.tsv.gz
//
// One case per line, tab-separated, operations in their JSON wire form:
//   doc  a  b  a'  b'  apply(doc,a)  c  compose(a,c)  anchor,head  anchor',head'
// where a and b are concurrent on doc, (a', b') = transform(a, b), c applies to apply(doc, a),
// and (anchor', head') is the range (anchor, head) of doc carried through b by Selection.Range.
//
// Documents and inserts are ASCII letters and spaces only: ot.js does not guard surrogate pairs
// (Tandem does, and proves that with its own property tests), and the alphabet keeps the file
// free of characters that JSON or TSV would have to escape.
'use strict';

const zlib = require('zlib');
const ot = require('ot');
const TextOperation = ot.TextOperation;
const Range = ot.Selection.Range;

const cases = Number(process.argv[2] || 12000);
const seed = Number(process.argv[3] || 20261125);
const MAX_DOC = 40;
const ALPHABET = 'abcdefghij klmnopqrstuvwxyz';

// mulberry32: a tiny, well-known 32-bit PRNG; enough for test data, identical on every Node.
function mulberry32(a) {
  return function () {
    a = (a + 0x6D2B79F5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = mulberry32(seed);
const randomInt = (n) => Math.floor(random() * n); // 0 <= result < n

function randomString(length) {
  let s = '';
  for (let i = 0; i < length; i++) {
    s += ALPHABET[randomInt(ALPHABET.length)];
  }
  return s;
}

// After ot.js test/helpers.js randomOperation, with short components so that inserts often meet
// at one position (the tie-break) and deletes often overlap.
function randomOperation(doc) {
  const op = new TextOperation();
  for (;;) {
    const left = doc.length - op.baseLength;
    if (left === 0) {
      break;
    }
    const r = random();
    const l = 1 + randomInt(Math.min(left, 6));
    if (r < 0.2) {
      op.insert(randomString(l));
    } else if (r < 0.45) {
      op['delete'](l);
    } else {
      op.retain(l);
    }
  }
  if (random() < 0.3) {
    op.insert(randomString(1 + randomInt(5)));
  }
  return op;
}

const wire = (op) => JSON.stringify(op.toJSON());

const lines = [];
lines.push(`# ot.js ${ot.version} cases from src/test/js/otjs-cases/generate.js, cases=${cases} seed=${seed}`);
for (let i = 0; i < cases; i++) {
  const doc = randomString(randomInt(MAX_DOC + 1));
  const a = randomOperation(doc);
  const b = randomOperation(doc);
  const primes = TextOperation.transform(a, b);
  const afterA = a.apply(doc);
  const c = randomOperation(afterA);
  const composed = a.compose(c);
  const anchor = randomInt(doc.length + 1);
  const head = random() < 0.5 ? anchor : randomInt(doc.length + 1);
  const moved = new Range(anchor, head).transform(b);
  // the cases are only worth keeping if ot.js itself agrees with its invariants
  if (primes[0].apply(b.apply(doc)) !== primes[1].apply(afterA)) {
    throw new Error(`ot.js broke TP1 on case ${i}`);
  }
  if (composed.apply(doc) !== c.apply(afterA)) {
    throw new Error(`ot.js broke compose on case ${i}`);
  }
  lines.push([doc, wire(a), wire(b), wire(primes[0]), wire(primes[1]), afterA, wire(c), wire(composed),
    `${anchor},${head}`, `${moved.anchor},${moved.head}`].join('\t'));
}
// gzip has no timestamp here (Node writes mtime 0), so the same seed gives the same bytes
process.stdout.write(zlib.gzipSync(lines.join('\n') + '\n', { level: 9 }));
