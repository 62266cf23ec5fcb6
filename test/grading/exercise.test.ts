import assert from 'node:assert/strict';
import { toExercise } from '../../src/grading/exercise.js';
import { loadScenario } from '../../src/scenario/load.js';

function problems(yaml: string): string[] {
  const r = loadScenario(yaml, 'ex.yaml');
  return r.ok ? [] : r.problems.map((p) => `${p.start.line}:${p.start.col} ${p.code} ${p.message}`);
}

const EXERCISE = `name: ex
exercise: { title: Volumes, maxScore: 4, timeLimit: 5s, stepBudget: 5000 }
setup:
  - docker: volume create v1
steps:
  - docker: ps
  - submission: true
  - docker: volume ls
checks:
  - volumes: { present: [v1] }
    points: 2.5
    hint: create it
    visibility: after_due_date
  - name: none
    volumes: { count: 1 }
  - volumes: { present: [v2] }
    skip: later
`;

describe('exercises in the scenario format', () => {
  it('loads the marker, points, hints, visibility and the exercise block', () => {
    const r = loadScenario(EXERCISE, 'ex.yaml');
    assert.ok(r.ok, JSON.stringify(!r.ok && r.problems));
    const s = r.scenario;
    assert.equal(s.submissionAt, 1);
    assert.deepEqual(s.steps.map((x) => [x.title, x.index, x.location.line]), [
      ['docker ps', 0, 6],
      ['docker volume ls', 2, 8],
    ]);
    assert.deepEqual(s.exercise, { title: 'Volumes', maxScore: 4, timeLimitMs: 5000, stepBudget: 5000 });
    assert.deepEqual([s.checks[0]?.kind, s.checks[0]?.points, s.checks[0]?.hint, s.checks[0]?.visibility], ['volumes', 2.5, 'create it', 'after_due_date']);
    assert.deepEqual([s.checks[1]?.kind, s.checks[1]?.points, s.checks[1]?.visibility], ['volumes', undefined, undefined]);
    const made = toExercise(s);
    assert.ok(made.ok);
    assert.deepEqual([made.exercise.title, made.exercise.maxScore, made.exercise.timeLimitMs, made.exercise.stepBudget, made.exercise.submissionAt], ['Volumes', 4, 5000, 5000, 1]);
  });

  it('defaults: 1 point a check (skipped ones not counted), the scenario name as title, 20 s, 100000 steps', () => {
    const r = loadScenario(EXERCISE.replace(/^exercise:.*\n/m, ''), 'ex.yaml');
    assert.ok(r.ok);
    const made = toExercise(r.scenario);
    assert.ok(made.ok);
    assert.deepEqual([made.exercise.title, made.exercise.maxScore, made.exercise.timeLimitMs, made.exercise.stepBudget], ['ex', 3.5, 20_000, 100_000]);
  });

  it('a scenario without the marker is not an exercise', () => {
    const r = loadScenario('name: x\nsteps:\n  - docker: ps\n', 'x.yaml');
    assert.ok(r.ok);
    const made = toExercise(r.scenario);
    assert.ok(!made.ok);
    assert.match(made.message, /x.yaml: not an exercise: its `steps` need a `- submission: true` item/);
  });

  it('the marker stands alone, once, in `steps`; points, visibility and exercise keys are checked', () => {
    assert.deepEqual(problems('name: x\nsetup:\n  - submission: true\nsteps:\n  - submission: true\n  - submission: true\n'), [
      '3:5 STEP_KIND `submission: true` goes in `steps`, not in `setup`',
      '6:5 STEP_KIND an exercise has one `submission: true` marker',
    ]);
    assert.match(problems('name: x\nsteps:\n  - submission: true\n    docker: ps\n')[0] ?? '', /^3:5 STEP_KIND `submission: true` stands alone/);
    assert.match(problems('name: x\nsteps:\n  - submission: false\n')[0] ?? '', /BAD_VALUE/);
    assert.match(problems('name: x\nsteps: [{ docker: ps }]\nchecks:\n  - volumes: { count: 0 }\n    points: -1\n')[0] ?? '', /^5:13 BAD_VALUE/);
    assert.match(problems('name: x\nsteps: [{ docker: ps }]\nchecks:\n  - volumes: { count: 0 }\n    visibility: secret\n')[0] ?? '', /^5:17 BAD_VALUE .*`visible`, `hidden`, `after_due_date`/);
    assert.match(problems('name: x\nexercise: { title: t, timeLimit: 5 minutes }\nsteps: [{ docker: ps }]\n')[0] ?? '', /^2:34 BAD_VALUE `timeLimit` must be a duration/);
    assert.match(problems('name: x\nexercise: { title: t, points: 3 }\nsteps: [{ docker: ps }]\n')[0] ?? '', /UNKNOWN_KEY/);
  });
});
