// Every submission of every exercise graded on the real engine (what `drydock grade --engine docker` runs) and on
// the simulator: the same status, the same score and the same verdict on every check. Together with
// exercises.test.ts (which pins each submission's points on the simulator) this shows that a teacher gets the same
// gradebook whichever engine grades. Skipped, with the reason, where no Docker engine is reachable.

import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { builtinAssertions } from '../../src/assertions/registry.js';
import type { Engine } from '../../src/engine/engine.js';
import { loadExercise, type Exercise } from '../../src/grading/exercise.js';
import { gradeSubmission } from '../../src/grading/grade-submission.js';
import type { SubmissionGrade } from '../../src/grading/grade-result.js';
import { dockerGradingEngines, simGradingEngine } from '../../src/grading/grading-engines.js';
import { readSubmission } from '../../src/grading/submission.js';
import type { ScenarioFile } from '../../src/scenario/model.js';
import { requireDocker } from '../engine/docker/require-docker.js';

const ROOT = join(process.cwd(), 'scenarios', 'exercises');
const exercises = existsSync(ROOT) ? readdirSync(ROOT).filter((n) => existsSync(join(ROOT, n, 'exercise.yaml'))).sort() : [];

interface Verdicts {
  status: string;
  score: number;
  checks: string[];
}

function verdicts(g: SubmissionGrade): Verdicts {
  return { status: g.status, score: g.score, checks: g.checks.map((c) => `${c.title}: ${c.status} (${c.earned}/${c.points})`) };
}

describe('exercises on the real engine', function () {
  // each submission costs one to three seconds of docker CLI calls
  this.timeout(120_000);
  let docker: { createEngine: (files: ScenarioFile[], exercise: Exercise) => Engine; disposeAll: () => Promise<string[]> } | undefined;

  before(async function () {
    this.timeout(300_000);
    await requireDocker(this);
    docker = await dockerGradingEngines();
  });

  after(async () => {
    const left = (await docker?.disposeAll()) ?? [];
    assert.deepEqual(left, [], 'what the graded submissions created is removed');
  });

  for (const name of exercises) {
    const subs = readdirSync(join(ROOT, name, 'submissions')).sort();
    for (const sub of subs) {
      it(`${name}/${sub}: the same grade as on the simulator`, async () => {
        const loaded = await loadExercise(join(ROOT, name, 'exercise.yaml'));
        if (!loaded.ok) throw new Error(`${name}: ${loaded.message ?? loaded.problems.map((p) => p.message).join('; ')}`);
        const submission = await readSubmission(join(ROOT, name, 'submissions', sub));
        const registry = builtinAssertions();
        const onSim = await gradeSubmission(loaded.exercise, submission, submission.student, '', { createEngine: simGradingEngine, engineName: 'sim', registry });
        const onDocker = await gradeSubmission(loaded.exercise, submission, submission.student, '', { createEngine: docker!.createEngine, engineName: 'docker', registry });
        assert.equal(onDocker.status, 'graded', `${name}/${sub} on docker: ${onDocker.status} ${onDocker.error ?? ''}`);
        assert.deepEqual(verdicts(onDocker), verdicts(onSim));
        if (sub === 'reference') assert.equal(onDocker.score, onDocker.maxScore, 'the reference scores full marks on the real engine');
      });
    }
  }
});
