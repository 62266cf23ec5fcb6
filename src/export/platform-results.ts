// A graded submission in the results format of each course platform drydock exports to, and the results file
// each one gets when there is no grade at all (the exercise did not load, drydock failed): a platform must
// always find a results file that says what went wrong, never an empty page. Gradescope's format is the one
// `drydock grade` already writes (reporters/gradescope); PrairieLearn's and GitHub Classroom's are here.
//   PrairieLearn: https://prairielearn.readthedocs.io/en/latest/externalGrading/ (`/grade/results/results.json`)
//   GitHub Classroom: the result a grader action hands classroom-resources/autograding-grading-reporter
//   (base64 JSON in `<RUNNER>_RESULTS`; https://github.com/classroom-resources/autograding-grading-reporter)

import type { GradedStep, SubmissionGrade } from '../grading/grade-result.js';
import { checkFeedback, gradescopeResults, type GradescopeResults } from '../reporters/gradescope/gradescope-results.js';

/** The platforms drydock exports to. */
export const PLATFORMS = ['gradescope', 'prairielearn', 'github-classroom'] as const;
export type Platform = (typeof PLATFORMS)[number];

/** One PrairieLearn test, as `<pl-external-grader-results>` renders it. */
export interface PrairieLearnTest {
  name: string;
  description?: string;
  points: number;
  max_points: number;
  message?: string;
  output?: string;
}

/** PrairieLearn's results.json. */
export interface PrairieLearnResults {
  gradable: boolean;
  score: number;
  message: string;
  output?: string;
  format_errors?: string[];
  tests?: PrairieLearnTest[];
}

/** One test in a GitHub Classroom grader result. */
export interface ClassroomTest {
  name: string;
  status: 'pass' | 'fail' | 'error';
  score: number;
  message: string;
  execution_time?: string;
}

/** What a GitHub Classroom grader action outputs (before base64) for the grading reporter. */
export interface ClassroomResult {
  version: 1;
  status: 'pass' | 'fail' | 'error';
  max_score: number;
  tests: ClassroomTest[];
}

/** PrairieLearn caps results.json at 1 MB; each text stays far below it. */
const TEXT_LIMIT = 8000;

function clip(text: string, limit = TEXT_LIMIT): string {
  return text.length > limit ? `${text.slice(0, limit)}\n… (${text.length - limit} more characters)` : text;
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

/** The student's own commands as they ran: what each printed and how it ended. */
function transcript(steps: readonly GradedStep[]): string {
  const lines: string[] = [];
  for (const s of steps) {
    if (s.origin !== 'submission') continue;
    lines.push(`$ ${s.title}`);
    if (s.stdout) lines.push(clip(s.stdout.trimEnd(), 2000));
    if (s.stderr) lines.push(clip(s.stderr.trimEnd(), 2000));
    lines.push(s.status === 'skipped' ? `[${s.skipReason ?? 'skipped'}]` : `[exit ${s.exitCode ?? '?'}]`);
  }
  return clip(lines.join('\n') || '(no commands ran)');
}

function headline(g: SubmissionGrade): string {
  const lines = [g.exercise.title];
  if (g.error) lines.push(g.error);
  for (const p of g.problems) lines.push(`${p.location.file}:${p.location.line}: ${p.message}`);
  return lines.join('\n');
}

/**
 * PrairieLearn shows every test to the student and has no per-test visibility, so the checks a student may not
 * see (hidden, and after_due_date: PrairieLearn's results cannot be revealed later) are one line together:
 * their points are in the score anyway, which the student sees.
 */
function prairieLearnResults(g: SubmissionGrade): PrairieLearnResults {
  if (g.status === 'rejected' || g.status === 'error') {
    // Not the student's fault, or nothing to grade: PrairieLearn then charges no attempt.
    const why = g.error ?? 'the submission could not be graded';
    return { gradable: false, score: 0, message: clip(`${g.exercise.title}: ${why}`), format_errors: [clip(why)] };
  }
  const tests: PrairieLearnTest[] = [];
  let withheld = { count: 0, points: 0, max: 0 };
  for (const c of g.checks) {
    if (c.skippedByExercise) continue;
    if (c.visibility !== 'visible') {
      withheld = { count: withheld.count + 1, points: withheld.points + c.earned, max: withheld.max + c.points };
      continue;
    }
    const message = checkFeedback(c);
    tests.push({ name: c.title, points: c.earned, max_points: c.points, ...(message ? { message } : {}) });
  }
  if (withheld.count > 0) tests.push({ name: `Checks not shown (${withheld.count})`, description: 'Checks whose details are not shown to students.', points: round(withheld.points), max_points: round(withheld.max) });
  const score = g.maxScore > 0 ? Math.min(1, Math.max(0, g.score / g.maxScore)) : 0;
  return { gradable: true, score, message: clip(`${headline(g)}\n${g.score} / ${g.maxScore} points`), output: transcript(g.steps), tests };
}

/** The grading reporter adds up `tests[].score` against `max_score`; a check the student may not see keeps only its worth. */
function classroomResult(g: SubmissionGrade): ClassroomResult {
  const graded = g.status === 'graded';
  let hidden = 0;
  const tests = g.checks
    .filter((c) => !c.skippedByExercise)
    .map((c): ClassroomTest => {
      const status = !graded ? 'error' : c.status === 'passed' ? 'pass' : 'fail';
      if (c.visibility !== 'visible') return { name: `Hidden check ${++hidden} (${c.points} point${c.points === 1 ? '' : 's'})`, status, score: c.earned, message: '' };
      return { name: c.title, status, score: c.earned, message: graded ? checkFeedback(c) : (g.error ?? 'not graded') };
    });
  const status = !graded ? 'error' : g.score >= g.maxScore ? 'pass' : 'fail';
  return { version: 1, status, max_score: g.maxScore, tests };
}

/** The grade in `platform`'s format. */
export function platformResults(platform: Platform, g: SubmissionGrade): (GradescopeResults & { output_format?: string; test_output_format?: string; test_name_format?: string }) | PrairieLearnResults | ClassroomResult {
  // Shown as plain text: a student's `<script>` in a name or an output stays text on Gradescope's page.
  if (platform === 'gradescope') return { ...gradescopeResults(g), output_format: 'text', test_output_format: 'text', test_name_format: 'text' };
  if (platform === 'prairielearn') return prairieLearnResults(g);
  return classroomResult(g);
}

/** The results file when there is no grade: no points, and what went wrong, in words a student can pass on. */
export function failureResults(platform: Platform, message: string, maxScore = 0): GradescopeResults | PrairieLearnResults | ClassroomResult {
  const text = clip(`The autograder could not grade this submission: ${message}`);
  if (platform === 'gradescope') return { score: 0, execution_time: 0, output: text, stdout_visibility: 'hidden', tests: [] };
  if (platform === 'prairielearn') return { gradable: false, score: 0, message: text, format_errors: [text] };
  return { version: 1, status: 'error', max_score: maxScore, tests: [{ name: 'drydock', status: 'error', score: 0, message: text }] };
}
