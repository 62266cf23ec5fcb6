// A fixed slice of the random differential tester in CI. On a reachable real engine the seeds run on both
// engines and any difference outside the allow-list fails (budget: 8 sequences of 8-12 commands, about a
// minute on a loaded 2-core machine, 4 minutes at most). Without one, the simulator runs each seed twice and
// must neither fail internally nor print anything differently the second time.

import assert from 'node:assert/strict';
import { runSeed, type SeedVerdict } from '../../../src/cli/fuzz-diff/run-seed.js';
import { DockerClient } from '../../../src/engine/docker/docker-client.js';
import { DockerEngines } from '../../../src/runner/docker-engines.js';

/** Seeds that agree on both engines (or differ only as the allow-list explains) at the time of writing. */
const CI_SEEDS = [2003, 2011, 2024, 2042, 2057, 2071, 2090, 2106];
const SIM_SEEDS = Array.from({ length: 40 }, (_, i) => 5000 + i);

function explain(v: SeedVerdict): string {
  return `seed ${v.seed}:\n${v.differences.filter((d) => d.allowed === undefined).map((d) => `#${d.index} docker ${d.argv.join(' ')}\n${d.detail}`).join('\n')}`;
}

describe('fuzz:diff on a fixed seed set', function () {
  this.timeout(240_000);
  let engines: DockerEngines | undefined;

  before(async () => {
    try {
      await new DockerClient().checkReachable();
      engines = new DockerEngines();
      await engines.prepare();
    } catch {
      engines = undefined;
      console.log('      no Docker engine reachable: the simulator alone (determinism, no internal errors)');
    }
  });

  after(async () => {
    await engines?.disposeAll();
  });

  it('agrees with the real engine on the CI seeds (when one is reachable)', async function () {
    if (engines === undefined) this.skip();
    const live = engines;
    const verdicts = await Promise.all([0, 1].map(async (lane) => Promise.all(CI_SEEDS.filter((_, i) => i % 2 === lane).map((seed) => runSeed(seed, { engines: live, shrink: false, minSteps: 8, maxSteps: 12 })))));
    const differing = verdicts.flat().filter((v) => v.verdict === 'differs');
    assert.deepEqual(differing.map(explain), []);
  });

  it('runs every seed on the simulator without an internal error, the same way twice', async () => {
    for (const seed of SIM_SEEDS) {
      const v = await runSeed(seed, { minSteps: 8, maxSteps: 12 });
      assert.equal(v.verdict, 'same', explain(v));
      const crashed = v.simResults.map((r, i) => [i, r] as const).filter(([, r]) => r.exitCode === -1);
      assert.deepEqual(crashed.map(([i, r]) => `seed ${seed} #${i} docker ${v.sequence.steps[i]!.argv.join(' ')}: ${r.stderr}`), []);
    }
  });
});
