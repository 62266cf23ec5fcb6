// One submission's files in the output folder: its two HTML pages (the student's, which withholds what the
// student may not see yet, and the teacher's, with everything) and Gradescope results.json first, then its
// grade.json, the mark that it is done (see grade-store.ts). Written synchronously: a batch writes thousands of
// small files, and their async writes cost more in promise and thread-pool overhead than the writes themselves.

import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gradescopeResults } from '../reporters/gradescope/gradescope-results.js';
import { renderStudentPage } from '../reporters/html/render.js';
import type { SubmissionGrade } from '../grading/grade-result.js';
import { studentPaths, writeFileAtomicSync } from './grade-store.js';

/** Which pages a batch writes: none (`--no-html`), or both, the student's as of the due date or before it. */
export interface StudentPages {
  html: boolean;
  /** the due date has passed: the student's page shows the `after_due_date` checks (never the `hidden` ones) */
  afterDueDate: boolean;
}

/** Writes a submission's two HTML pages. */
export function writeStudentPages(outDir: string, grade: SubmissionGrade, pages: StudentPages): void {
  const paths = studentPaths(outDir, grade.id);
  // The student's page links nowhere: the class summary and the teacher's page are not the student's to open.
  writeFileAtomicSync(paths.html, renderStudentPage(grade, { audience: 'student', afterDueDate: pages.afterDueDate }));
  writeFileAtomicSync(paths.teacher, renderStudentPage(grade, { audience: 'teacher', summaryHref: relative(paths.dir, join(outDir, 'index.html')), studentHref: 'report.html' }));
}

/** True when a submission's pages are both there. */
export function hasStudentPages(outDir: string, id: string): boolean {
  const paths = studentPaths(outDir, id);
  return existsSync(paths.html) && existsSync(paths.teacher);
}

/** Writes one submission's files, its grade.json last (removed first, so a half-rewritten one never looks done). */
export function writeStudent(outDir: string, grade: SubmissionGrade, pages: StudentPages): void {
  const paths = studentPaths(outDir, grade.id);
  mkdirSync(paths.dir, { recursive: true });
  rmSync(paths.grade, { force: true });
  if (pages.html) writeStudentPages(outDir, grade, pages);
  writeFileAtomicSync(paths.gradescope, `${JSON.stringify(gradescopeResults(grade), null, 2)}\n`);
  writeFileAtomicSync(paths.grade, `${JSON.stringify(grade)}\n`);
}
