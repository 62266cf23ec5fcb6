// `drydock check <exercise> [submission]`: a student's self-check before handing in. It grades on the
// simulator and shows what the student's page would: the visible checks with their points, failures and
// hints, and only how many points are in the checks not shown (studentCopy withholds them, as for the page
// `drydock grade` writes). Prints, or writes the student's page with --html.

import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { builtinAssertions } from '../assertions/registry.js';
import { loadExerciseSource } from '../export/exercise-source.js';
import { gradeSubmission } from '../grading/grade-submission.js';
import { simGradingEngine } from '../grading/grading-engines.js';
import { studentCopy } from '../grading/student-copy.js';
import { readSubmission } from '../grading/submission.js';
import { renderStudentPage } from '../reporters/html/render.js';
import { EXIT, type CliIo } from './io.js';
import { parseCommandArgs } from './parse-command-args.js';
import { UsageError } from './usage-error.js';

/** `drydock check --help`. */
const CHECK_USAGE = `Usage: drydock check <exercise> [submission] [options]

Checks your submission before you hand it in: runs it on drydock's simulator and prints the visible checks,
with their points, what failed and the hints. Hidden checks are not shown (only how many points they hold).

Arguments:
  <exercise>          the exercise.yaml, or its folder
  [submission]        your folder with commands.sh, or a .sh file (default: .)

Options:
      --html FILE     also write your page (as the grader shows it) to FILE
  -h, --help          show this help

Example:
  drydock check .drydock/exercise.yaml submission

Exit codes: 0 every visible check passed, 1 some did not, 2 bad usage or exercise.
`;

function show(v: unknown): string {
  return typeof v === 'string' ? JSON.stringify(v) : (JSON.stringify(v) ?? String(v));
}

/** Runs `drydock check`; returns the exit code. */
export async function checkCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseCommandArgs('check', argv, { html: { type: 'string' } }, { maxPositionals: 2 });
  if (parsed.help) {
    io.stdout(CHECK_USAGE);
    return EXIT.ok;
  }
  const [exercisePath, submissionPath = '.'] = parsed.positionals;
  if (exercisePath === undefined) throw new UsageError('needs the exercise (its exercise.yaml or folder)', 'check');
  const loaded = await loadExerciseSource(resolve(io.cwd, exercisePath), exercisePath);
  if (!loaded.ok) {
    io.stderr(`${loaded.message}\n`);
    return EXIT.usage;
  }
  let submission;
  try {
    submission = await readSubmission(resolve(io.cwd, submissionPath), submissionPath);
  } catch {
    io.stderr(`drydock check: ${submissionPath}: no such submission (a folder with commands.sh, or a .sh file)\n`);
    return EXIT.usage;
  }
  const grade = await gradeSubmission(loaded.source.exercise, submission, submission.student, '', { createEngine: simGradingEngine, engineName: 'sim', registry: builtinAssertions() });
  const copy = studentCopy(grade, false);
  const g = copy.grade;
  const out: string[] = [`${g.exercise.title}: ${g.score} / ${g.maxScore} points on the checks shown${copy.withheldPoints > 0 ? ` (${copy.withheldPoints} more in ${copy.withheld.length} check${copy.withheld.length === 1 ? '' : 's'} not shown)` : ''}`];
  if (g.error) out.push(`  ${g.error}`);
  for (const p of g.problems) out.push(`  ${p.location.file}:${p.location.line}: ${p.message}`);
  for (const s of g.steps) if (s.origin === 'submission' && s.status !== 'passed') out.push(`  ${s.location.file}:${s.location.line}: \`${s.title}\` ${s.exitCode !== undefined ? `exited ${s.exitCode}` : s.status}${s.stderr ? `: ${s.stderr.trim().split('\n')[0]}` : ''}`);
  let allPassed = g.status === 'graded';
  for (const c of g.checks) {
    if (c.skippedByExercise) continue;
    const passed = c.status === 'passed';
    if (!passed) allPassed = false;
    out.push(`${passed ? '✓' : '✗'} ${c.title} (${c.earned}/${c.points})`);
    if (passed) continue;
    for (const f of c.failures) {
      out.push(`    ${f.message}`);
      if (f.expected !== undefined) out.push(`    expected: ${show(f.expected)}`);
      if (f.actual !== undefined) out.push(`    actual:   ${show(f.actual)}`);
    }
    if (c.skipReason) out.push(`    ${c.skipReason}`);
    if (c.hint) out.push(`    hint: ${c.hint}`);
  }
  io.stdout(`${out.join('\n')}\n`);
  if (parsed.values.html !== undefined) {
    await writeFile(resolve(io.cwd, parsed.values.html), renderStudentPage(grade, { audience: 'student', afterDueDate: false }));
    io.stdout(`your page: ${parsed.values.html}\n`);
  }
  return allPassed ? EXIT.ok : EXIT.failed;
}
