// `--engine both`: one scenario's result on the simulator beside its result on a real engine. Every step's exit
// code and normalised stdout/stderr, and every check's status and observed values, must be the same; what
// differs is listed with a side-by-side diff, and the counts give the run's fidelity figure.

import { unifiedDiff } from '../../assertions/text-diff.js';
import { PairedNormalizer } from '../normalize/normalize-output.js';
import type { CheckResult, ScenarioResult, StepResult } from '../result.js';

/** One thing that came out differently. */
export interface Difference {
  /** `step 3 docker run …`, `check 1 file …` */
  where: string;
  field: 'status' | 'exitCode' | 'stdout' | 'stderr' | 'observed';
  sim: string;
  docker: string;
  /** unified diff, simulator as `-`, real engine as `+` */
  diff: string;
}

/** The two runs of one scenario and how far they agree. */
export interface ScenarioComparison {
  sim: ScenarioResult;
  docker: ScenarioResult;
  /** steps and checks that came out the same */
  identical: number;
  /** steps and checks compared */
  total: number;
  differences: Difference[];
}

/** Compares the two results of one scenario. */
export function compareResults(sim: ScenarioResult, docker: ScenarioResult): ScenarioComparison {
  const normalizer = new PairedNormalizer();
  const differences: Difference[] = [];
  let identical = 0;
  let total = 0;
  const stepKey = (s: StepResult) => `${s.phase}:${s.index}`;
  const realSteps = new Map(docker.steps.map((s) => [stepKey(s), s]));
  const simSteps = new Map(sim.steps.map((s) => [stepKey(s), s]));
  for (const key of new Set([...simSteps.keys(), ...realSteps.keys()])) {
    const a = simSteps.get(key);
    const b = realSteps.get(key);
    if (a?.status === 'skipped' && b?.status === 'skipped') continue;
    total++;
    const found = stepDifferences(a, b, normalizer);
    if (found.length === 0) identical++;
    differences.push(...found);
  }
  const realChecks = new Map(docker.checks.map((c) => [c.index, c]));
  const simChecks = new Map(sim.checks.map((c) => [c.index, c]));
  for (const index of new Set([...simChecks.keys(), ...realChecks.keys()])) {
    const a = simChecks.get(index);
    const b = realChecks.get(index);
    if (a?.status === 'skipped' && b?.status === 'skipped') continue;
    total++;
    const found = checkDifferences(a, b, normalizer);
    if (found.length === 0) identical++;
    differences.push(...found);
  }
  return { sim, docker, identical, total, differences };
}

function stepDifferences(a: StepResult | undefined, b: StepResult | undefined, normalizer: PairedNormalizer): Difference[] {
  const step = (a ?? b)!;
  const where = `${step.phase === 'steps' ? 'step' : step.phase} ${step.index + 1}: ${step.title}`;
  if (a === undefined || b === undefined) return [difference(where, 'status', a ? a.status : 'not run', b ? b.status : 'not run')];
  const out: Difference[] = [];
  if (a.status === 'skipped' || b.status === 'skipped') return [difference(where, 'status', a.status, b.status)];
  if (a.exitCode !== b.exitCode) out.push(difference(where, 'exitCode', String(a.exitCode ?? '-'), String(b.exitCode ?? '-')));
  const argv = Array.isArray(a.command) ? a.command : undefined;
  const context = argv ? { expected: { argv }, actual: { argv } } : {};
  const stdout = normalizer.normalizePair(a.stdout, b.stdout, context);
  if (stdout.expected !== stdout.actual) out.push(difference(where, 'stdout', stdout.expected, stdout.actual));
  const stderr = normalizer.normalizePair(a.stderr, b.stderr, context);
  if (stderr.expected !== stderr.actual) out.push(difference(where, 'stderr', stderr.expected, stderr.actual));
  if (out.length === 0 && a.status !== b.status) {
    // same output, different verdict: a timeout or an engine error on one side
    out.push(difference(where, 'status', `${a.status} ${messages(a.failures)}`, `${b.status} ${messages(b.failures)}`));
  }
  return out;
}

function checkDifferences(a: CheckResult | undefined, b: CheckResult | undefined, normalizer: PairedNormalizer): Difference[] {
  const check = (a ?? b)!;
  const where = `check ${check.index + 1}: ${check.title}`;
  if (a === undefined || b === undefined) return [difference(where, 'status', a ? a.status : 'not run', b ? b.status : 'not run')];
  if (a.status !== b.status) return [difference(where, 'status', `${a.status}${observed(a)}`, `${b.status}${observed(b)}`)];
  const pair = normalizer.normalizePair(observed(a), observed(b));
  return pair.expected === pair.actual ? [] : [difference(where, 'observed', pair.expected, pair.actual)];
}

// what a check saw, as far as its result tells: the failures' messages and actual values
function observed(c: CheckResult): string {
  if (c.failures.length === 0) return '';
  return `\n${c.failures.map((f) => `${f.message}${'actual' in f ? `\nactual: ${JSON.stringify(f.actual)}` : ''}`).join('\n')}`;
}

function messages(failures: readonly { message: string }[]): string {
  return failures.map((f) => f.message).join('; ');
}

function difference(where: string, field: Difference['field'], sim: string, docker: string): Difference {
  const diff = unifiedDiff(sim, docker).replace('- expected\n+ actual', '- sim\n+ docker');
  return { where, field, sim, docker, diff };
}
