// The real engine through drydock, side by side in one run: (1) one scenario through `drydock run --engine
// docker` (isolation, labels, cleanup) against the same docker commands in a plain shell script, with its own
// cleanup; (2) a suite of 10 scenarios with --jobs 1 and --jobs 2. Targets: at most 10% overhead; jobs 2 faster.

import { execa } from 'execa';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtinAssertions } from '../src/assertions/registry.js';
import { DockerEngines } from '../src/runner/docker-engines.js';
import { runScenarios } from '../src/runner/run-all.js';
import { loadScenario } from '../src/scenario/load.js';
import type { Scenario } from '../src/scenario/model.js';

const DOCKERFILE = 'FROM centos\nVOLUME ["/dataVolume1", "/dataVolume2"]\nCMD /bin/bash\n';

// the notes' dc01/dc02/dc03 sequence as a scenario
const SCENARIO = `name: dc03 sees dc02's file
files:
  Dockerfile: |
${DOCKERFILE.split('\n').filter((l) => l !== '').map((l) => `    ${l}`).join('\n')}
steps:
  - docker: build -q -t tim/centos .
  - docker: run -dit --name dc01 tim/centos
  - docker: run -dit --name dc02 --volumes-from dc01 tim/centos
  - docker: run -dit --name dc03 --volumes-from dc01 tim/centos
  - docker: rm -f dc01
  - docker: exec dc02 touch /dataVolume1/dc02_update.txt
  - docker: exec dc03 ls /dataVolume1
    expect: { stdout: "dc02_update.txt\\n" }
`;

// the same commands as a user would type them, with the same safety flags and a cleanup at the end
function shellScript(docker: string, p: string): string {
  return `set -e
D=${docker}
$D build -q -t ${p}/tim/centos . >/dev/null
$D run -dit --network none --pull never --name ${p}-dc01 ${p}/tim/centos >/dev/null
$D run -dit --network none --pull never --name ${p}-dc02 --volumes-from ${p}-dc01 ${p}/tim/centos >/dev/null
$D run -dit --network none --pull never --name ${p}-dc03 --volumes-from ${p}-dc01 ${p}/tim/centos >/dev/null
$D rm -f ${p}-dc01 >/dev/null
$D exec ${p}-dc02 touch /dataVolume1/dc02_update.txt
$D exec ${p}-dc03 ls /dataVolume1 >/dev/null
$D rm -f -v ${p}-dc02 ${p}-dc03 >/dev/null
$D volume prune -f --filter label=none-such >/dev/null
$D rmi ${p}/tim/centos >/dev/null
`;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function load(text: string, file: string): Scenario {
  const r = loadScenario(text, file);
  if (!r.ok) throw new Error(`bench scenario: ${JSON.stringify(r.problems)}`);
  return r.scenario;
}

/** Prints the two real-engine figures; skips with a line when no engine answers. */
export async function benchRealEngine(rounds = Number(process.env.DRYDOCK_BENCH_ROUNDS ?? 5)): Promise<void> {
  const engines = new DockerEngines();
  try {
    await engines.prepare();
  } catch (e) {
    console.log(`real engine: skipped (${e instanceof Error ? e.message : String(e)})`);
    return;
  }
  const registry = builtinAssertions();
  const scenario = load(SCENARIO.replace('FROM centos', 'FROM centos'), 'bench.yaml');
  const dir = await mkdtemp(join(tmpdir(), 'drydock-bench-real-'));
  await writeFile(join(dir, 'Dockerfile'), DOCKERFILE.replace('FROM centos', 'FROM drydock/centos'));
  const drydockTimes: number[] = [];
  const shellTimes: number[] = [];
  try {
    for (let round = 0; round <= rounds; round++) {
      // alternate which goes first, so neither always meets a warmer daemon
      const order = round % 2 === 0 ? ['drydock', 'shell'] : ['shell', 'drydock'];
      for (const which of order) {
        const started = performance.now();
        if (which === 'drydock') {
          const result = await runScenarios([scenario], { createEngine: (s) => engines.create(s), engineName: 'docker', registry });
          if (result.scenarios[0]!.status !== 'passed') throw new Error(`bench scenario failed: ${JSON.stringify(result.scenarios[0])}`);
        } else {
          const r = await execa('/bin/sh', ['-c', shellScript(engines.client.binary, `drydock-bench-${round}`)], { cwd: dir, reject: false, env: { DOCKER_BUILDKIT: '0' } });
          if (r.exitCode !== 0) throw new Error(`bench shell script failed: ${r.stderr}`);
        }
        // the first round warms the daemon and the page cache and is not counted
        if (round > 0) (which === 'drydock' ? drydockTimes : shellTimes).push(performance.now() - started);
      }
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  const d = median(drydockTimes);
  const s = median(shellTimes);
  console.log(`dc01/dc02/dc03 scenario on the real engine: drydock ${d.toFixed(0)} ms, plain shell script ${s.toFixed(0)} ms (medians of ${rounds})`);
  console.log(`  drydock overhead: ${(((d - s) / s) * 100).toFixed(1)}% (target: at most 10%)`);

  const suite = Array.from({ length: 10 }, (_, i) => load(SCENARIO.replace("name: dc03 sees dc02's file", `name: suite ${i}`), `suite-${i}.yaml`));
  const timeJobs = async (jobs: number) => {
    const started = performance.now();
    const result = await runScenarios(suite, { createEngine: (s) => engines.create(s), engineName: 'docker', registry, jobs });
    if (result.summary.passed !== suite.length) throw new Error(`suite: ${result.summary.passed} of ${suite.length} passed`);
    return performance.now() - started;
  };
  const one = await timeJobs(1);
  const two = await timeJobs(2);
  console.log(`suite of 10 scenarios on the real engine: --jobs 1 ${(one / 1000).toFixed(1)} s, --jobs 2 ${(two / 1000).toFixed(1)} s (${(one / two).toFixed(2)}x)`);
}

if (import.meta.url === `file://${process.argv[1]}`) await benchRealEngine();
