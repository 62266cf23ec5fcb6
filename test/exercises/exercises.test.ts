// Every exercise in scenarios/exercises/: the reference submission scores full marks on the simulator, and every
// other submission loses points, with a hint on each check it fails.

import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { builtinAssertions } from '../../src/assertions/registry.js';
import { loadExercise } from '../../src/grading/exercise.js';
import { gradeSubmission } from '../../src/grading/grade-submission.js';
import { simGradingEngine } from '../../src/grading/grading-engines.js';
import { readSubmission } from '../../src/grading/submission.js';
import { commandLines, gradeOnSimulator, type Score } from './submission-scenario.js';

// Grades with src/grading (what `drydock grade` runs), and checks that the test's own splice of the submission
// into a plain scenario agrees with it.
async function grade(exerciseFile: string, submissionDir: string): Promise<Score> {
  const loaded = await loadExercise(exerciseFile);
  if (!loaded.ok) throw new Error(`${exerciseFile}: ${loaded.message ?? loaded.problems.map((p) => p.message).join('; ')}`);
  const submission = await readSubmission(submissionDir);
  const g = await gradeSubmission(loaded.exercise, submission, submission.student, '', { createEngine: simGradingEngine, engineName: 'sim', registry: builtinAssertions() });
  assert.equal(g.status, 'graded', `${submissionDir}: ${g.status} ${g.error ?? ''}`);
  const spliced = await gradeOnSimulator(exerciseFile, submissionDir);
  assert.equal(spliced.points, g.score, `${submissionDir}: src/grading gives ${g.score}, the plain scenario ${spliced.points}`);
  const failedLines = g.steps.filter((s) => s.origin === 'submission' && s.exitCode !== 0).map((s) => s.title);
  return {
    points: g.score,
    max: g.maxScore,
    checks: g.checks.map((c) => ({ title: c.title, points: c.points, passed: c.status === 'passed', ...(c.hint ? { hint: c.hint } : {}) })),
    failedLines,
  };
}

// What each wrong submission must score on the simulator: the points it loses are exactly those of the checks its
// mistake breaks (reviewed by hand; a change here means a check or a submission changed meaning).
const EXPECTED_POINTS: Record<string, number> = {
  'bind-mount-readonly/editor-also-readonly': 5,
  'bind-mount-readonly/missing-ro': 5,
  'bind-mount-readonly/paths-swapped': 3,
  'bind-mount-readonly/typo-in-host-path': 5,
  'cmd-vs-entrypoint/argument-before-image': 5,
  'cmd-vs-entrypoint/cmd-only': 3,
  'cmd-vs-entrypoint/hello-in-cmd': 4,
  'cmd-vs-entrypoint/shell-form-entrypoint': 2,
  'commit-tomcat-without-docs/commit-before-delete': 6,
  'commit-tomcat-without-docs/missing-message': 8,
  'commit-tomcat-without-docs/missing-tag': 2,
  'commit-tomcat-without-docs/typo-in-path': 6,
  'data-outlives-containers/anonymous-volume': 1,
  'data-outlives-containers/removed-before-writing': 5,
  'data-outlives-containers/typo-in-mount-path': 3,
  'data-outlives-containers/volume-removed-too': 1,
  'dockerfile-volume/build-without-tag': 0,
  'dockerfile-volume/cmd-before-volume-overridden': 6,
  'dockerfile-volume/no-space-after-volume': 0,
  'dockerfile-volume/typo-in-volume-path': 5,
  'host-edits-while-stopped/copy-into-shared-folder': 5,
  'host-edits-while-stopped/exec-before-start': 3,
  'host-edits-while-stopped/forgot-to-start': 1,
  'host-edits-while-stopped/new-container-instead': 1,
  'host-edits-while-stopped/typo-in-path': 3,
  'layers-and-history/delete-in-second-run': 5,
  'layers-and-history/missing-tag': 0,
  'layers-and-history/typo-in-rm-path': 6,
  'volumes-from-dc01/dc01-removed-too-early': 0,
  'volumes-from-dc01/dc03-missing-volumes-from': 3,
  'volumes-from-dc01/file-outside-volume': 5,
  'volumes-from-dc01/typo-in-container-name': 2,
};

const ROOT = join(process.cwd(), 'scenarios', 'exercises');
const exercises = existsSync(ROOT) ? readdirSync(ROOT).filter((n) => existsSync(join(ROOT, n, 'exercise.yaml'))).sort() : [];

describe('exercises', () => {
  it('there are at least eight, each with a reference and at least three wrong submissions', () => {
    assert.ok(exercises.length >= 8, `${exercises.length} exercises`);
    for (const name of exercises) {
      const subs = readdirSync(join(ROOT, name, 'submissions'));
      assert.ok(subs.includes('reference'), `${name} has no reference`);
      assert.ok(subs.filter((s) => s !== 'reference').length >= 3, `${name} has fewer than three wrong submissions`);
    }
  });

  it('reads commands.sh: comments, continuations, docker lines only', () => {
    assert.deepEqual(commandLines('# c\ndocker run \\\n  -d x\n\ndocker ps\n'), ['run    -d x', 'ps']);
    assert.throws(() => commandLines('cd /tmp\n'), /not a docker command/);
  });

  for (const name of exercises) {
    describe(name, () => {
      const exercise = join(ROOT, name, 'exercise.yaml');
      const subs = readdirSync(join(ROOT, name, 'submissions')).sort();
      for (const sub of subs) {
        it(sub === 'reference' ? 'the reference scores full marks' : `"${sub}" loses points and shows hints`, async () => {
          const score = await grade(exercise, join(ROOT, name, 'submissions', sub));
          const failed = score.checks.filter((c) => !c.passed);
          const report = failed.map((c) => `  - ${c.title} (${c.points}): ${c.hint ?? 'no hint'}`).join('\n');
          if (sub === 'reference') {
            assert.equal(score.points, score.max, `reference scored ${score.points}/${score.max}\n${report}\nfailed lines: ${score.failedLines.join('; ')}`);
            assert.deepEqual(score.failedLines, []);
          } else {
            assert.ok(score.points < score.max, `${sub} scored full marks`);
            assert.equal(score.points, EXPECTED_POINTS[`${name}/${sub}`], `${sub} scored ${score.points}/${score.max}\n${report}`);
            for (const c of failed) assert.ok(c.hint && c.hint.length > 0, `${c.title} fails without a hint`);
          }
        });
      }
    });
  }
});
