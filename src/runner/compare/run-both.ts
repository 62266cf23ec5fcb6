// A scenario runner for `--engine both`: the scenario runs on the simulator, then on the real engine, and the
// result reported is the real engine's, with the comparison attached; any difference fails the scenario.

import type { AssertionRegistry } from '../../assertions/registry.js';
import type { Engine } from '../../engine/engine.js';
import type { Scenario } from '../../scenario/model.js';
import type { ScenarioResult, Status } from '../result.js';
import { runScenario } from '../run-scenario.js';
import { replayHooks, type ScenarioRunner } from '../sim-pool.js';
import { compareResults } from './compare-results.js';

/** The two engines and the checks. */
export interface BothOptions {
  sim: (scenario: Scenario) => Engine | Promise<Engine>;
  docker: (scenario: Scenario) => Engine | Promise<Engine>;
  registry: AssertionRegistry;
  /** when set, why the scenario cannot run on the real engine (its `engines:`) */
  simOnly?: (scenario: Scenario) => string | undefined;
}

/** Runs each scenario on both engines and reports the real engine's result with the comparison. */
export function bothRunner(options: BothOptions): ScenarioRunner {
  return async (scenario, info, hooks) => {
    hooks.onScenarioBegin?.(info);
    const sim = await runScenario(scenario, { createEngine: options.sim, registry: options.registry });
    const only = options.simOnly?.(scenario);
    let result: ScenarioResult;
    if (only !== undefined) {
      result = { ...sim, engineNote: only };
    } else {
      const docker = await runScenario(scenario, { createEngine: options.docker, registry: options.registry });
      const comparison = compareResults(sim, docker);
      const statuses: Status[] = [sim.status, docker.status];
      let status: Status = statuses.includes('failed') ? 'failed' : statuses.includes('error') ? 'error' : statuses.every((s) => s === 'skipped') ? 'skipped' : 'passed';
      if (comparison.differences.length > 0 && status !== 'error') status = 'failed';
      result = { ...docker, status, durationMs: sim.durationMs + docker.durationMs, comparison };
      if (sim.error !== undefined && docker.error === undefined) result.error = `simulator: ${sim.error}`;
    }
    // hooks may be a class instance (the reporter multiplexer): call through it, never copy its methods
    replayHooks(info, result, {
      onStepEnd: (i, s) => hooks.onStepEnd?.(i, s),
      onCheckEnd: (i, c) => hooks.onCheckEnd?.(i, c),
      onScenarioEnd: (i, r) => hooks.onScenarioEnd?.(i, r),
    });
    return result;
  };
}
