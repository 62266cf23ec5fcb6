// Keeps the corpus's recordings true: where a real Docker engine is reachable, every case is recorded again
// (six at a time) and compared with the committed recording after the same normalisation the replay uses;
// a difference means the committed output went stale (re-record with `npm run moby:record`). Budget: 105
// cases took 50 s on an idle engine, so the 263 of today should take about 2 min there; measured on an engine
// shared by eight sessions (load average 30 to 38 on 2 cores) they took 7.4 min. The timeout is 15 minutes.

import assert from 'node:assert/strict';
import { requireDocker } from '../../engine/docker/require-docker.js';
import { loadCases } from './case-file.js';
import { recordCases } from './real-record.js';
import { compareCase, firstDifference } from './sim-replay.js';

describe('moby corpus: recordings match the real engine today', function () {
  this.timeout(900_000);

  it('re-records every case and finds the committed output', async function () {
    const client = await requireDocker(this);
    const version = await client.run(['version', '--format', '{{.Server.Version}}']);
    if (!version.stdout.startsWith('20.10.')) {
      console.log(`      the engine is ${version.stdout.trim()}, not 20.10: recordings are for 20.10, skipping`);
      this.skip();
    }
    const cases = loadCases();
    const fresh = await recordCases(cases, 6);
    const stale: string[] = [];
    cases.forEach((c, i) => {
      // the committed recording plays the simulator's part: the fresh one must equal it
      const diff = firstDifference(compareCase(c, fresh[i]!.map((s) => ({ ...s })), c.spec.recorded));
      if (diff !== null) stale.push(`${c.id}: ${diff}`);
    });
    assert.deepEqual(stale, [], `stale recordings (npm run moby:record -- <case>):\n${stale.join('\n\n')}`);
  });
});
