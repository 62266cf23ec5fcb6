// One submission's files in the output folder: its HTML page and Gradescope results.json first, then its
// grade.json, the mark that it is done (see grade-store.ts). Written synchronously: a batch writes thousands of
// small files, and their async writes cost more in promise and thread-pool overhead than the writes themselves.

import { mkdirSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gradescopeResults } from '../reporters/gradescope/gradescope-results.js';
import { renderStudentPage } from '../reporters/html/render.js';
import type { SubmissionGrade } from './grade-result.js';
import { studentPaths, writeFileAtomicSync } from './grade-store.js';

/** Writes one submission's files, its grade.json last (removed first, so a half-rewritten one never looks done). */
export function writeStudent(outDir: string, grade: SubmissionGrade, html: boolean): void {
  const paths = studentPaths(outDir, grade.id);
  mkdirSync(paths.dir, { recursive: true });
  rmSync(paths.grade, { force: true });
  if (html) writeFileAtomicSync(paths.html, renderStudentPage(grade, relative(paths.dir, join(outDir, 'index.html'))));
  writeFileAtomicSync(paths.gradescope, `${JSON.stringify(gradescopeResults(grade), null, 2)}\n`);
  writeFileAtomicSync(paths.grade, `${JSON.stringify(grade)}\n`);
}
