// The exercise a command is pointed at: an exercise.yaml, or the folder holding one (as `drydock init` makes
// them and scenarios/exercises/ has them), loaded and checked, with what else its folder tells: the files a
// student writes (those of submissions/reference, commands.sh first).

import { readdir, readFile, stat } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { loadExercise, type Exercise } from '../grading/exercise.js';
import { COMMANDS_FILE } from '../grading/submission.js';
import { formatProblem } from '../scenario/problem.js';

/** An exercise found and loaded. */
export interface ExerciseSource {
  file: string;
  dir: string;
  yaml: string;
  exercise: Exercise;
  studentFiles: string[];
}

/** Where an exercise's reference submission and wrong submissions live, next to exercise.yaml. */
export const SUBMISSIONS_DIR = 'submissions';
export const REFERENCE = 'reference';

async function listFiles(dir: string, root = dir): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
    if (e.name.startsWith('.')) continue;
    const full = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await listFiles(full, root)));
    else if (e.isFile()) out.push(relative(root, full).split(sep).join('/'));
  }
  return out.sort();
}

/** Loads the exercise at `path` (a file or a folder with exercise.yaml); a message on failure. */
export async function loadExerciseSource(path: string, display = path): Promise<{ ok: true; source: ExerciseSource } | { ok: false; message: string }> {
  const st = await stat(path).catch(() => undefined);
  if (!st) return { ok: false, message: `${display}: no such file or folder` };
  const file = st.isDirectory() ? join(path, 'exercise.yaml') : path;
  const shown = st.isDirectory() ? join(display, 'exercise.yaml') : display;
  const loaded = await loadExercise(file, shown);
  if (!loaded.ok) return { ok: false, message: [...loaded.problems.map(formatProblem), ...(loaded.message ? [loaded.message] : [])].join('\n\n') };
  const dir = dirname(file);
  const reference = await listFiles(join(dir, SUBMISSIONS_DIR, REFERENCE));
  const studentFiles = [COMMANDS_FILE, ...reference.filter((f) => f !== COMMANDS_FILE)];
  return { ok: true, source: { file, dir, yaml: await readFile(file, 'utf8'), exercise: loaded.exercise, studentFiles } };
}
