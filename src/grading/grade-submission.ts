// Grades one submission on a fresh engine: the exercise's setup and steps with the submission's commands where
// the `submission: true` marker stood, then every check, then teardown. Unlike a scenario run nothing stops at
// a failed step (the checks still give partial credit); only the time limit does, and it costs all the points.

import type { AssertionRegistry } from '../assertions/registry.js';
import type { CheckContext } from '../assertions/types.js';
import type { Engine } from '../engine/engine.js';
import type { CheckResult } from '../runner/result.js';
import { runCheck, skippedCheck } from '../runner/run-check.js';
import { runStep, skipStep, type StepState } from '../runner/run-step.js';
import { formatDuration } from '../scenario/duration.js';
import { SCENARIO_DIR, type CheckSpec, type DockerStep, type Scenario, type ScenarioFile, type Step } from '../scenario/model.js';
import { hasTemplate, parseTemplate } from '../scenario/template.js';
import { checkPoints, type Exercise } from './exercise.js';
import { GRADE_FORMAT, type ExerciseStepRef, type GradedCheck, type GradedStep, type SubmissionGrade } from './grade-result.js';
import { parseCommands, type Submission } from './submission.js';

/** What grading needs besides the exercise and the submission. */
export interface GradeOptions {
  /** a fresh engine with these files on its sandbox host */
  createEngine: (files: ScenarioFile[], exercise: Exercise) => Engine | Promise<Engine>;
  engineName: string;
  registry: AssertionRegistry;
}

/** The longest a check may take (a check reads state; it never runs the submission's code). */
const CHECK_TIMEOUT_MS = 10_000;

/** The submission's files as sandbox files in the scenario directory, after the exercise's own (they win). */
function sandboxFiles(exercise: Exercise, submission: Submission): ScenarioFile[] {
  const byPath = new Map(exercise.scenario.files.map((f) => [f.path, f]));
  for (const f of submission.files) byPath.set(`${SCENARIO_DIR}/${f.name}`, { path: `${SCENARIO_DIR}/${f.name}`, content: f.content, mode: f.mode });
  return [...byPath.values()];
}

/** The submission's commands as docker steps, positioned in its commands file. */
function submissionSteps(submission: Submission, exercise: Exercise): { steps: DockerStep[]; problems: SubmissionGrade['problems'] } {
  const { commands, problems } = parseCommands(submission.commands ?? '', submission.commandsFile);
  const steps = commands.map(
    (c, index): DockerStep => ({
      phase: 'steps',
      index,
      kind: 'docker',
      words: c.words,
      // A student's text is never a template: `${{ }}` in it is passed to docker as typed.
      templated: false,
      title: c.text.replace(/\s+/g, ' '),
      expect: { exitCode: 0 },
      expectTemplated: false,
      capture: [],
      timeoutMs: exercise.timeLimitMs,
      location: { file: submission.commandsFile, line: c.line, col: 1 },
    }),
  );
  return { steps, problems };
}

/** The exercise's steps a check's spec reads: through `${{ steps.NAME.… }}`, or `${{ vars.X }}` a step captured. */
function stepsRead(check: CheckSpec, scenario: Scenario): ExerciseStepRef[] {
  if (!check.templated) return [];
  const names = new Set<string>();
  const vars = new Set<string>();
  const walk = (v: unknown): void => {
    if (typeof v === 'string') {
      if (!hasTemplate(v)) return;
      try {
        for (const part of parseTemplate(v)) {
          if (typeof part === 'string') continue;
          if (part.ref.scope === 'steps') names.add(part.ref.name);
          else if (part.ref.scope === 'vars') vars.add(part.ref.name);
        }
      } catch {
        // Loading already reported a bad template; the check then fails with it, and reads nothing.
      }
    } else if (Array.isArray(v)) v.forEach(walk);
    else if (v !== null && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(check.spec);
  const all = [...scenario.setup, ...scenario.steps, ...scenario.teardown];
  return all.filter((s) => (s.name !== undefined && names.has(s.name)) || s.capture.some(([name]) => vars.has(name))).map((s) => ({ phase: s.phase, index: s.index }));
}

function graded(check: CheckSpec, r: CheckResult, scenario: Scenario): GradedCheck {
  const points = checkPoints(check);
  const g: GradedCheck = { ...r, points, earned: r.status === 'passed' ? points : 0, visibility: check.visibility ?? 'visible' };
  if (check.hint !== undefined) g.hint = check.hint;
  const reads = stepsRead(check, scenario);
  if (reads.length > 0) g.reads = reads;
  if (check.skip !== undefined) g.skippedByExercise = true;
  return g;
}

/** Sum of points without floating-point dust (0.1 + 0.2 is 0.3). */
function total(values: number[]): number {
  return Math.round(values.reduce((a, b) => a + b, 0) * 1000) / 1000;
}

/** A grade before anything ran: who, what, on which engine; no steps, no checks, no points yet. */
function emptyGrade(exercise: Exercise, submission: Submission, id: string, fingerprint: string, engine: string, status: SubmissionGrade['status']): SubmissionGrade {
  const scenario = exercise.scenario;
  return {
    format: GRADE_FORMAT,
    student: submission.student,
    id,
    submission: submission.path,
    exercise: { file: scenario.file, name: scenario.name, title: exercise.title },
    engine,
    startedAt: new Date().toISOString(),
    durationMs: 0,
    status,
    score: 0,
    maxScore: exercise.maxScore,
    steps: [],
    checks: [],
    problems: [...submission.problems],
    fingerprint,
  };
}

/** A grade for a submission that was not (fully) graded: no steps, every check not run, no points. */
export function ungraded(exercise: Exercise, submission: Submission, id: string, fingerprint: string, status: 'timeout' | 'error', message: string, registry: AssertionRegistry): SubmissionGrade {
  const grade = emptyGrade(exercise, submission, id, fingerprint, 'sim', status);
  grade.checks = exercise.scenario.checks.map((c) => graded(c, skippedCheck(c, registry, `not run: ${message}`), exercise.scenario));
  grade.error = message;
  return grade;
}

/** Grades one submission; never throws (an unexpected failure is a grade with status `error`). */
export async function gradeSubmission(exercise: Exercise, submission: Submission, id: string, fingerprint: string, options: GradeOptions): Promise<SubmissionGrade> {
  const scenario = exercise.scenario;
  const started = performance.now();
  const grade = emptyGrade(exercise, submission, id, fingerprint, options.engineName, 'graded');
  const notRun = (reason: string) => scenario.checks.map((c) => graded(c, skippedCheck(c, options.registry, reason), scenario));
  const finish = (): SubmissionGrade => {
    grade.durationMs = performance.now() - started;
    grade.score = grade.status === 'graded' ? total(grade.checks.map((c) => c.earned)) : 0;
    return grade;
  };
  if (submission.notGraded !== undefined) {
    grade.status = 'rejected';
    grade.error = `not graded: ${submission.notGraded}`;
    grade.checks = notRun('not run: the entry is not a submission');
    return finish();
  }
  if (submission.commands === undefined) {
    grade.status = 'rejected';
    grade.error = `no ${submission.commandsFile}: a submission is a folder with commands.sh, or a .sh file`;
    grade.checks = notRun('not run: the submission has no commands');
    return finish();
  }
  const own = submissionSteps(submission, exercise);
  grade.problems.push(...own.problems);
  let engine: Engine;
  try {
    engine = await options.createEngine(sandboxFiles(exercise, submission), exercise);
  } catch (e) {
    grade.status = 'error';
    grade.error = `the engine could not start: ${e instanceof Error ? e.message : String(e)}`;
    grade.checks = notRun('not run: the engine could not start');
    return finish();
  }
  try {
    const deadline = started + exercise.timeLimitMs;
    const state: StepState = { steps: new Map(), vars: new Map(scenario.vars), env: scenario.env };
    const outOfTime = `not run: the submission ran past its time limit (${formatDuration(exercise.timeLimitMs)})`;
    const run = async (step: Step, origin: GradedStep['origin']): Promise<void> => {
      const left = deadline - performance.now();
      if (left <= 0 && step.phase !== 'teardown') grade.status = 'timeout';
      const r = grade.status === 'timeout' && step.phase !== 'teardown' ? skipStep(step, outOfTime) : await runStep(step.phase === 'teardown' ? step : { ...step, timeoutMs: Math.max(1, Math.min(step.timeoutMs, left)) }, engine, state);
      grade.steps.push({ ...r, origin });
      // A step the time limit cut short (the real engine's steps can be) ends the run too.
      if (step.phase !== 'teardown' && performance.now() > deadline) grade.status = 'timeout';
    };
    const before = scenario.steps.slice(0, exercise.submissionAt);
    const after = scenario.steps.slice(exercise.submissionAt);
    for (const step of [...scenario.setup, ...before]) await run(step, 'exercise');
    for (const step of own.steps) await run(step, 'submission');
    for (const step of after) await run(step, 'exercise');
    if (grade.status === 'timeout') {
      grade.error = `ran past its time limit of ${formatDuration(exercise.timeLimitMs)}: no points`;
      grade.checks = notRun(outOfTime);
    } else {
      const ctx: CheckContext = { engine, hostDir: SCENARIO_DIR };
      for (const check of scenario.checks) grade.checks.push(graded(check, await runCheck(check, ctx, state, options.registry, CHECK_TIMEOUT_MS), scenario));
    }
    for (const step of scenario.teardown) await run(step, 'exercise');
  } catch (e) {
    grade.status = 'error';
    grade.error = `grading failed: ${e instanceof Error ? e.message : String(e)}`;
    if (grade.checks.length < scenario.checks.length) grade.checks = notRun('not run: grading failed');
  } finally {
    try {
      await engine.dispose();
    } catch {
      // The grade stands; a leftover is the engine's cleanup to report.
    }
  }
  return finish();
}
