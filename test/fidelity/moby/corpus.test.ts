// moby's integration tests as a differential corpus: each ported case's docker command lines replayed on a
// fresh simulator and compared, step by step after normalisation, with what the real 20.10 engine printed
// (recorded by `npm run moby:record`). A case with a knownDifference must still differ (see NOT-MODELLED.md),
// so a fix shows up as a failing test that asks for the note to go.

import assert from 'node:assert/strict';
import { loadCases } from './case-file.js';
import { compareCase, firstDifference, runCaseOnSim } from './sim-replay.js';

describe('moby corpus: ported cases replayed on the simulator', () => {
  for (const c of loadCases()) {
    it(`${c.id} (${c.spec.moby.split(':')[0]})`, async () => {
      assert.ok(c.spec.recorded, `${c.id} has no recording: run npm run moby:record -- ${c.id}`);
      const diff = firstDifference(compareCase(c, await runCaseOnSim(c)));
      if (c.spec.knownDifference) assert.notEqual(diff, null, `${c.id} now matches: remove its knownDifference`);
      else assert.equal(diff, null, diff ?? '');
    });
  }
});
