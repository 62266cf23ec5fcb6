// `drydock grade <exercise.yaml> <submissions…>`: grades every submission on a fresh engine and writes the
// gradebook (grades.csv, junit.xml, a results.json per submission for Gradescope) and the HTML reports: per
// submission the student's page, which withholds the checks the student may not see yet, and the teacher's.
// Exit codes: 0 every submission graded (whatever its score), 1 some could not be graded, 2 bad usage or exercise.

import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { builtinAssertions } from '../assertions/registry.js';
import { loadExercise } from '../grading/exercise.js';
import { gradeBatch } from '../gradebook/grade-batch.js';
import { dockerGradingEngines, simGradingEngine } from '../grading/grading-engines.js';
import { findSubmissions } from '../grading/submission.js';
import { formatProblem } from '../scenario/problem.js';
import { EXIT, processIo, type CliIo } from './io.js';
import { parseCommandArgs } from './parse-command-args.js';
import { ProgressBar } from './progress-bar.js';
import { terminalText } from './terminal-text.js';
import { formatUsageError, UsageError } from './usage-error.js';

/** The usage text of `drydock grade`. */
const GRADE_USAGE = `Usage: drydock grade <exercise.yaml> <submission…> [options]

Grades every submission on a fresh engine and writes the gradebook (grades.csv, junit.xml), Gradescope's
results.json, and the HTML pages: per submission the student's page and the teacher's, and a class summary.

Arguments:
  <exercise.yaml>     the exercise: a scenario with points (see scenarios/exercises/)
  <submission…>       a folder with commands.sh (docker commands, one a line) and any files it needs, or a
                      .sh file; a folder of such folders grades each of them

Options:
  -o, --out DIR       where the gradebook and reports go (default reports/grades)
  -j, --jobs N        submissions graded at once (default: one per CPU on the simulator, each in a
                      worker thread of its own; 2 on docker)
      --force         grade again the submissions already graded in DIR
      --engine NAME   sim (default) or docker (the real engine, under its safety policy)
      --no-html       skip the HTML reports
      --after-due-date
                      the due date has passed: students' pages (students/<name>/report.html) show
                      the checks with \`visibility: after_due_date\`. \`hidden\` checks are never on
                      them; the teacher's pages (teacher.html, index.html) show everything
  -q, --quiet         no progress and no per-submission lines
  -h, --help          show this help

Examples:
  drydock grade scenarios/exercises/commit-tomcat-without-docs/exercise.yaml \\
                scenarios/exercises/commit-tomcat-without-docs/submissions --out reports/grades
  drydock grade exercise.yaml submissions/ --engine docker --jobs 2

Exit codes: 0 every submission graded (whatever its score), 1 some could not be graded, 2 bad usage or exercise.
`;

const GRADE_OPTIONS = {
  out: { type: 'string', short: 'o' },
  jobs: { type: 'string', short: 'j' },
  force: { type: 'boolean' },
  engine: { type: 'string' },
  'no-html': { type: 'boolean' },
  'after-due-date': { type: 'boolean' },
  quiet: { type: 'boolean', short: 'q' },
} as const;

interface GradeArgs {
  exercise: string;
  submissions: string[];
  out: string;
  jobs?: number;
  force: boolean;
  engine: 'sim' | 'docker';
  html: boolean;
  afterDueDate: boolean;
  quiet: boolean;
}

function parseGradeArgs(argv: readonly string[]): GradeArgs | 'help' {
  const parsed = parseCommandArgs('grade', argv, GRADE_OPTIONS);
  if (parsed.help) return 'help';
  const v = parsed.values;
  const [exercise, ...submissions] = parsed.positionals;
  if (exercise === undefined || submissions.length === 0) throw new UsageError('needs an exercise file and at least one submission', 'grade');
  const engine = v.engine ?? 'sim';
  if (engine !== 'sim' && engine !== 'docker') throw new UsageError(`--engine must be sim or docker, not ${JSON.stringify(engine)}`, 'grade');
  const args: GradeArgs = { exercise, submissions, out: v.out ?? 'reports/grades', force: v.force === true, engine, html: v['no-html'] !== true, afterDueDate: v['after-due-date'] === true, quiet: v.quiet === true };
  if (v.jobs !== undefined) {
    if (!/^\d+$/.test(v.jobs) || Number(v.jobs) < 1) throw new UsageError(`--jobs must be a whole number of at least 1, not ${JSON.stringify(v.jobs)}`, 'grade');
    args.jobs = Number(v.jobs);
  }
  return args;
}

/** Runs `drydock grade`; resolves with the exit code. */
export async function gradeCommand(argv: string[], io: CliIo = processIo()): Promise<number> {
  let args: GradeArgs | 'help';
  try {
    args = parseGradeArgs(argv);
  } catch (e) {
    // printed here as main prints every command's, since grading is also started without main (tests, scripts)
    if (!(e instanceof UsageError)) throw e;
    io.stderr(formatUsageError(e));
    return EXIT.usage;
  }
  if (args === 'help') {
    io.stdout(GRADE_USAGE);
    return EXIT.ok;
  }
  const loaded = await loadExercise(resolve(io.cwd, args.exercise), args.exercise);
  if (!loaded.ok) {
    if (loaded.problems.length > 0) io.stderr(`${loaded.problems.map(formatProblem).join('\n\n')}\n`);
    if (loaded.message) io.stderr(`drydock grade: ${loaded.message}\n`);
    return EXIT.usage;
  }
  const found = await findSubmissions(args.submissions, io.cwd);
  for (const m of found.missing) io.stderr(`drydock grade: ${terminalText(m)}: no such submission (a folder with commands.sh, or a .sh file)\n`);
  if (found.missing.length > 0 || found.found.length === 0) {
    if (found.found.length === 0 && found.missing.length === 0) io.stderr('drydock grade: no submissions found\n');
    return EXIT.usage;
  }
  let docker: Awaited<ReturnType<typeof dockerGradingEngines>> | undefined;
  if (args.engine === 'docker') {
    try {
      docker = await dockerGradingEngines();
    } catch (e) {
      io.stderr(`drydock grade: the docker engine is not usable: ${e instanceof Error ? e.message : String(e)}\n`);
      return EXIT.usage;
    }
  }
  // On a terminal a bar (done, failed, time left) instead of a line per submission.
  const bar = !args.quiet && io.isTTY === true ? new ProgressBar(io.stderr) : undefined;
  let failed = 0;
  const outDir = resolve(io.cwd, args.out);
  const result = await gradeBatch({
    exercise: loaded.exercise,
    submissions: found.found,
    cwd: io.cwd,
    outDir,
    jobs: args.engine === 'sim' ? 1 : (args.jobs ?? 2),
    // Always in worker threads, however few the submissions: a submission that hangs the thread grading it is
    // stopped by terminating that thread, which the thread that must stop it could never do to itself.
    threads: args.engine === 'sim' ? Math.max(1, Math.min(args.jobs ?? availableParallelism(), found.found.length)) : 0,
    force: args.force,
    html: args.html,
    afterDueDate: args.afterDueDate,
    engineName: args.engine,
    registry: builtinAssertions(),
    createEngine: docker ? docker.createEngine : simGradingEngine,
    onProgress: (p) => {
      if (p.grade.status === 'error' || p.grade.status === 'timeout') failed++;
      if (bar) bar.update({ done: p.done, total: p.total, failed, reused: p.reused });
      else if (!args.quiet) io.stdout(`${p.grade.status === 'graded' ? '✓' : '✗'} ${terminalText(p.grade.student)}: ${p.grade.score} / ${p.grade.maxScore}${p.grade.status === 'graded' ? '' : ` (${p.grade.status}${p.grade.error ? `: ${terminalText(p.grade.error)}` : ''})`}\n`);
    },
  });
  bar?.clear();
  for (const left of (await docker?.disposeAll()) ?? []) io.stderr(`drydock grade: left behind: ${left}\n`);
  const grades = result.grades;
  const mean = grades.length > 0 ? grades.reduce((a, g) => a + g.score, 0) / grades.length : 0;
  const notGraded = grades.filter((g) => g.status === 'error');
  if (!args.quiet) {
    io.stdout(
      `drydock grade: ${grades.length} submission${grades.length === 1 ? '' : 's'} (${result.graded} graded now, ${result.reused} already done) in ${(result.durationMs / 1000).toFixed(1)}s; ` +
        `mean ${Math.round(mean * 100) / 100} / ${loaded.exercise.maxScore}\n` +
        `  ${args.out}/grades.csv, ${args.out}/junit.xml${args.html ? `, ${args.out}/index.html` : ''}, ${args.out}/students/<name>/\n` +
        (args.html ? `  report.html is the student's page (hidden checks withheld${args.afterDueDate ? '' : ', after_due_date ones too until --after-due-date'}), teacher.html yours\n` : ''),
    );
  }
  for (const g of notGraded) io.stderr(`drydock grade: ${terminalText(g.student)}: could not be graded: ${terminalText(g.error ?? 'unknown error')}\n`);
  return notGraded.length > 0 ? EXIT.failed : EXIT.ok;
}
