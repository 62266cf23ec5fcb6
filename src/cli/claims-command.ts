// `drydock claims [paths…]`: runs the claim scenarios (those with `claim:`, default scenarios/notes/) on the
// simulator and, when a Docker engine is reachable and the runner can drive it, on the real engine too; prints
// the table and writes reports/claims.json and a self-contained reports/claims.html.

import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { builtinAssertions } from '../assertions/registry.js';
import { buildClaimTable } from '../claims/claim-table.js';
import { renderClaimsHtml } from '../claims/render-html.js';
import { renderClaimsText } from '../claims/render-text.js';
import type { Engine } from '../engine/engine.js';
import { runScenarios } from '../runner/run-all.js';
import type { ScenarioResult } from '../runner/result.js';
import { createScenarioSimEngine } from '../runner/sim-engine.js';
import type { Scenario } from '../scenario/model.js';
import { EXIT, processIo, type CliIo } from './io.js';
import { loadAll, problemSummary } from './load-all.js';
import { parseCommandArgs } from './parse-command-args.js';
import { UsageError } from './usage-error.js';

/** The usage text of `drydock claims`. */
const CLAIMS_USAGE = `Usage: drydock claims [paths…] [options]

Runs every scenario with a \`claim:\` (default scenarios/notes/) on the simulator and, when a Docker engine is
reachable, on the real engine; prints the table and writes <out>/claims.json and <out>/claims.html.

Arguments:
  paths…            scenario files, folders and globs (default scenarios/notes/)

Options:
  -o, --out DIR     where claims.json and claims.html go (default reports/)
  -j, --jobs N      scenarios run at once on the simulator (default 4)
      --no-docker   do not use a real engine even when one is reachable
  -h, --help        show this help

Examples:
  drydock claims
  drydock claims 'scenarios/notes/c3*.yaml' --no-docker --out /tmp/claims

Exit codes: 0 every claim scenario passed where it ran, 1 one did not, 2 bad input or usage.
`;

interface ClaimsArgs {
  paths: string[];
  out: string;
  jobs: number;
  docker: boolean;
}

const CLAIMS_OPTIONS = {
  out: { type: 'string', short: 'o' },
  jobs: { type: 'string', short: 'j' },
  'no-docker': { type: 'boolean' },
} as const;

function parseClaimsArgs(argv: readonly string[]): ClaimsArgs | 'help' {
  const parsed = parseCommandArgs('claims', argv, CLAIMS_OPTIONS);
  if (parsed.help) return 'help';
  const v = parsed.values;
  const jobs = v.jobs === undefined ? 4 : Number(v.jobs);
  if (!Number.isInteger(jobs) || jobs < 1) throw new UsageError(`--jobs must be a whole number of at least 1, not ${JSON.stringify(v.jobs)}`, 'claims');
  return { paths: parsed.positionals.length > 0 ? parsed.positionals : ['scenarios/notes'], out: v.out ?? 'reports', jobs, docker: v['no-docker'] !== true };
}

type EngineFactory = (scenario: Scenario) => Engine | Promise<Engine>;

/** A real-engine factory and what must be called when the run is over. */
interface DockerRun {
  createEngine: EngineFactory;
  close: () => Promise<void>;
}

// The runner's real-engine support (src/runner/docker-engines.ts), loaded only when a daemon answers: it pulls
// in execa and the isolation layer, which the simulator-only path never needs.
async function runnerDockerEngines(env: CliIo['env']): Promise<DockerRun | { notRun: string }> {
  const { DockerEngines } = await import('../runner/docker-engines.js');
  const engines = new DockerEngines(env.DRYDOCK_DOCKER ? { binary: env.DRYDOCK_DOCKER } : {});
  try {
    await engines.prepare();
  } catch (e) {
    return { notRun: `not run: the real engine could not be prepared: ${e instanceof Error ? e.message : String(e)}` };
  }
  return { createEngine: (s) => engines.create(s), close: async () => void (await engines.disposeAll()) };
}

/** The real engine, or why it is not used. */
async function dockerEngine(wanted: boolean, env: CliIo['env']): Promise<DockerRun | { notRun: string }> {
  if (!wanted) return { notRun: 'not run: --no-docker' };
  // Loaded only when needed: the docker client pulls in execa, which the simulator-only path never uses.
  const { DockerClient } = await import('../engine/docker/docker-client.js');
  const client = new DockerClient(env.DRYDOCK_DOCKER ? { binary: env.DRYDOCK_DOCKER } : {});
  try {
    await client.checkReachable(10_000);
  } catch {
    return { notRun: `not run: no Docker engine reachable at ${client.describeHost()}` };
  }
  return runnerDockerEngines(env);
}

/** Runs `drydock claims`; returns the exit code. */
export async function claimsCommand(argv: string[], io: CliIo = processIo()): Promise<number> {
  const args = parseClaimsArgs(argv);
  if (args === 'help') {
    io.stdout(CLAIMS_USAGE);
    return EXIT.ok;
  }
  const loaded = await loadAll(args.paths, io);
  if (loaded.problems.length > 0) {
    io.stderr(`drydock: ${problemSummary(loaded.problems)}; nothing was run\n`);
    return EXIT.usage;
  }
  if (loaded.missing.length > 0) return EXIT.usage;
  const scenarios = loaded.scenarios.filter((s) => s.claim !== undefined);
  if (scenarios.length === 0) {
    io.stderr(`drydock: no claim scenarios (scenarios with \`claim:\`) in ${args.paths.join(', ')}\n`);
    return EXIT.usage;
  }
  const registry = builtinAssertions();
  const sim = await runScenarios(scenarios, { createEngine: createScenarioSimEngine, engineName: 'sim', registry, jobs: args.jobs });
  const docker = await dockerEngine(args.docker, io.env);
  let dockerResults: ScenarioResult[] | { notRun: string };
  if ('createEngine' in docker) {
    // One scenario at a time: the real engine is shared with whoever else uses the daemon.
    try {
      dockerResults = (await runScenarios(scenarios, { createEngine: docker.createEngine, engineName: 'docker', registry, jobs: 1 })).scenarios;
    } finally {
      await docker.close();
    }
  } else dockerResults = docker;
  const table = buildClaimTable(scenarios, sim.scenarios, dockerResults);
  const outDir = resolve(io.cwd, args.out);
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'claims.json'), `${JSON.stringify({ tool: 'drydock', ...table }, null, 2)}\n`);
  writeFileSync(join(outDir, 'claims.html'), renderClaimsHtml(table));
  io.stdout(renderClaimsText(table));
  io.stdout(`wrote ${join(args.out, 'claims.json')} and ${join(args.out, 'claims.html')}\n`);
  const bad = table.rows.some((r) => ['failed', 'error'].includes(r.sim.status) || ['failed', 'error'].includes(r.docker.status));
  return bad ? EXIT.failed : EXIT.ok;
}
