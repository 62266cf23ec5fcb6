// Grades a batch of submissions, `jobs` at a time, each on a fresh engine. Each submission's files are written
// the moment it is graded (its grade.json last); grades.csv, junit.xml and the class summary are rewritten as
// the batch goes and once more at its end. A submission whose grade.json is there with the same fingerprint is
// not graded again (unless `force`), so a batch killed half-way and started again only grades what is missing.

import { join, resolve } from 'node:path';
import { gradesCsv } from '../reporters/csv/grades-csv.js';
import { renderClassSummary } from '../reporters/html/render.js';
import type { Exercise } from './exercise.js';
import type { SubmissionGrade } from './grade-result.js';
import { writeStudent } from './grade-files.js';
import { GradePool, type GradeThread } from './grade-pool.js';
import { assignIds, fingerprint, readAllGrades, readGrade, writeFileAtomic } from './grade-store.js';
import { gradeSubmission, ungraded, type GradeOptions } from './grade-submission.js';
import { gradesJunit } from './grades-junit.js';
import { readSubmission, type Submission } from './submission.js';

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
  /** the submissions' paths as given (relative to `cwd`) */
  submissions: readonly string[];
  cwd: string;
  outDir: string;
  jobs: number;
  /** grade again even what is already graded */
  force?: boolean;
  /** also write the HTML pages (default true) */
  html?: boolean;
  onProgress?: (p: BatchProgress) => void;
  /** how often the gradebook files are rewritten while the batch runs (default 2 s) */
  aggregateEveryMs?: number;
  /**
   * simulator only: grade in this many worker threads (one submission each at a time) instead of in this
   * thread; a thread that hangs past the time limit is replaced. Default 0 (in this thread, `jobs` at a time).
   */
  threads?: number;
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

/** The files of the whole gradebook. */
function aggregatePaths(outDir: string): BatchResult['files'] {
  return { csv: join(outDir, 'grades.csv'), junit: join(outDir, 'junit.xml'), summary: join(outDir, 'index.html') };
}

async function readOne(path: string, cwd: string): Promise<Submission> {
  try {
    return await readSubmission(resolve(cwd, path), path);
  } catch (e) {
    const student = path.replace(/\/+$/, '').split('/').pop() ?? path;
    return { student, path, commandsFile: path, files: [], problems: [{ location: { file: path, line: 1, col: 1 }, message: `cannot read the submission: ${(e as Error).message}` }] };
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

  const files = aggregatePaths(outDir);
  const writeAggregates = async (): Promise<void> => {
    const mine = grades.filter((g): g is SubmissionGrade => g !== undefined);
    const here = new Set(mine.map((g) => g.id));
    // Grades of earlier batches into the same folder (other students) stay in the gradebook.
    const earlier = (await readAllGrades(outDir, exercise.scenario.file)).filter((g) => !here.has(g.id) && !options.submissions.includes(g.submission));
    const all = [...mine, ...earlier];
    await writeFileAtomic(files.csv, gradesCsv(all));
    await writeFileAtomic(files.junit, gradesJunit(all));
    if (html) await writeFileAtomic(files.summary, renderClassSummary(all, (g) => `students/${g.id}/report.html`));
  };
  let lastAggregate = performance.now();
  let aggregating: Promise<void> | undefined;
  const every = options.aggregateEveryMs ?? 2000;

  const pool = (options.threads ?? 0) > 0 && options.engineName === 'sim' && todo.length > 0 ? new GradePool(Math.min(options.threads ?? 1, todo.length), exercise, outDir, html) : undefined;
  // A thread answers within the time limit; past it and a margin for its start-up, it hangs.
  const hardLimitMs = exercise.timeLimitMs + 10_000;
  const gradeOne = async (i: number, thread: GradeThread | undefined): Promise<SubmissionGrade> => {
    const s = submissions[i] as Submission;
    const id = ids[i] as string;
    const fp = fingerprint(exercise.hash, s, options.engineName);
    if (!thread) {
      const grade = await gradeSubmission(exercise, s, id, fp, options);
      writeStudent(outDir, grade, html);
      return grade;
    }
    const outcome = await thread.grade(s, id, fp, hardLimitMs);
    if (outcome.kind === 'done') return outcome.grade;
    const grade =
      outcome.kind === 'killed'
        ? ungraded(exercise, s, id, fp, 'timeout', `the submission hung its grading thread and was stopped after ${Math.round(hardLimitMs / 1000)}s: no points`, options.registry)
        : ungraded(exercise, s, id, fp, 'error', `grading failed: ${outcome.message}`, options.registry);
    writeStudent(outDir, grade, html);
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
  return { grades: grades as SubmissionGrade[], graded: todo.length, reused, durationMs: performance.now() - started, files };
}
