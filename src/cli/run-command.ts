// `drydock run [paths…]`: load (stop with exit 2 on any problem), select, run on fresh simulator states, report;
// with --watch, run again whenever a scenario file changes.

import { resolve } from 'node:path';
import { builtinAssertions } from '../assertions/registry.js';
import { createReporters } from '../reporters/create-reporters.js';
import { ReporterMultiplexer } from '../reporters/reporter.js';
import { runScenarios } from '../runner/run-all.js';
import { parseShard, selectScenarios, type Selection } from '../runner/select.js';
import { createScenarioSimEngine } from '../runner/sim-engine.js';
import { runScenario } from '../runner/run-scenario.js';
import { SimWorkerPool } from '../runner/sim-pool.js';
import { parseRunArgs, UsageError, type RunArgs } from './args.js';
import { EXIT, type CliIo } from './io.js';
import { loadAll, problemSummary, type Loaded } from './load-all.js';
import { watchAndRerun } from './watch.js';

function selection(args: RunArgs): Selection {
  const s: Selection = { tags: args.tags };
  if (args.grep !== undefined) {
    try {
      s.grep = new RegExp(args.grep);
    } catch (e) {
      throw new UsageError(`--grep: ${(e as Error).message}`);
    }
  }
  if (args.shard !== undefined) {
    const shard = parseShard(args.shard);
    if (!shard) throw new UsageError(`--shard must be I/N with 1 ≤ I ≤ N, such as 1/3, not ${JSON.stringify(args.shard)}`);
    s.shard = shard;
  }
  return s;
}

/** Scenario files from which worker threads pay for their start-up (a few hundred ms of one core each). */
const WORKERS_FROM = 8;

/** Runs the scenarios once; returns the exit code and the files read. */
async function runOnce(args: RunArgs, sel: Selection, io: CliIo): Promise<{ code: number; paths: string[] }> {
  // Workers start before the files are loaded, so their start-up overlaps the loading.
  let pool: SimWorkerPool | undefined;
  try {
    const loaded = await loadAll(args.paths, io, (files) => {
      if (args.jobs > 1 && files >= WORKERS_FROM) pool = new SimWorkerPool(args.jobs - 1);
    });
    return await runLoaded(args, sel, io, loaded, pool);
  } finally {
    await pool?.close();
  }
}

async function runLoaded(args: RunArgs, sel: Selection, io: CliIo, loaded: Loaded, pool: SimWorkerPool | undefined): Promise<{ code: number; paths: string[] }> {
  if (loaded.problems.length > 0) {
    io.stderr(`drydock: ${problemSummary(loaded.problems)}; nothing was run\n`);
    return { code: EXIT.usage, paths: loaded.paths };
  }
  if (loaded.missing.length > 0) return { code: EXIT.usage, paths: loaded.paths };
  const scenarios = selectScenarios(loaded.scenarios, sel);
  if (scenarios.length === 0) {
    io.stdout(`drydock: no scenarios to run (${loaded.scenarios.length} loaded, none selected)\n`);
    return { code: EXIT.ok, paths: loaded.paths };
  }
  const reporters = createReporters(args.reporters, { outDir: resolve(io.cwd, args.out), write: io.stdout, isTTY: io.isTTY, env: io.env });
  const hooks = new ReporterMultiplexer(reporters, (m) => io.stderr(`${m}\n`));
  const registry = builtinAssertions();
  const result = await runScenarios(scenarios, {
    createEngine: createScenarioSimEngine,
    engineName: 'sim',
    registry,
    hooks,
    jobs: args.jobs,
    bail: args.bail,
    runners: pool ? pool.runners((scenario) => runScenario(scenario, { createEngine: createScenarioSimEngine, registry, hooks })) : [],
  });
  const bad = result.summary.failed + result.summary.errors;
  return { code: bad > 0 ? EXIT.failed : EXIT.ok, paths: loaded.paths };
}

/** Runs `drydock run`; returns the exit code. */
export async function runCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseRunArgs(argv);
  if (args.engine !== 'sim') {
    const what = args.engine === 'docker' ? 'the docker engine is not supported by `drydock run` yet (it comes in a later task)' : `unknown engine ${JSON.stringify(args.engine)}`;
    throw new UsageError(`--engine: ${what}; use --engine sim`);
  }
  for (const r of args.reporters) {
    if (!['spec', 'json', 'junit'].includes(r)) throw new UsageError(`--reporter: unknown reporter ${JSON.stringify(r)} (spec, json, junit)`);
  }
  const sel = selection(args);
  const first = await runOnce(args, sel, io);
  if (!args.watch) return first.code;
  return watchAndRerun(args.paths, io, async () => (await runOnce(args, sel, io)).code, first.code);
}
