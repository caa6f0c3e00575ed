// Runs the browser tests like `npm run test:browser`, but records their outcome in a file instead
// of failing at once: under Maven they run in the integration-test phase, and a failure there
// would skip post-integration-test, which stops the servers they used. The verify phase fails
// the build on the recorded outcome (verdict.mjs).
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

const [outcomeFile] = process.argv.slice(2);
if (!outcomeFile) {
  console.error('usage: node browser-test/run-recorded.mjs OUTCOME_FILE');
  process.exit(2);
}
const run = spawnSync(process.execPath, ['--test', '--test-concurrency=1', 'browser-test/'], { stdio: 'inherit' });
mkdirSync(dirname(outcomeFile), { recursive: true });
writeFileSync(outcomeFile, `${run.status ?? 1}\n`);
