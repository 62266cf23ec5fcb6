// `npm run fuzz:diff -- --seed N --count M`: the seeded random differential tester. Runs M generated
// sequences from seed N on the simulator and the real engine, prints a verdict per sequence and a summary by
// command family, and writes each unexplained difference's shrunk reproducer to the --out folder.
// Without a reachable engine (or with --sim-only) it checks the simulator's determinism instead.

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DockerEngines } from '../../runner/docker-engines.js';
import { exitCodeOf } from '../exit-code.js';
import { processIo } from '../io.js';
import { runSeed, type SeedVerdict } from './run-seed.js';
import { summaryText, verdictLine } from './summary.js';

const USAGE = `Usage: npm run fuzz:diff -- [--seed N] [--count M] [--jobs J] [--out DIR] [--sim-only] [--no-shrink] [--min-steps A] [--max-steps B]
`;

interface Options {
  seed: number;
  count: number;
  jobs: number;
  out?: string;
  simOnly: boolean;
  shrink: boolean;
  minSteps: number;
  maxSteps: number;
}

function parse(argv: string[]): Options {
  const o: Options = { seed: 1, count: 10, jobs: 2, simOnly: false, shrink: true, minSteps: 8, maxSteps: 15 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const num = (): number => {
      const v = Number(argv[++i]);
      if (!Number.isInteger(v) || v < 0) throw new Error(`fuzz:diff: ${a} needs a whole number\n${USAGE}`);
      return v;
    };
    if (a === '--seed') o.seed = num();
    else if (a === '--count') o.count = num();
    else if (a === '--jobs') o.jobs = Math.max(1, num());
    else if (a === '--min-steps') o.minSteps = num();
    else if (a === '--max-steps') o.maxSteps = num();
    else if (a === '--out') o.out = argv[++i];
    else if (a === '--sim-only') o.simOnly = true;
    else if (a === '--no-shrink') o.shrink = false;
    else throw new Error(`fuzz:diff: unknown option ${a}\n${USAGE}`);
  }
  return o;
}

async function main(): Promise<number> {
  let o: Options;
  try {
    o = parse(process.argv.slice(2));
  } catch (e) {
    // bad options are the caller's (exit 2); anything later is a bug of the tester's own (exit 70)
    process.stderr.write(`${(e as Error).message}\n`);
    return 2;
  }
  let engines: DockerEngines | undefined;
  if (!o.simOnly) {
    engines = new DockerEngines();
    try {
      await engines.prepare();
    } catch (e) {
      process.stderr.write(`fuzz:diff: no real engine (${e instanceof Error ? e.message : String(e)}); checking the simulator's determinism only\n`);
      engines = undefined;
    }
  }
  if (o.out !== undefined) mkdirSync(o.out, { recursive: true });
  const started = Date.now();
  const verdicts: SeedVerdict[] = [];
  const shrunk = new Set<string>();
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < o.count && !stopping) {
      const seed = o.seed + next++;
      const v = await runSeed(seed, { ...(engines !== undefined ? { engines } : {}), shrink: o.shrink, shrunk, minSteps: o.minSteps, maxSteps: o.maxSteps });
      verdicts.push(v);
      process.stdout.write(`${verdictLine(v)}\n`);
      if (o.out !== undefined && v.verdict !== 'same') {
        writeFileSync(join(o.out, `seed-${seed}.txt`), v.differences.map((d) => `#${d.index} docker ${d.argv.join(' ')}${d.allowed ? `  [allowed ${d.allowed}]` : ''}\n${d.detail}\n`).join('\n'));
        if (v.reproducer !== undefined) writeFileSync(join(o.out, `seed-${seed}.sh`), v.reproducer);
      }
    }
  };
  // a first signal lets the running sequences finish (each removes what it made); a second removes them now
  let stopping = false;
  const stop = () => {
    if (stopping) void (engines?.disposeAll() ?? Promise.resolve()).finally(() => process.exit(130));
    stopping = true;
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  await Promise.all(Array.from({ length: o.jobs }, worker));
  verdicts.sort((a, b) => a.seed - b.seed);
  const summary = summaryText(verdicts, (Date.now() - started) / 1000);
  process.stdout.write(`\n${engines === undefined ? '(simulator only: determinism)\n' : ''}${summary}`);
  if (o.out !== undefined) writeFileSync(join(o.out, 'summary.txt'), summary);
  return verdicts.some((v) => v.verdict === 'differs') ? 1 : 0;
}

process.exitCode = await exitCodeOf(main, processIo());
