// One seed end to end: generate, run on the simulator and (when given) the real engine, compare, and shrink
// the first unexplained difference to a reproducer. Without a real engine the simulator runs twice and must
// print exactly the same both times (the tester's own determinism, and the simulator's).

import type { CommandResult } from '../../engine/engine.js';
import type { DockerEngines } from '../../runner/docker-engines.js';
import { compareRuns, type Difference } from './compare.js';
import { generateSequence, type GenerateOptions, type Sequence } from './generate.js';
import type { FuzzStep } from './model.js';
import { reproducerScript } from './reproducer.js';
import { runSteps } from './run-sequence.js';
import { shrink } from './shrink.js';

/** What one seed gave. */
export interface SeedVerdict {
  seed: number;
  sequence: Sequence;
  /** 'same': no difference; 'allowed': only allow-listed ones; 'differs': at least one unexplained */
  verdict: 'same' | 'allowed' | 'differs';
  differences: Difference[];
  /** the shrunk reproducer of the first unexplained difference */
  reproducer?: string;
  reproducerSteps?: number;
  /** the simulator's results (the determinism check compares two runs of them) */
  simResults: CommandResult[];
  ms: number;
}

/** How to run seeds. */
export interface SeedOptions extends GenerateOptions {
  /** the real engine; absent: simulator only (a determinism check) */
  engines?: DockerEngines;
  /** shrink unexplained differences (default true); skip when false or when the signature was shrunk before */
  shrink?: boolean;
  /** signatures already shrunk in this run (a second reproducer of the same thing is not worth the engine time) */
  shrunk?: Set<string>;
}

/** Runs one seed. */
export async function runSeed(seed: number, options: SeedOptions = {}): Promise<SeedVerdict> {
  const started = Date.now();
  const sequence = generateSequence(seed, options);
  const sim = await runSteps('sim', sequence.files, sequence.steps);
  const other = options.engines !== undefined ? await runSteps('docker', sequence.files, sequence.steps, options.engines) : await runSteps('sim', sequence.files, sequence.steps);
  const differences = options.engines !== undefined ? compareRuns(sequence.steps, sim, other, sequence.files) : exactDifferences(sequence.steps, sim, other);
  const open = differences.filter((d) => d.allowed === undefined);
  const verdict: SeedVerdict = { seed, sequence, verdict: open.length > 0 ? 'differs' : differences.length > 0 ? 'allowed' : 'same', differences, simResults: sim, ms: 0 };
  const first = open[0];
  if (first !== undefined) {
    let steps = sequence.steps.slice(0, first.index + 1);
    const engines = options.engines;
    const fresh = !(options.shrunk?.has(first.signature) ?? false);
    if (engines !== undefined && options.shrink !== false && fresh) {
      options.shrunk?.add(first.signature);
      steps = await shrink(sequence.steps.slice(0, first.index), sequence.steps[first.index]!, async (candidate: FuzzStep[]) => {
        const a = await runSteps('sim', sequence.files, candidate);
        const b = await runSteps('docker', sequence.files, candidate, engines);
        const last = compareRuns(candidate, a, b, sequence.files).find((d) => d.index === candidate.length - 1);
        return last !== undefined && last.signature === first.signature;
      });
    }
    verdict.reproducer = reproducerScript(seed, sequence.files, steps, first.signature);
    verdict.reproducerSteps = steps.length;
  }
  verdict.ms = Date.now() - started;
  return verdict;
}

// two simulator runs must print the very same bytes
function exactDifferences(steps: readonly FuzzStep[], a: readonly CommandResult[], b: readonly CommandResult[]): Difference[] {
  return steps.flatMap((step, index) => {
    const x = a[index]!;
    const y = b[index]!;
    if (x.exitCode === y.exitCode && x.stdout === y.stdout && x.stderr === y.stderr) return [];
    return [{ index, family: step.family, argv: step.argv, detail: `not deterministic:\n${JSON.stringify(x)}\n${JSON.stringify(y)}`, signature: `${step.family}: not deterministic` }];
  });
}
