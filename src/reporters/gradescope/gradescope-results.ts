// Gradescope's autograder results.json for one submission
// (https://gradescope-autograders.readthedocs.io/en/latest/specs/): a test per check with its score, status,
// visibility and output (the failures and the hint), and the submission's own transcript as the overall output.
// A check's `visibility` is passed on as it is (drydock's three values are Gradescope's own names), and Gradescope
// decides what a student sees: a `hidden` test never, an `after_due_date` one after the due date. So nothing
// a student always sees, the overall output, may tell of those: it holds no score (a total with hidden points in
// it would give away how the hidden tests went; Gradescope shows the score itself).

import type { GradedCheck, GradedStep, SubmissionGrade } from '../../grading/grade-result.js';

/** One Gradescope test. */
export interface GradescopeTest {
  name: string;
  number: string;
  score: number;
  max_score: number;
  status: 'passed' | 'failed';
  output: string;
  visibility: string;
}

/** The results.json document. */
export interface GradescopeResults {
  score: number;
  execution_time: number;
  output: string;
  stdout_visibility: 'hidden' | 'visible';
  tests: GradescopeTest[];
}

const LIMIT = 4000;

function clip(text: string): string {
  return text.length > LIMIT ? `${text.slice(0, LIMIT)}\n… (${text.length - LIMIT} more characters)` : text;
}

function show(v: unknown): string {
  return typeof v === 'string' ? v : JSON.stringify(v, null, 2) ?? String(v);
}

/** What a failed check tells the student: its failures, expected and actual values, and the hint (every platform's export says the same). */
export function checkFeedback(c: GradedCheck): string {
  if (c.status === 'passed') return '';
  const out: string[] = [];
  if (c.skipReason) out.push(c.skipReason);
  for (const f of c.failures) {
    out.push(f.message);
    if (f.expected !== undefined) out.push(`expected: ${show(f.expected)}`);
    if (f.actual !== undefined) out.push(`actual:   ${show(f.actual)}`);
  }
  if (c.hint) out.push(`Hint: ${c.hint}`);
  return clip(out.join('\n'));
}

function transcript(steps: readonly GradedStep[]): string {
  return steps
    .filter((s) => s.origin === 'submission')
    .map((s) => {
      const lines = [`$ ${s.title}    # ${s.location.file}:${s.location.line}`];
      if (s.stdout) lines.push(s.stdout.trimEnd());
      if (s.stderr) lines.push(s.stderr.trimEnd());
      lines.push(s.status === 'skipped' ? `[${s.skipReason ?? 'skipped'}]` : `[exit ${s.exitCode ?? '?'}]`);
      return lines.join('\n');
    })
    .join('\n');
}

/** The results.json content for one graded submission. */
export function gradescopeResults(g: SubmissionGrade): GradescopeResults {
  const head = [`${g.exercise.title} (${g.status}, ${g.engine} engine)`];
  if (g.error) head.push(g.error);
  for (const p of g.problems) head.push(`${p.location.file}:${p.location.line}: ${p.message}`);
  return {
    score: g.score,
    execution_time: Math.round(g.durationMs / 1000),
    output: clip(`${head.join('\n')}\n\nYour commands:\n${transcript(g.steps) || '(none)'}`),
    stdout_visibility: 'hidden',
    tests: g.checks.map((c) => ({
      name: c.title,
      number: String(c.index + 1),
      score: c.earned,
      max_score: c.points,
      status: c.status === 'passed' ? 'passed' : 'failed',
      output: checkFeedback(c),
      visibility: c.visibility,
    })),
  };
}
