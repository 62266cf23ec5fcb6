// `drydock compare SCRIPT`: runs one shell script twice, with `docker` being the simulator (`drydock docker` on a
// fresh state) and then the real engine (isolated as `drydock run --engine docker` isolates a scenario), and
// diffs the two transcripts command by command after normalisation. A simulator bug report is one script.

import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { execa } from 'execa';
import { unifiedDiff } from '../assertions/text-diff.js';
import { IsolatedDockerEngine } from '../engine/docker/isolation/isolated-engine.js';
import { rewriteHostScript } from '../engine/docker/isolation/host-script.js';
import { EngineError } from '../errors/engine-error.js';
import { DockerEngines, RUN_DIR_PREFIX } from '../runner/docker-engines.js';
import { PairedNormalizer } from '../runner/normalize/normalize-output.js';
import { readTranscript, shimScript, type TranscriptEntry } from './compare/transcript.js';
import { readInputFile } from './input-file.js';
import { EXIT, type CliIo } from './io.js';
import { parseCommandArgs } from './parse-command-args.js';
import { UsageError } from './usage-error.js';

/** How one side ran. */
interface Side {
  entries: TranscriptEntry[];
  exitCode: number;
}

/** `drydock compare --help`. */
const COMPARE_USAGE = `Usage: drydock compare <script> [options]

Runs a shell script twice, with \`docker\` being the simulator (on a fresh state) and then the real engine
(isolated as \`drydock run --engine docker\` isolates a scenario), and diffs the two transcripts command by
command, after normalising what legitimately differs (IDs, times, generated names, host paths). A simulator
bug report is one script. The real engine is the one DOCKER_HOST names (default: the local daemon).

Arguments:
  script              a shell script (sh) that runs docker commands

Options:
  -h, --help          show this help

Example:
  drydock compare bug.sh

Exit codes: 0 both sides agree, 1 they differ, 2 bad usage, an unreadable script or no Docker engine reachable.
`;

/** Runs `drydock compare SCRIPT`; 0 when both transcripts agree, 1 when they differ, 2 when one cannot run. */
export async function compareCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseCommandArgs('compare', argv, {}, { maxPositionals: 1 });
  if (parsed.help) {
    io.stdout(COMPARE_USAGE);
    return EXIT.ok;
  }
  const [path] = parsed.positionals;
  if (path === undefined) throw new UsageError('missing the script to run (a shell script that runs docker commands)', 'compare');
  const script = readInputFile('compare', path, io.cwd);
  const engines = new DockerEngines(io.env.DOCKER_HOST !== undefined ? { host: io.env.DOCKER_HOST } : {});
  try {
    await engines.prepare();
  } catch (e) {
    if (!(e instanceof EngineError)) throw e;
    io.stderr(`drydock: ${e.message}\n`);
    return EXIT.usage;
  }
  const sim = await runSide('sim', script, engines);
  const real = await runSide('docker', script, engines);
  return report(sim, real, io);
}

async function runSide(side: 'sim' | 'docker', script: string, engines: DockerEngines): Promise<Side> {
  const runId = randomBytes(6).toString('hex');
  const runDir = mkdtempSync(join(tmpdir(), `${RUN_DIR_PREFIX}${runId}-`));
  const bin = join(runDir, '.drydock', 'bin');
  mkdirSync(bin, { recursive: true });
  mkdirSync(join(runDir, 'scenario'), { recursive: true });
  const transcript = join(runDir, '.drydock', 'transcript');
  const entry = side === 'sim' ? 'sim-docker-entry' : 'real-docker-main';
  writeFileSync(join(bin, 'docker'), shimScript(program(entry), transcript));
  chmodSync(join(bin, 'docker'), 0o755);
  const env = {
    PATH: `${bin}:${process.env.PATH ?? ''}`,
    DRYDOCK_STATE: join(runDir, '.drydock', 'sim-state'),
    DRYDOCK_HOST_ROOT: runDir,
    DRYDOCK_COMPARE_RUN: runId,
    DRYDOCK_COMPARE_DIR: runDir,
    DRYDOCK_FIXTURE_IDS: engines.fixtures.map((f) => f.id).join(','),
  };
  const result = await execa('/bin/sh', ['-c', rewriteHostScript(script, runDir, true)], { cwd: join(runDir, 'scenario'), env, reject: false, stdin: 'ignore' });
  const entries = readTranscript(transcript);
  if (side === 'docker') {
    // what the script's docker commands made is known from the state they kept between them (real-docker-entry)
    const engine = new IsolatedDockerEngine({ runId, runDir, cwd: '/' });
    const stateFile = join(runDir, '.drydock', 'state.json');
    if (existsSync(stateFile)) engine.loadState(readFileSync(stateFile, 'utf8'));
    await engine.dispose().catch(() => undefined);
  }
  rmSync(runDir, { recursive: true, force: true });
  return { entries, exitCode: result.exitCode ?? 128 };
}

// the entry point as a command line: the compiled .js, or the source through tsx
function program(entry: string): string {
  const here = fileURLToPath(new URL(`./compare/${entry}`, import.meta.url));
  if (import.meta.url.endsWith('.js')) return `'${process.execPath}' '${here}.js'`;
  const tsx = join(dirname(createRequire(import.meta.url).resolve('tsx/package.json')), 'dist', 'loader.mjs');
  return `'${process.execPath}' --import '${pathToFileURL(tsx).href}' '${here}.ts'`;
}

function report(sim: Side, real: Side, io: CliIo): number {
  const normalizer = new PairedNormalizer();
  let identical = 0;
  const count = Math.max(sim.entries.length, real.entries.length);
  for (let i = 0; i < count; i++) {
    const a = sim.entries[i];
    const b = real.entries[i];
    const title = `$ docker ${(a ?? b)!.argv.join(' ')}`;
    if (a === undefined || b === undefined) {
      io.stdout(`≠ ${title}\n    ran only on ${a ? 'the simulator' : 'the real engine'}\n`);
      continue;
    }
    const context = { expected: { argv: a.argv }, actual: { argv: b.argv } };
    const out = normalizer.normalizePair(a.stdout, b.stdout, context);
    const err = normalizer.normalizePair(a.stderr, b.stderr, context);
    const same = a.exitCode === b.exitCode && out.expected === out.actual && err.expected === err.actual;
    if (same) {
      identical++;
      io.stdout(`= ${title}\n`);
      continue;
    }
    io.stdout(`≠ ${title}\n`);
    if (a.exitCode !== b.exitCode) io.stdout(`    exit code: sim ${a.exitCode}, docker ${b.exitCode}\n`);
    for (const [name, pair] of [['stdout', out], ['stderr', err]] as const) {
      if (pair.expected === pair.actual) continue;
      io.stdout(`    ${name}:\n${indent(unifiedDiff(pair.expected, pair.actual).replace('- expected\n+ actual', '- sim\n+ docker'))}\n`);
    }
  }
  io.stdout(`\n${identical}/${count} docker commands identical (script exit: sim ${sim.exitCode}, docker ${real.exitCode})\n`);
  return identical === count && sim.exitCode === real.exitCode ? EXIT.ok : EXIT.failed;
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((l) => `      ${l}`)
    .join('\n');
}
