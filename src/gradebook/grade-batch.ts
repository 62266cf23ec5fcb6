// Grades a batch of submissions, `jobs` at a time, each on a fresh engine. Each submission's files are written
// the moment it is graded (its grade.json last); grades.csv, junit.xml and the class summary are rewritten as
// the batch goes and once more at its end. A submission whose grade.json is there with the same fingerprint is
// not graded again (unless `force`), so a batch killed half-way and started again only grades what is missing;
// its pages are written again when they are missing or the student's pages were last written for the other
// side of the due date (`afterDueDate`), so the teacher can reveal `after_due_date` checks without regrading.

import { readFile, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { formatDuration } from '../scenario/duration.js';
import { gradesCsv } from '../reporters/csv/grades-csv.js';
import { renderClassSummary } from '../reporters/html/render.js';
import type { Exercise } from '../grading/exercise.js';
import type { SubmissionGrade } from '../grading/grade-result.js';
import { hasStudentPages, writeStudent, writeStudentPages, type StudentPages } from './grade-files.js';
import { GradePool, type GradeThread } from './grade-pool.js';
import { assignIds, fingerprint, readAllGrades, readGrade, writeFileAtomic } from './grade-store.js';
import { gradeSubmission, ungraded, type GradeOptions } from '../grading/grade-submission.js';
import { gradesJunit } from '../reporters/grades-junit.js';
import { readSubmission, type SkippedEntry, type Submission } from '../grading/submission.js';

/** Progress after each submission. */
export interface BatchProgress {
  done: number;
  total: number;
  reused: number;
  grade: SubmissionGrade;
}

/** What a batch needs. */
export interface BatchOptions extends GradeOptions {
  exercise: Exercise;
  /** the submissions' paths as given (relative to `cwd`); a SkippedEntry gets a row saying why it is not graded */
  submissions: readonly (string | SkippedEntry)[];
  cwd: string;
  outDir: string;
  jobs: number;
  /** grade again even what is already graded */
  force?: boolean;
  /** also write the HTML pages (default true) */
  html?: boolean;
  /**
   * the due date has passed: students' pages show the `after_due_date` checks (default false). `hidden` checks
   * are never on a student's page; the teacher's page and the gradebook always have everything.
   */
  afterDueDate?: boolean;
  onProgress?: (p: BatchProgress) => void;
  /** how often the gradebook files are rewritten while the batch runs (default 2 s) */
  aggregateEveryMs?: number;
  /**
   * simulator only: grade in this many worker threads (one submission each at a time) instead of in this
   * thread; a thread that hangs past the time limit is replaced. Default 0 (in this thread, `jobs` at a time).
   */
  threads?: number;
  /** worker threads: how long one may grade a submission before it is killed (default: the time limit + 10 s) */
  hangLimitMs?: number;
}

/** What a batch did. */
export interface BatchResult {
  /** this batch's grades, in the order given */
  grades: SubmissionGrade[];
  graded: number;
  reused: number;
  durationMs: number;
  files: { csv: string; junit: string; summary: string };
}

/** Where a batch notes which side of the due date the students' pages were all last written for. */
function pagesMarkPath(outDir: string): string {
  return join(outDir, '.student-pages.json');
}

/** The `afterDueDate` every student page in `outDir` was written with, or undefined when unknown. */
async function readPagesMark(outDir: string): Promise<boolean | undefined> {
  try {
    const mark = JSON.parse(await readFile(pagesMarkPath(outDir), 'utf8')) as { afterDueDate?: unknown };
    return typeof mark.afterDueDate === 'boolean' ? mark.afterDueDate : undefined;
  } catch {
    return undefined;
  }
}

/** The files of the whole gradebook. */
function aggregatePaths(outDir: string): BatchResult['files'] {
  return { csv: join(outDir, 'grades.csv'), junit: join(outDir, 'junit.xml'), summary: join(outDir, 'index.html') };
}

/** The student's name for a path: its last part. */
function studentOf(path: string): string {
  return path.replace(/\/+$/, '').split('/').pop() ?? path;
}

async function readOne(entry: string | SkippedEntry, cwd: string): Promise<Submission> {
  if (typeof entry !== 'string') return { student: studentOf(entry.path).replace(/\.sh$/, ''), path: entry.path, commandsFile: entry.path, files: [], problems: [], notGraded: entry.reason };
  const path = entry;
  try {
    return await readSubmission(resolve(cwd, path), path);
  } catch (e) {
    return { student: studentOf(path), path, commandsFile: path, files: [], problems: [{ location: { file: path, line: 1, col: 1 }, message: `cannot read the submission: ${(e as Error).message}` }] };
  }
}

/** Grades the submissions and writes everything; never throws for a bad submission. */
export async function gradeBatch(options: BatchOptions): Promise<BatchResult> {
  const started = performance.now();
  const { exercise, outDir } = options;
  const html = options.html ?? true;
  const submissions = await Promise.all(options.submissions.map((p) => readOne(p, options.cwd)));
  const ids = assignIds(submissions.map((s) => s.student));
  const grades: (SubmissionGrade | undefined)[] = new Array(submissions.length);
  const todo: number[] = [];
  let reused = 0;
  await Promise.all(
    submissions.map(async (s, i) => {
      const id = ids[i] as string;
      const fp = fingerprint(exercise.hash, s, options.engineName);
      const old = options.force ? undefined : await readGrade(outDir, id);
      if (old && old.fingerprint === fp) {
        grades[i] = old;
        reused++;
      } else todo.push(i);
    }),
  );
  todo.sort((a, b) => a - b);
  const pages: StudentPages = { html, afterDueDate: options.afterDueDate ?? false };
  if (html) {
    // Pages of grades kept from before: missing ones are written, and all of them again when they were written
    // for the other side of the due date (or it is not known which). Until that is done the mark is gone, so a
    // batch killed half-way leaves no mark that claims every page is up to date.
    const regrading = new Set(todo.map((i) => ids[i]));
    const changed = (await readPagesMark(outDir)) !== pages.afterDueDate;
    if (changed) await rm(pagesMarkPath(outDir), { force: true });
    const kept = changed ? (await readAllGrades(outDir, exercise.scenario.file)).filter((g) => !regrading.has(g.id)) : grades.filter((g): g is SubmissionGrade => g !== undefined);
    for (const g of kept) if (changed || !hasStudentPages(outDir, g.id)) writeStudentPages(outDir, g, pages);
  }

  const given = new Set(submissions.map((s) => s.path));
  const files = aggregatePaths(outDir);
  const writeAggregates = async (): Promise<void> => {
    const mine = grades.filter((g): g is SubmissionGrade => g !== undefined);
    const here = new Set(mine.map((g) => g.id));
    // Grades of earlier batches into the same folder (other students) stay in the gradebook.
    const earlier = (await readAllGrades(outDir, exercise.scenario.file)).filter((g) => !here.has(g.id) && !given.has(g.submission));
    const all = [...mine, ...earlier];
    await writeFileAtomic(files.csv, gradesCsv(all));
    await writeFileAtomic(files.junit, gradesJunit(all));
    // The class summary is the teacher's: it links to the teachers' pages.
    if (html) await writeFileAtomic(files.summary, renderClassSummary(all, (g) => `students/${g.id}/teacher.html`));
  };
  let lastAggregate = performance.now();
  let aggregating: Promise<void> | undefined;
  const every = options.aggregateEveryMs ?? 2000;

  const pool = (options.threads ?? 0) > 0 && options.engineName === 'sim' && todo.length > 0 ? new GradePool(Math.min(options.threads ?? 1, todo.length), exercise, outDir, pages) : undefined;
  // A thread answers within the time limit (its clock starts once it has loaded); well past it, it hangs.
  const hardLimitMs = options.hangLimitMs ?? exercise.timeLimitMs + 10_000;
  const gradeOne = async (i: number, thread: GradeThread | undefined): Promise<SubmissionGrade> => {
    const s = submissions[i] as Submission;
    const id = ids[i] as string;
    const fp = fingerprint(exercise.hash, s, options.engineName);
    if (!thread) {
      const grade = await gradeSubmission(exercise, s, id, fp, options);
      writeStudent(outDir, grade, pages);
      return grade;
    }
    const outcome = await thread.grade(s, id, fp, hardLimitMs);
    if (outcome.kind === 'done') return outcome.grade;
    const grade =
      outcome.kind === 'killed'
        ? ungraded(exercise, s, id, fp, 'timeout', `the submission hung its grading thread and was stopped after ${formatDuration(hardLimitMs)}: no points`, options.registry)
        : ungraded(exercise, s, id, fp, 'error', `grading failed: ${outcome.message}`, options.registry);
    writeStudent(outDir, grade, pages);
    return grade;
  };

  let next = 0;
  let done = reused;
  const worker = async (thread?: GradeThread): Promise<void> => {
    while (next < todo.length) {
      const i = todo[next++] as number;
      const grade = await gradeOne(i, thread);
      grades[i] = grade;
      done++;
      options.onProgress?.({ done, total: submissions.length, reused, grade });
      if (!aggregating && performance.now() - lastAggregate > every) {
        aggregating = writeAggregates().finally(() => {
          aggregating = undefined;
          lastAggregate = performance.now();
        });
      }
    }
  };
  try {
    if (pool) await Promise.all(pool.threads.map((t) => worker(t)));
    else await Promise.all(Array.from({ length: Math.max(1, Math.min(options.jobs, todo.length || 1)) }, () => worker()));
  } finally {
    await pool?.close();
  }
  await aggregating;
  await writeAggregates();
  if (html) await writeFileAtomic(pagesMarkPath(outDir), `${JSON.stringify({ afterDueDate: pages.afterDueDate })}\n`);
  return { grades: grades as SubmissionGrade[], graded: todo.length, reused, durationMs: performance.now() - started, files };
}
