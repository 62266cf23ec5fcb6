// Until `drydock grade` exists: turns an exercise and one submission folder into a plain scenario (the
// submission's docker lines spliced in at `- submission: true`, its files in the working directory, every
// submitted line allowed to fail without stopping the checks) and scores the checks' points.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse, stringify } from 'yaml';
import { builtinAssertions } from '../../src/assertions/registry.js';
import { runScenario } from '../../src/runner/run-scenario.js';
import { createScenarioSimEngine } from '../../src/runner/sim-engine.js';
import { checkDockerLine } from '../../src/scenario/docker-line.js';
import { loadScenario } from '../../src/scenario/load.js';

type Obj = Record<string, unknown>;

/** The docker command lines of a commands.sh: comments dropped, `\` continuations joined, `docker ` removed. */
export function commandLines(text: string): string[] {
  const joined = text.replace(/\\\r?\n/g, ' ');
  const lines: string[] = [];
  for (const raw of joined.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    if (!/^docker\s/.test(line)) throw new Error(`not a docker command: ${line}`);
    lines.push(line.replace(/^docker\s+/, ''));
  }
  return lines;
}

function filesOf(dir: string, root = dir): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) Object.assign(out, filesOf(path, root));
    else if (relative(root, path) !== 'commands.sh') out[relative(root, path)] = readFileSync(path, 'utf8');
  }
  return out;
}

/** One check's grading data. */
export interface GradedCheck {
  title: string;
  points: number;
  hint?: string;
  passed: boolean;
}

/** A submission's score. */
export interface Score {
  points: number;
  max: number;
  checks: GradedCheck[];
  /** the submitted lines that failed (exit code ≠ 0), as a student would see them */
  failedLines: string[];
}

/** The scenario text for an exercise and a submission folder. */
export function submissionScenario(exerciseFile: string, submissionDir: string): { text: string; grading: { points: number; hint?: string }[] } {
  const data = parse(readFileSync(exerciseFile, 'utf8')) as Obj;
  const lines = commandLines(readFileSync(join(submissionDir, 'commands.sh'), 'utf8'));
  const submitted = lines.map((line) =>
    // A line docker itself would refuse (unknown flag, missing argument) would stop the loader; it does nothing
    // but fail, so it becomes a failing host step.
    checkDockerLine(line).problems.length === 0
      ? { docker: line, expect: { exitCode: { exists: true } } }
      : { host: `echo ${JSON.stringify(`docker ${line}: rejected by the docker CLI`)} >&2; exit 125`, expect: { exitCode: { exists: true } } },
  );
  const steps = (data.steps as Obj[]).flatMap((s) => (s.submission === true ? submitted : [s]));
  const grading: { points: number; hint?: string }[] = [];
  const checks = ((data.checks as Obj[] | undefined) ?? []).map((c) => {
    const { points, hint, visibility, ...rest } = c;
    void visibility;
    grading.push({ points: Number(points ?? 0), ...(typeof hint === 'string' ? { hint } : {}) });
    return rest;
  });
  const { exercise, ...scenario } = data;
  void exercise;
  const files = { ...((data.files as Obj | undefined) ?? {}), ...filesOf(submissionDir) };
  return { text: stringify({ ...scenario, files, steps, checks }), grading };
}

/** Runs a submission on the simulator and scores it. */
export async function gradeOnSimulator(exerciseFile: string, submissionDir: string): Promise<Score> {
  const { text, grading } = submissionScenario(exerciseFile, submissionDir);
  const loaded = loadScenario(text, `${relative(process.cwd(), submissionDir)}`);
  if (!loaded.ok) throw new Error(loaded.problems.map((p) => `${p.message} at ${p.start.line}:${p.start.col}`).join('\n'));
  const result = await runScenario(loaded.scenario, { createEngine: createScenarioSimEngine, registry: builtinAssertions() });
  const checks = result.checks.map((c, i): GradedCheck => {
    const g = grading[i] ?? { points: 0 };
    return { title: c.title, points: g.points, passed: c.status === 'passed', ...(g.hint ? { hint: g.hint } : {}) };
  });
  const failedLines = result.steps.filter((s) => s.exitCode !== 0).map((s) => (Array.isArray(s.command) ? `docker ${s.command.join(' ')}` : s.title));
  return {
    points: checks.filter((c) => c.passed).reduce((sum, c) => sum + c.points, 0),
    max: checks.reduce((sum, c) => sum + c.points, 0),
    checks,
    failedLines,
  };
}
