// Compares the two engines' outputs of one sequence after drydock's own normalisation (IDs, names, times,
// host paths, table widths, unstable orders), command by command, and says which differences are allowed.

import type { CommandResult } from '../../engine/engine.js';
import { unifiedDiff } from '../../assertions/text-diff.js';
import { PairedNormalizer } from '../../runner/normalize/normalize-output.js';
import { allowedReason } from './allow-list.js';
import { dropIsolationArtifacts } from './isolation-artifacts.js';
import type { FuzzStep } from './model.js';

/** One command whose outputs differ. */
export interface Difference {
  index: number;
  family: string;
  argv: string[];
  /** a readable account: exit codes and unified diffs (sim -, docker +) */
  detail: string;
  /** a stable short key for grouping (family + the first changed line) */
  signature: string;
  /** set when the allow-list explains it */
  allowed?: string;
}

/** The differences between the simulator's (`sim`) and the real engine's (`real`) results of `steps`. */
export function compareRuns(steps: readonly FuzzStep[], sim: readonly CommandResult[], real: readonly CommandResult[], files: Record<string, string> = {}): Difference[] {
  const normalizer = new PairedNormalizer();
  const out: Difference[] = [];
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i]!;
    const a = sim[i];
    const b = real[i];
    if (a === undefined || b === undefined) continue;
    const context = { expected: { argv: step.argv }, actual: { argv: step.argv } };
    const so = normalizer.normalizePair(a.stdout, dropIsolationArtifacts(b.stdout), context);
    const se = normalizer.normalizePair(a.stderr, b.stderr, context);
    if (a.exitCode === b.exitCode && so.expected === so.actual && se.expected === se.actual) continue;
    const parts: string[] = [];
    let first = '';
    if (a.exitCode !== b.exitCode) {
      parts.push(`exit code: sim ${a.exitCode}, docker ${b.exitCode}`);
      first = `exit ${a.exitCode}/${b.exitCode}`;
    }
    for (const [name, pair] of [['stdout', so], ['stderr', se]] as const) {
      if (pair.expected === pair.actual) continue;
      const diff = unifiedDiff(pair.expected, pair.actual).replace('- expected\n+ actual', '- sim\n+ docker');
      parts.push(`${name}:\n${diff}`);
      if (first === '') first = `${name} ${diff.split('\n').slice(2).find((l) => /^[-+][^-+]/u.test(l)) ?? ''}`;
    }
    const diff: Difference = { index: i, family: step.family, argv: step.argv, detail: parts.join('\n'), signature: `${step.family}: ${first.replace(/h11c-[a-z]+\d+/gu, 'h11c-N').replace(/\s+/gu, ' ').slice(0, 140)}` };
    const reason = allowedReason({ steps: steps.slice(0, i + 1), files, sim: a, real: b, normalized: { sim: so.expected, real: so.actual } });
    if (reason !== undefined) diff.allowed = reason;
    out.push(diff);
  }
  return out;
}
