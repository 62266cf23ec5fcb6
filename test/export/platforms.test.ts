// Each export end to end, without the platform: the entry script run as the platform runs it (platform-harness),
// its results file validated against the platform's format (schemas/platforms/, written from their docs). Every
// exercise's reference scores full marks through each export, and one wrong submission exactly its pin.
// Budget: about 50 entry-script runs of 1-3 s each, two at a time: under two minutes.

import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { loadExercise } from '../../src/grading/exercise.js';
import { readPins } from '../../src/export/pins.js';
import { exportExercise, REPO_DIR, removeTempDirs, runClassroom, runGradescope, runPrairieLearn, runScript, schemaErrors, zipModes } from './platform-harness.js';

const ROOT = join(REPO_DIR, 'scenarios', 'exercises');
const exercises = readdirSync(ROOT).filter((n) => statSync(join(ROOT, n)).isDirectory()).sort();

interface Case {
  exercise: string;
  submission: string;
  expected: number;
  max: number;
}

/** Each exercise's reference (full marks) and its first pinned wrong submission. */
async function cases(): Promise<Case[]> {
  const out: Case[] = [];
  for (const name of exercises) {
    const loaded = await loadExercise(join(ROOT, name, 'exercise.yaml'));
    assert.ok(loaded.ok, name);
    const max = loaded.exercise.maxScore;
    const pins = await readPins(join(ROOT, name, 'pins.yaml'));
    assert.ok(pins && pins.problems.length === 0, `${name}/pins.yaml`);
    const wrong = pins.pins.filter((p) => p.submission !== 'reference').sort((a, b) => (a.submission < b.submission ? -1 : 1))[0];
    assert.ok(wrong && wrong.score !== 'full', `${name} has a pinned wrong submission`);
    out.push({ exercise: name, submission: 'reference', expected: max, max });
    out.push({ exercise: name, submission: wrong.submission, expected: wrong.score as number, max });
  }
  return out;
}

/** Runs `f` over the items, two at a time (the machine has two cores). */
async function twoAtATime<T>(items: readonly T[], f: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) await f(items[next++] as T);
  };
  await Promise.all([worker(), worker()]);
}

const sub = (c: Case): string => join(ROOT, c.exercise, 'submissions', c.submission);

describe('platform exports, end to end', function () {
  this.timeout(300_000);
  after(removeTempDirs);

  it('Gradescope: the zip has setup.sh and an executable run_autograder; every reference full marks, a wrong one its pin', async () => {
    const all = await cases();
    const zips = new Map<string, string>();
    for (const name of exercises) zips.set(name, await exportExercise('gradescope', join(ROOT, name)));
    const modes = zipModes(readFileSync(zips.get(exercises[0] as string) as string));
    assert.equal(modes.get('run_autograder'), 0o755);
    assert.equal(modes.get('setup.sh'), 0o755);
    assert.ok([...modes.keys()].some((k) => /^drydock-\d+\.\d+\.\d+.*\.tgz$/.test(k)), [...modes.keys()].join(' '));
    await twoAtATime(all, async (c) => {
      const { results } = await runGradescope(zips.get(c.exercise) as string, sub(c));
      assert.equal(schemaErrors('gradescope-results.schema.json', results), '', `${c.exercise}/${c.submission}`);
      const r = results as { score: number; tests: { score: number; max_score: number; visibility: string }[] };
      assert.equal(r.score, c.expected, `${c.exercise}/${c.submission}`);
      assert.equal(r.tests.reduce((a, t) => a + t.score, 0), c.expected);
      assert.equal(r.tests.reduce((a, t) => a + t.max_score, 0), c.max);
    });
  });

  it('Gradescope: setup.sh in offline mode accepts the drydock on PATH only at this version', async () => {
    const zip = await exportExercise('gradescope', join(ROOT, 'cmd-vs-entrypoint'));
    const { root } = await runGradescope(zip, join(ROOT, 'cmd-vs-entrypoint', 'submissions', 'reference'));
    const ok = await runScript(join(root, 'autograder', 'source', 'setup.sh'), { DRYDOCK_SETUP_OFFLINE: '1' });
    assert.equal(ok.exitCode, 0, ok.stderr);
    const version = (JSON.parse(readFileSync(join(REPO_DIR, 'package.json'), 'utf8')) as { version: string }).version;
    const setup = readFileSync(join(root, 'autograder', 'source', 'setup.sh'), 'utf8');
    assert.match(setup, new RegExp(`npm install --global .*drydock-${version.replace(/\./g, '\\.')}\\.tgz`));
  });

  it('PrairieLearn: info.json names the entrypoint and the image; every reference score 1, a wrong one its pin', async () => {
    const all = await cases();
    const dirs = new Map<string, string>();
    for (const name of exercises) dirs.set(name, await exportExercise('prairielearn', join(ROOT, name), ['--image', 'example/drydock-grader:1']));
    const first = dirs.get(exercises[0] as string) as string;
    const info = JSON.parse(readFileSync(join(first, 'question', 'info.json'), 'utf8')) as { externalGradingOptions: { enabled: boolean; image: string; entrypoint: string; timeout: number } };
    assert.deepEqual([info.externalGradingOptions.enabled, info.externalGradingOptions.image, info.externalGradingOptions.entrypoint], [true, 'example/drydock-grader:1', '/grade/tests/run.sh']);
    assert.ok(info.externalGradingOptions.timeout <= 600);
    assert.match(readFileSync(join(first, 'grader-image', 'Dockerfile'), 'utf8'), /^FROM node:\d+/m);
    await twoAtATime(all, async (c) => {
      const { results } = await runPrairieLearn(dirs.get(c.exercise) as string, sub(c));
      assert.equal(schemaErrors('prairielearn-results.schema.json', results), '', `${c.exercise}/${c.submission}`);
      const r = results as { gradable: boolean; score: number; tests: { points: number; max_points: number }[] };
      assert.equal(r.gradable, true);
      assert.ok(Math.abs(r.score * c.max - c.expected) < 1e-6, `${c.exercise}/${c.submission}: ${r.score} × ${c.max} ≠ ${c.expected}`);
      assert.equal(r.tests.reduce((a, t) => a + t.points, 0), c.expected);
    });
  });

  it('GitHub Classroom: the workflow hands grade.sh\'s output to the reporter; the points it adds up are the pins', async () => {
    const all = await cases();
    const dirs = new Map<string, string>();
    for (const name of exercises) dirs.set(name, await exportExercise('github-classroom', join(ROOT, name)));
    const first = dirs.get(exercises[0] as string) as string;
    const wf = parse(readFileSync(join(first, '.github', 'workflows', 'classroom.yml'), 'utf8')) as { jobs: Record<string, { steps: { id?: string; uses?: string; run?: string; env?: Record<string, string>; with?: Record<string, string> }[] }> };
    const steps = Object.values(wf.jobs)[0]?.steps ?? [];
    const grader = steps.find((s) => s.run?.includes('.drydock/grade.sh'));
    const reporter = steps.find((s) => s.uses?.startsWith('classroom-resources/autograding-grading-reporter@'));
    assert.ok(grader?.id && reporter?.with?.runners);
    // The reporter reads <RUNNER>_RESULTS for each runner id (src/main.js of the reporter).
    assert.equal(reporter.env?.[`${reporter.with.runners.toUpperCase()}_RESULTS`], `\${{ steps.${grader.id}.outputs.result }}`);
    assert.ok(steps.some((s) => /npm install --global .*\.\/\.drydock\/drydock-.*\.tgz/.test(s.run ?? '')));
    await twoAtATime(all, async (c) => {
      const { results } = await runClassroom(dirs.get(c.exercise) as string, sub(c));
      assert.equal(schemaErrors('github-classroom-result.schema.json', results), '', `${c.exercise}/${c.submission}`);
      const r = results as { max_score: number; status: string; tests: { score: number }[] };
      // What notify-classroom.js reports: the sum of the tests' scores out of max_score.
      assert.deepEqual([r.tests.reduce((a, t) => a + t.score, 0), r.max_score], [c.expected, c.max], `${c.exercise}/${c.submission}`);
      assert.equal(r.status, c.expected === c.max ? 'pass' : 'fail');
    });
  });
});
