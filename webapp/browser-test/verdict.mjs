// Fails when a recorded browser-test run (run-recorded.mjs) failed, or recorded nothing.
import { existsSync, readFileSync } from 'node:fs';

const failed = process.argv.slice(2).filter((file) => !existsSync(file) || readFileSync(file, 'utf8').trim() !== '0');
if (failed.length > 0) {
  console.error(`browser tests failed or did not run: ${failed.join(', ')} (their output is above, in the integration-test phase)`);
  process.exit(1);
}
