// Keeps the corpus's recordings true: where a real Docker engine is reachable, cases are recorded again (six
// lanes; every case that builds runs in one lane, since the legacy build cache is engine-wide) and compared
// with the committed recording after the same normalisation the replay uses; a difference means the committed
// output went stale (re-record with `npm run moby:record`). Budget: the 263 non-build cases took 7.4 min on an
// engine shared by eight sessions (load 30-38 on 2 cores; about 2 min idle, extrapolated from 105 cases in
// 50 s). The ~200 build cases take ~11 s each one after the other on a shared engine (40 min), so CI re-records
// a fixed subset of them: every BUILD_STRIDE-th build case by id (~5 min shared, in parallel with the other
// lanes); DRYDOCK_MOBY_ALL_BUILDS=1 re-records them all. The timeout is 15 minutes.

import assert from 'node:assert/strict';
import { requireDocker } from '../../engine/docker/require-docker.js';
import { loadCases, type LoadedCase } from './case-file.js';
import { recordCases } from './real-record.js';
import { compareCase, firstDifference } from './sim-replay.js';

/** One build case in this many is re-recorded in CI. */
const BUILD_STRIDE = 8;

function buildsImages(c: LoadedCase): boolean {
  return c.spec.steps.some((s) => s.docker?.[0] === 'build' || (s.docker?.[0] === 'image' && s.docker[1] === 'build'));
}

/** The cases CI re-records: every case that does not build, and a fixed subset of those that do. */
export function casesToReRecord(cases: readonly LoadedCase[], all = process.env.DRYDOCK_MOBY_ALL_BUILDS === '1'): LoadedCase[] {
  let nth = 0;
  return cases.filter((c) => !buildsImages(c) || all || nth++ % BUILD_STRIDE === 0);
}

describe('moby corpus: recordings match the real engine today', function () {
  this.timeout(900_000);

  it('keeps a fixed subset of the build cases (every case that does not build)', () => {
    const cases = loadCases();
    const picked = casesToReRecord(cases, false);
    const builds = cases.filter(buildsImages);
    assert.ok(builds.length === 0 || picked.filter(buildsImages).length === Math.ceil(builds.length / BUILD_STRIDE));
    assert.equal(picked.filter((c) => !buildsImages(c)).length, cases.length - builds.length);
  });

  it('re-records the cases and finds the committed output', async function () {
    const client = await requireDocker(this);
    const version = await client.run(['version', '--format', '{{.Server.Version}}']);
    if (!version.stdout.startsWith('20.10.')) {
      console.log(`      the engine is ${version.stdout.trim()}, not 20.10: recordings are for 20.10, skipping`);
      this.skip();
    }
    const cases = casesToReRecord(loadCases());
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
