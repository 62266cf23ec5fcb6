// The fuzz runner: spreads inputs over the registered targets, records every internal error (a thrown error
// that is not drydock's own answer) with the seed and index that reproduce it, and the slowest inputs.

import { Rng } from '../../src/cli/fuzz-diff/rng.js';
import { fuzzTargets, registerFuzzTarget, type FuzzTarget } from './target.js';
import { randomArchive } from './targets/archive-bytes.js';
import { archiveTarget, dockerArgvTarget, goTemplateTarget } from './targets/docker-argv.js';
import { scenarioFileTarget } from './targets/scenario-file.js';
import { stateDirTarget } from './targets/state-dir.js';

/** One internal error: where, the input, the error. */
export interface FuzzFinding {
  target: string;
  seed: number;
  index: number;
  input: string;
  error: string;
}

/** What a run did. */
export interface FuzzReport {
  inputs: number;
  perTarget: Record<string, number>;
  findings: FuzzFinding[];
  slowest: { target: string; ms: number; input: string } | undefined;
  /** inputs that took over a second (a limit that does not hold, or a slow path) */
  slow: Array<{ target: string; index: number; ms: number; input: string }>;
  ms: number;
}

/** Registers drydock's own targets (others add theirs with registerFuzzTarget before calling runFuzz). */
export function registerDefaultTargets(scenarioDir: string): void {
  registerFuzzTarget(dockerArgvTarget());
  registerFuzzTarget(goTemplateTarget());
  registerFuzzTarget(scenarioFileTarget(scenarioDir));
  registerFuzzTarget(archiveTarget(randomArchive));
  registerFuzzTarget(stateDirTarget());
}

/** Options of a run. */
export interface FuzzOptions {
  seed: number;
  inputs: number;
  /** only these targets (default: all registered) */
  only?: readonly string[];
  /** reset a target's state every so many of its inputs */
  resetEvery?: number;
  onProgress?: (done: number) => void;
}

/** Feeds `inputs` inputs round-robin to the targets; never throws for a target's failure. */
export async function runFuzz(options: FuzzOptions): Promise<FuzzReport> {
  const targets: FuzzTarget<unknown>[] = fuzzTargets().filter((t) => options.only === undefined || options.only.includes(t.name));
  if (targets.length === 0) throw new Error('no fuzz target selected');
  const report: FuzzReport = { inputs: 0, perTarget: {}, findings: [], slowest: undefined, slow: [], ms: 0 };
  const started = Date.now();
  const resetEvery = options.resetEvery ?? 150;
  for (let index = 0; index < options.inputs; index++) {
    const target = targets[index % targets.length]!;
    const count = (report.perTarget[target.name] = (report.perTarget[target.name] ?? 0) + 1);
    if (count % resetEvery === 0) target.reset?.();
    // each input has its own generator: seed and index alone reproduce it
    const rng = new Rng((options.seed * 1_000_003 + index) >>> 0);
    const input = target.generate(rng);
    const t0 = Date.now();
    try {
      await target.run(input);
    } catch (error) {
      const e = error as Error;
      report.findings.push({ target: target.name, seed: options.seed, index, input: target.show(input), error: `${e?.name}: ${e?.message}\n${(e?.stack ?? '').split('\n').slice(1, 6).join('\n')}` });
      target.reset?.(); // the state may be half-changed
    }
    const ms = Date.now() - t0;
    if (ms > 1000) report.slow.push({ target: target.name, index, ms, input: target.show(input) });
    if (report.slowest === undefined || ms > report.slowest.ms) report.slowest = { target: target.name, ms, input: target.show(input) };
    report.inputs++;
    if (index % 1000 === 999) options.onProgress?.(index + 1);
  }
  report.ms = Date.now() - started;
  return report;
}
