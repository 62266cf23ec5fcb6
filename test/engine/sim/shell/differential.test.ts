// Differential tests: each script runs under the real busybox sh (chroot) and under the simulator; stdout,
// stderr and exit code must be identical. Skipped (with the reason) where /bin/busybox or root is missing.

import assert from 'node:assert/strict';
import { APPLET_CASES, SHELL_CASES } from './differential-cases.js';
import type { DiffCase } from './differential-cases.js';
import { normaliseOutcome as normalise } from './normalise.js';
import { oracleUnavailable, runReal, runSim } from './oracle.js';

function suite(title: string, cases: DiffCase[]): void {
  describe(title, function () {
    const why = oracleUnavailable();
    before(function () {
      if (why) {
        console.log(`      (skipped: ${why})`);
        this.skip();
      }
    });
    for (const c of cases) {
      it(c.name, () => {
        const real = normalise(runReal(c.script, {}, c.stdin ?? ''));
        const sim = normalise(runSim(c.script, {}, c.stdin ?? ''));
        assert.deepEqual(sim, real, `script: ${c.script}`);
      });
    }
  });
}

describe('differential: simulator vs real busybox 1.35', function () {
  this.timeout(60_000);
  suite('shell', SHELL_CASES);
  suite('applets', APPLET_CASES);
});
