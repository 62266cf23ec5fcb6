// The engines a submission is graded on. The simulator: a fresh in-memory state whose sandbox host holds only
// the exercise's and the submission's files (nothing of the grading machine, no network, no other submission),
// with the exercise's step budget. The real engine: an isolated namespace per submission (runner/docker-engines)
// under the untrusted-scenario policy.

import type { Engine } from '../engine/engine.js';
import { createSimEngine } from '../engine/sim/node/create-sim-engine.js';
import { scenarioHost } from '../runner/sim-engine.js';
import { SCENARIO_DIR, type ScenarioFile } from '../scenario/model.js';
import type { Exercise } from './exercise.js';

/** A simulator engine for one submission. */
export function simGradingEngine(files: ScenarioFile[], exercise: Exercise): Engine {
  const host = scenarioHost({ ...exercise.scenario, files });
  return createSimEngine({ host, cwd: SCENARIO_DIR, env: exercise.scenario.env, stepBudget: exercise.stepBudget });
}

/**
 * A factory of real-engine Engines for a batch, after checking the daemon answers and building the stand-in
 * images it lacks. Each submission gets its own isolated namespace (run ID, folder, name prefix, labels), so
 * submissions graded at once never see each other's containers, and the untrusted-scenario policy applies to
 * every command: what would reach the grading machine fails that step (a POLICY_REFUSED error) and grading
 * goes on.
 */
export async function dockerGradingEngines(): Promise<{ createEngine: (files: ScenarioFile[], exercise: Exercise) => Engine; disposeAll: () => Promise<string[]> }> {
  const { DockerEngines } = await import('../runner/docker-engines.js');
  const { untrustedPolicy } = await import('../runner/untrusted-policy.js');
  const engines = new DockerEngines({ policy: (scenario) => untrustedPolicy(scenario, false) });
  await engines.prepare();
  return { createEngine: (files, exercise) => engines.create({ ...exercise.scenario, files }), disposeAll: () => engines.disposeAll() };
}
