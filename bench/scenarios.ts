// Benchmark of the scenario side (run with `npm run bench -- scenarios`):
//  1. the whole `drydock run` of 200 generated scenarios × 10 steps on the simulator, as a process, wall time
//     (the compiled CLI in dist/ when it is built, else the sources through tsx);
//  2. the runner's own overhead per step: the same scenarios on an engine that answers instantly.
// Targets (issue): under 2 s wall for 1, under 0.1 ms per step for 2.

import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { builtinAssertions } from '../src/assertions/registry.js';
import type { Engine } from '../src/engine/engine.js';
import { runScenarios } from '../src/runner/run-all.js';
import { loadScenario } from '../src/scenario/load.js';
import type { Scenario } from '../src/scenario/model.js';

const SCENARIOS = Number(process.env.BENCH_SCENARIOS ?? 200);

/** One generated scenario: ten docker steps with expectations, and two checks. */
export function benchScenario(i: number): string {
  return `name: bench ${i}
tags: [bench]
steps:
  - docker: volume create data${i}
  - docker: run -dit --name c${i} -v data${i}:/data ubuntu
  - docker: exec c${i} touch /data/a.txt
  - docker: exec c${i} mkdir -p /data/sub
  - docker: exec c${i} ls /data
    expect: { stdout: { contains: a.txt } }
  - docker: run -dit --name d${i} --volumes-from c${i} ubuntu
  - docker: exec d${i} ls /data
    expect: { stdout: { lines: { length: 2 } } }
  - docker: rm -f c${i}
  - docker: exec d${i} cat /etc/hostname
  - docker: ps -a
checks:
  - file: { container: d${i}, path: /data/a.txt, exists: true }
  - inspect: { volume: data${i}, path: Name, equals: data${i} }
`;
}

function stubEngine(): Engine {
  const ok = { exitCode: 0, stdout: 'a.txt\nsub\n', stderr: '' };
  return {
    name: 'sim',
    capabilities: { commands: new Set(['volume create', 'run', 'exec', 'rm', 'ps']), realProcesses: false },
    docker: async () => ok,
    host: async () => ok,
    inspect: async () => ({ Name: 'x' }),
    stat: async () => ({ kind: 'file', mode: 0o644, uid: 0, gid: 0, size: 0, mtime: 0 }),
    readFile: async () => new Uint8Array(),
    readDir: async () => [],
    dispose: async () => undefined,
  };
}

async function wholeRun(dir: string): Promise<{ how: string; ms: number; code: number }> {
  const root = new URL('../', import.meta.url).pathname;
  const built = existsSync(join(root, 'dist/cli/main.js'));
  const argv = built ? [join(root, 'bin/drydock.js')] : ['--import', 'tsx', '--input-type=module', '-e', `import { main } from ${JSON.stringify(join(root, 'src/cli/main.ts'))}; process.exitCode = await main(process.argv.slice(1));`];
  const started = performance.now();
  const r = await execa('node', [...argv, 'run', dir, '--reporter', 'spec,json,junit', '--out', join(dir, 'reports')], { reject: false, cwd: root });
  const ms = performance.now() - started;
  if (r.exitCode !== 0) process.stderr.write(r.stdout.slice(-2000) + r.stderr);
  return { how: built ? 'node bin/drydock.js (dist)' : 'node --import tsx (sources)', ms, code: r.exitCode ?? -1 };
}

async function runnerOverhead(): Promise<{ perStepMs: number; steps: number }> {
  const scenarios: Scenario[] = [];
  for (let i = 0; i < SCENARIOS; i++) {
    const r = loadScenario(benchScenario(i), `s${i}.yaml`);
    if (!r.ok) throw new Error(r.problems[0]?.message);
    scenarios.push(r.scenario);
  }
  const registry = builtinAssertions();
  const options = { createEngine: stubEngine, engineName: 'sim', registry, jobs: 1 };
  await runScenarios(scenarios, options); // warm-up
  let best = Infinity;
  for (let k = 0; k < 5; k++) {
    const started = performance.now();
    await runScenarios(scenarios, options);
    best = Math.min(best, performance.now() - started);
  }
  const steps = scenarios.length * 10;
  return { perStepMs: best / steps, steps };
}

const dir = mkdtempSync(join(tmpdir(), 'drydock-bench-'));
// the generated scenarios are of no use once measured
process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
mkdirSync(join(dir, 's'));
for (let i = 0; i < SCENARIOS; i++) writeFileSync(join(dir, 's', `s${String(i).padStart(3, '0')}.yaml`), benchScenario(i));
const whole = [];
for (let k = 0; k < 3; k++) whole.push(await wholeRun(join(dir, 's')));
const overhead = await runnerOverhead();
const best = Math.min(...whole.map((w) => w.ms));
console.log(`drydock run, ${SCENARIOS} scenarios × 10 steps on the simulator (${whole[0]?.how}): best ${best.toFixed(0)} ms of ${whole.map((w) => w.ms.toFixed(0)).join(', ')} ms; exit ${whole[0]?.code}  [target < 2000 ms]`);
console.log(`runner overhead: ${(overhead.perStepMs * 1000).toFixed(1)} µs per step over ${overhead.steps} steps (instant engine, checks included)  [target < 100 µs]`);
