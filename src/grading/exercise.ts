// An exercise is a scenario with a `submission: true` step (where a submission's commands go) and checks worth
// points. This loads one and settles its grading limits and each check's worth.

import { createHash } from 'node:crypto';
import { readFailureReason } from '../errors/read-failure.js';
import { readFile } from 'node:fs/promises';
import { loadScenario } from '../scenario/load.js';
import type { ScenarioProblem } from '../scenario/problem.js';
import type { CheckSpec, Scenario } from '../scenario/model.js';

/** Limits of a submission's run when the exercise does not set them. */
const GRADING_DEFAULTS = { timeLimitMs: 20_000, stepBudget: 100_000 };

/** An exercise ready to grade. */
export interface Exercise {
  scenario: Scenario;
  title: string;
  maxScore: number;
  timeLimitMs: number;
  stepBudget: number;
  /** where a submission's steps go in `scenario.steps` */
  submissionAt: number;
  /** sha256 of the exercise file, part of every grade's fingerprint */
  hash: string;
}

/** A check's points (default 1). */
export function checkPoints(check: CheckSpec): number {
  return check.points ?? 1;
}

/** The exercise in a scenario, or why the scenario is not one. */
export function toExercise(scenario: Scenario, hash = ''): { ok: true; exercise: Exercise } | { ok: false; message: string } {
  if (scenario.submissionAt === undefined) {
    return { ok: false, message: `${scenario.file}: not an exercise: its \`steps\` need a \`- submission: true\` item where a submission's commands go` };
  }
  const total = scenario.checks.filter((c) => c.skip === undefined).reduce((sum, c) => sum + checkPoints(c), 0);
  const e = scenario.exercise;
  return {
    ok: true,
    exercise: {
      scenario,
      title: e?.title ?? scenario.name,
      maxScore: e?.maxScore ?? total,
      timeLimitMs: e?.timeLimitMs ?? GRADING_DEFAULTS.timeLimitMs,
      stepBudget: e?.stepBudget ?? GRADING_DEFAULTS.stepBudget,
      submissionAt: scenario.submissionAt,
      hash,
    },
  };
}

/** Reads an exercise file: the exercise, or the problems of its file (positioned), or why it is not one. */
export async function loadExercise(path: string, display: string = path): Promise<{ ok: true; exercise: Exercise } | { ok: false; problems: ScenarioProblem[]; message?: string }> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (e) {
    const message = `cannot read the file: ${readFailureReason(e)}`;
    return { ok: false, problems: [{ code: 'FILE_UNREADABLE', message, file: display, start: { line: 1, col: 1 }, path: [] }] };
  }
  const loaded = loadScenario(bytes, display);
  if (!loaded.ok) return { ok: false, problems: loaded.problems };
  const made = toExercise(loaded.scenario, createHash('sha256').update(bytes).digest('hex'));
  return made.ok ? made : { ok: false, problems: [], message: made.message };
}
