// Each mocha run gets one temporary folder of its own: TMPDIR points into it before any test file loads, so what
// a test (or the drydock it runs, or the browser the HTML tests start) makes with os.tmpdir() lands there, and
// the run removes the whole folder when it ends. A test that forgets to clean up can no longer fill /tmp.
// Loaded by .mocharc.json (`require`); DRYDOCK_KEEP_TEST_TMP=1 keeps the folder to look at afterwards.

import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The run's temporary folder (the TMPDIR of the tests and of every process they start). */
export const TEST_TMPDIR = mkdtempSync(join(tmpdir(), 'drydock-tests-'));
process.env.TMPDIR = TEST_TMPDIR;

function removeTestTmpdir(): void {
  if (process.env.DRYDOCK_KEEP_TEST_TMP === '1') return;
  rmSync(TEST_TMPDIR, { recursive: true, force: true });
}

// also when mocha stops early (--bail, an uncaught error); exit handlers must be synchronous, and rmSync is
process.once('exit', removeTestTmpdir);

/** mocha's root hooks: every run (each round of --watch too) starts with the folder and ends without it. */
export const mochaHooks = {
  beforeAll(): void {
    mkdirSync(TEST_TMPDIR, { recursive: true });
  },
  afterAll(): void {
    removeTestTmpdir();
  },
};
