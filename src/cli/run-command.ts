// `drydock run [paths…]`: load (stop with exit 2 on any problem), select, run on fresh simulator states, report;
// with --watch, run again whenever a scenario file changes.

import { REPORTER_NAMES } from '../reporters/create-reporters.js';
import { resolve } from 'node:path';
import { builtinAssertions } from '../assertions/registry.js';
import { EngineError } from '../errors/engine-error.js';
import { bothRunner } from '../runner/compare/run-both.js';
import { DockerEngines } from '../runner/docker-engines.js';
import { onlyOnSim } from '../runner/engine-choice.js';
import { untrustedPolicy } from '../runner/untrusted-policy.js';
import type { Scenario } from '../scenario/model.js';
import { createReporters } from '../reporters/create-reporters.js';
import { ReporterMultiplexer } from '../reporters/reporter.js';
import { runScenarios } from '../runner/run-all.js';
import { parseShard, selectScenarios, type Selection } from '../runner/select.js';
import { createScenarioSimEngine } from '../runner/sim-engine.js';
import { runScenario } from '../runner/run-scenario.js';
import { SimWorkerPool } from '../runner/sim-pool.js';
import { parseRunArgs, RUN_USAGE, type RunArgs } from './args.js';
import { EXIT, type CliIo } from './io.js';
import { ProgressBar } from './progress-bar.js';
import { UsageError } from './usage-error.js';
import { loadAll, problemSummary, type Loaded } from './load-all.js';
import { watchAndRerun } from './watch.js';

function selection(args: RunArgs): Selection {
  const s: Selection = { tags: args.tags };
  if (args.grep !== undefined) {
    try {
      s.grep = new RegExp(args.grep);
    } catch (e) {
      throw new UsageError(`--grep: ${(e as Error).message}`, 'run');
    }
  }
  if (args.shard !== undefined) {
    const shard = parseShard(args.shard);
    if (!shard) throw new UsageError(`--shard must be I/N with 1 ≤ I ≤ N, such as 1/3, not ${JSON.stringify(args.shard)}`, 'run');
    s.shard = shard;
  }
  return s;
}

/** Scenario files from which worker threads pay for their start-up (a few hundred ms of one core each). */
const WORKERS_FROM = 8;

/** Runs the scenarios once; returns the exit code and the files read. */
async function runOnce(args: RunArgs, sel: Selection, io: CliIo, docker?: DockerEngines): Promise<{ code: number; paths: string[] }> {
  // Workers start before the files are loaded, so their start-up overlaps the loading.
  let pool: SimWorkerPool | undefined;
  try {
    const loaded = await loadAll(args.paths, io, (files) => {
      if (args.engine === 'sim' && args.jobs > 1 && files >= WORKERS_FROM) pool = new SimWorkerPool(args.jobs - 1);
    });
    return await runLoaded(args, sel, io, loaded, pool, docker);
  } finally {
    await pool?.close();
  }
}

async function runLoaded(
  args: RunArgs,
  sel: Selection,
  io: CliIo,
  loaded: Loaded,
  pool: SimWorkerPool | undefined,
  docker: DockerEngines | undefined,
): Promise<{ code: number; paths: string[] }> {
  if (loaded.problems.length > 0) {
    io.stderr(`drydock: ${problemSummary(loaded.problems)}; nothing was run\n`);
    return { code: EXIT.usage, paths: loaded.paths };
  }
  if (loaded.missing.length > 0) return { code: EXIT.usage, paths: loaded.paths };
  // An exercise has a hole where a submission goes: running it alone would fail by design. It is listed as
  // skipped with the reason (never silently dropped); `drydock grade` runs it with submissions.
  const withExercises = loaded.scenarios.map((s) =>
    s.submissionAt !== undefined && s.skip === undefined ? { ...s, skip: 'an exercise: grade submissions with `drydock grade`' } : s,
  );
  const scenarios = selectScenarios(withExercises, sel);
  if (scenarios.length === 0) {
    io.stdout(`drydock: no scenarios to run (${loaded.scenarios.length} loaded, none selected)\n`);
    return { code: EXIT.ok, paths: loaded.paths };
  }
  // On a terminal a progress bar sits under the reporters' lines (first, so it is cleared before their summary).
  const bar = io.isTTY === true ? new ProgressBar(io.stderr) : undefined;
  const write = bar ? bar.wrap(io.stdout) : io.stdout;
  const reporters = [...(bar ? [{ name: 'progress', ...bar.hooks() }] : []), ...createReporters(args.reporters, { outDir: resolve(io.cwd, args.out), write, isTTY: io.isTTY, env: io.env })];
  const hooks = new ReporterMultiplexer(reporters, (m) => (bar ? bar.wrap(io.stderr) : io.stderr)(`${m}\n`));
  const registry = builtinAssertions();
  const real = docker === undefined ? undefined : (scenario: Scenario) => docker.create(scenario);
  const result = await runScenarios(scenarios, {
    createEngine: real ?? createScenarioSimEngine,
    engineName: args.engine,
    registry,
    hooks,
    jobs: args.jobs,
    bail: args.bail,
    runners: pool ? pool.runners((scenario) => runScenario(scenario, { createEngine: createScenarioSimEngine, registry, hooks })) : [],
    ...(args.engine === 'both' && real !== undefined
      ? { runScenario: bothRunner({ sim: createScenarioSimEngine, docker: real, registry, simOnly: onlyOnSim }) }
      : {}),
    ...(args.engine === 'docker' ? { notRunHere: onlyOnSim } : {}),
  });
  const bad = result.summary.failed + result.summary.errors;
  return { code: bad > 0 ? EXIT.failed : EXIT.ok, paths: loaded.paths };
}

/** Runs `drydock run`; returns the exit code. */
export async function runCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseRunArgs(argv);
  if (args.help) {
    io.stdout(RUN_USAGE);
    return EXIT.ok;
  }
  if (!['sim', 'docker', 'both'].includes(args.engine)) throw new UsageError(`--engine: unknown engine ${JSON.stringify(args.engine)} (sim, docker, both)`, 'run');
  if (args.context !== undefined && args.engine === 'sim') throw new UsageError('--context needs --engine docker or --engine both', 'run');
  for (const r of args.reporters) {
    if (!(REPORTER_NAMES as readonly string[]).includes(r)) {
      throw new UsageError(`--reporter: unknown reporter ${JSON.stringify(r)} (${REPORTER_NAMES.join(', ')})`, 'run');
    }
  }
  const sel = selection(args);
  let docker: DockerEngines | undefined;
  if (args.engine !== 'sim') {
    docker = new DockerEngines({
      ...(args.context !== undefined ? { context: args.context } : {}),
      ...(io.env.DOCKER_HOST !== undefined ? { host: io.env.DOCKER_HOST } : {}),
      policy: (scenario) => untrustedPolicy(scenario, args.trusted),
    });
    try {
      await docker.prepare();
    } catch (e) {
      if (!(e instanceof EngineError)) throw e;
      io.stderr(`drydock: ${e.message}\n`);
      return EXIT.usage;
    }
  }
  const stopCleanup = docker === undefined ? undefined : cleanupOnSignals(docker, io);
  try {
    const first = await runOnce(args, sel, io, docker);
    if (!args.watch) return first.code;
    return await watchAndRerun(args.paths, io, async () => (await runOnce(args, sel, io, docker)).code, first.code);
  } finally {
    stopCleanup?.();
  }
}

/** On Ctrl-C or SIGTERM: remove what the unfinished scenarios made, then end with 130 or 143. */
function cleanupOnSignals(docker: DockerEngines, io: CliIo): () => void {
  const handler = (signal: NodeJS.Signals) => {
    io.stderr(`\ndrydock: ${signal}: removing what ${docker.liveCount} unfinished scenario(s) created…\n`);
    void docker.disposeAll().then((problems) => {
      for (const p of problems) io.stderr(`drydock: ${p}\n`);
      process.exit(signal === 'SIGINT' ? 130 : 143);
    });
  };
  process.once('SIGINT', handler);
  process.once('SIGTERM', handler);
  return () => {
    process.off('SIGINT', handler);
    process.off('SIGTERM', handler);
  };
}
