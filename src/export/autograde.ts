// Grades the one submission a course platform hands its grader (Gradescope's /autograder/submission,
// PrairieLearn's /grade/student, a student's repository) and writes that platform's results file. It never
// throws and always writes a file: an exercise that does not load, a submission that cannot be read, or
// drydock itself failing become a results file that says so, so the platform never shows its own "the
// autograder failed to produce output". Grading runs in a worker thread (grade-pool.ts), so a submission that
// hangs the simulator past the time limit is cut off and scored as a timeout.

import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { builtinAssertions } from '../assertions/registry.js';
import { loadExercise } from '../grading/exercise.js';
import { gradeBatch } from '../gradebook/grade-batch.js';
import type { SubmissionGrade } from '../grading/grade-result.js';
import { simGradingEngine } from '../grading/grading-engines.js';
import { writeFileAtomic } from '../gradebook/grade-store.js';
import { COMMANDS_FILE } from '../grading/submission.js';
import { failureResults, platformResults, type Platform } from './platform-results.js';

/** What an autograde run did. */
export interface AutogradeOutcome {
  results: object;
  grade?: SubmissionGrade;
  /** why there is no grade */
  failure?: string;
}

async function isFile(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined))?.isFile() === true;
}

/**
 * Where the submission is in what the platform handed over: the folder itself when it has commands.sh; else its
 * only sub-folder that has one (a student who uploaded their folder); else its only `.sh` file.
 */
async function locateSubmission(dir: string): Promise<string | { missing: string }> {
  if (await isFile(join(dir, COMMANDS_FILE))) return dir;
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return { missing: `there is no submission folder (${dir})` };
  }
  const folders = entries.filter((e) => e.isDirectory() && !e.name.startsWith('.'));
  const withCommands = [];
  for (const f of folders) if (await isFile(join(dir, f.name, COMMANDS_FILE))) withCommands.push(join(dir, f.name));
  if (withCommands.length === 1) return withCommands[0] as string;
  const scripts = entries.filter((e) => e.isFile() && e.name.endsWith('.sh'));
  if (scripts.length === 1) return join(dir, (scripts[0] as { name: string }).name);
  const names = entries.map((e) => e.name).sort();
  return { missing: `the submission has no ${COMMANDS_FILE} (it holds ${names.length === 0 ? 'nothing' : names.slice(0, 10).join(', ')}${names.length > 10 ? ', …' : ''}): submit a file named ${COMMANDS_FILE} with your docker commands, one a line` };
}

/** Grades `submissionDir` against `exerciseFile` on the simulator; the results in `platform`'s format. */
async function autograde(platform: Platform, exerciseFile: string, submissionDir: string): Promise<AutogradeOutcome> {
  let maxScore = 0;
  let work: string | undefined;
  try {
    const loaded = await loadExercise(exerciseFile);
    if (!loaded.ok) {
      const why = loaded.message ?? loaded.problems.map((p) => `${p.file}:${p.start.line}:${p.start.col}: ${p.message}`).join('\n');
      const failure = `the exercise does not load (${why}); tell your instructor`;
      return { results: failureResults(platform, failure), failure };
    }
    maxScore = loaded.exercise.maxScore;
    const located = await locateSubmission(submissionDir);
    if (typeof located !== 'string') return { results: failureResults(platform, located.missing, maxScore), failure: located.missing };
    work = await mkdtemp(join(tmpdir(), 'drydock-autograde-'));
    // Paths relative to the submission's parent, so reports name `submission/commands.sh`, not a machine path.
    const cwd = join(located, '..');
    const batch = await gradeBatch({
      exercise: loaded.exercise,
      submissions: [relative(cwd, located)],
      cwd,
      outDir: work,
      jobs: 1,
      threads: 1,
      html: false,
      engineName: 'sim',
      registry: builtinAssertions(),
      createEngine: simGradingEngine,
      aggregateEveryMs: 60_000,
    });
    const grade = batch.grades[0];
    if (!grade) return { results: failureResults(platform, 'drydock produced no grade', maxScore), failure: 'drydock produced no grade' };
    return { results: platformResults(platform, grade), grade };
  } catch (e) {
    const failure = `drydock failed: ${e instanceof Error ? e.message : String(e)}`;
    return { results: failureResults(platform, failure, maxScore), failure };
  } finally {
    if (work) await rm(work, { recursive: true, force: true }).catch(() => undefined);
  }
}

/** Grades and writes the results file (atomically: a platform never reads half of one). */
export async function autogradeToFile(platform: Platform, exerciseFile: string, submissionDir: string, resultsFile: string): Promise<AutogradeOutcome> {
  const outcome = await autograde(platform, exerciseFile, submissionDir);
  await writeFileAtomic(resultsFile, `${JSON.stringify(outcome.results, null, 2)}\n`);
  return outcome;
}
