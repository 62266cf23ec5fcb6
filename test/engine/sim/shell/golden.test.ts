// The simulator against recorded outputs of the real busybox (golden-cases.ts): the differential cases, runnable
// anywhere (no root, no /bin/busybox needed).

import assert from 'node:assert/strict';
import { APPLET_CASES, SHELL_CASES } from './differential-cases.js';
import { GOLDEN } from './golden-cases.js';
import { normaliseOutcome } from './normalise.js';
import { runSim } from './oracle.js';

describe('golden: simulator vs recorded busybox 1.35 output', () => {
  for (const c of [...SHELL_CASES, ...APPLET_CASES]) {
    it(c.name, () => {
      const expected = GOLDEN[c.name];
      assert.ok(expected, `no recorded output for ${c.name}; run record-golden.ts`);
      assert.deepEqual(normaliseOutcome(runSim(c.script, {}, c.stdin ?? '')), expected, `script: ${c.script}`);
    });
  }
});
