// Where a grading batch keeps its results, so that no finished result is lost or half-written: every file is
// written to a temporary name and renamed into place (a rename is atomic), and a submission's grade.json is
// written last, after its other files, so its presence means the submission is done. A batch started again
// reads the grade.json files back and grades only the submissions without one (or whose files changed).

import { createHash, randomBytes } from 'node:crypto';
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { GRADE_FORMAT, type SubmissionGrade } from '../grading/grade-result.js';
import type { Submission } from '../grading/submission.js';

/** The folder of one submission's files: `<out>/students/<id>/`. */
const STUDENTS_DIR = 'students';

/** Writes `text` to `path` atomically: a temporary file in the same folder, then a rename. */
export async function writeFileAtomic(path: string, text: string | Uint8Array, makeDir = true): Promise<void> {
  if (makeDir) await mkdir(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(temp, text);
    await rename(temp, path);
  } catch (e) {
    await rm(temp, { force: true });
    throw e;
  }
}

/**
 * writeFileAtomic without the event loop: for the many small files of a batch, whose async writes cost more in
 * promise and thread-pool overhead than the writes themselves.
 */
export function writeFileAtomicSync(path: string, text: string | Uint8Array): void {
  const temp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    writeFileSync(temp, text);
    renameSync(temp, path);
  } catch (e) {
    rmSync(temp, { force: true });
    throw e;
  }
}

/** A name safe as a file name on any system, from a student's name. */
function safeId(name: string): string {
  const id = name.normalize('NFKD').replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^[._-]+/, '').slice(0, 80);
  return id === '' ? 'student' : id;
}

/** File-safe ids for the students, unique (a second `alice` is `alice-2`), in the order given. */
export function assignIds(students: readonly string[]): string[] {
  const used = new Set<string>();
  return students.map((s) => {
    const base = safeId(s);
    let id = base;
    for (let n = 2; used.has(id.toLowerCase()); n++) id = `${base}-${n}`;
    used.add(id.toLowerCase());
    return id;
  });
}

/** What decides whether a grade is still good: the exercise, the submission's files, the engine. */
export function fingerprint(exerciseHash: string, submission: Submission, engine: string): string {
  const h = createHash('sha256').update(`drydock-grade ${GRADE_FORMAT}\0${engine}\0${exerciseHash}\0`);
  h.update(`commands\0${submission.commands ?? '\u0000none'}\0`);
  for (const f of submission.files) h.update(`${f.name}\0${f.mode}\0`).update(f.content).update('\0');
  for (const p of submission.problems) h.update(`${p.location.file}\0${p.message}\0`);
  if (submission.notGraded !== undefined) h.update(`not graded\0${submission.notGraded}\0`);
  return h.digest('hex');
}

/** One submission's files under the output folder: `html` is the student's page, `teacher` the teacher's. */
export function studentPaths(outDir: string, id: string): { dir: string; grade: string; gradescope: string; html: string; teacher: string } {
  const dir = join(outDir, STUDENTS_DIR, id);
  return { dir, grade: join(dir, 'grade.json'), gradescope: join(dir, 'results.json'), html: join(dir, 'report.html'), teacher: join(dir, 'teacher.html') };
}

/** A finished grade read back, or undefined when there is none or it is unreadable (then it is graded again). */
export async function readGrade(outDir: string, id: string): Promise<SubmissionGrade | undefined> {
  try {
    const g = JSON.parse(await readFile(studentPaths(outDir, id).grade, 'utf8')) as SubmissionGrade;
    return g.format === GRADE_FORMAT && typeof g.fingerprint === 'string' ? g : undefined;
  } catch {
    return undefined;
  }
}

/** Every finished grade under the output folder for this exercise file (also those of earlier batches). */
export async function readAllGrades(outDir: string, exerciseFile: string): Promise<SubmissionGrade[]> {
  let ids: string[];
  try {
    ids = await readdir(join(outDir, STUDENTS_DIR));
  } catch {
    return [];
  }
  const grades = await Promise.all(ids.map((id) => readGrade(outDir, id)));
  return grades.filter((g): g is SubmissionGrade => g !== undefined && g.exercise.file === exerciseFile);
}
