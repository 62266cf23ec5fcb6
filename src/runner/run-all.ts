// Runs many scenarios, each on its own fresh engine, `jobs` at a time, stopping new ones after the first
// failure with `bail`; reports through the hooks and returns every result in input order.

import type { AssertionRegistry } from '../assertions/registry.js';
import type { Engine } from '../engine/engine.js';
import type { Scenario } from '../scenario/model.js';
import { summarise, type RunHooks, type RunResult, type ScenarioResult } from './result.js';
import { runScenario, scenarioInfo, skippedScenario } from './run-scenario.js';
import type { ScenarioRunner } from './sim-pool.js';

/** Options of a run. */
export interface RunOptions {
  createEngine: (scenario: Scenario) => Engine | Promise<Engine>;
  engineName: string;
  registry: AssertionRegistry;
  hooks?: RunHooks;
  jobs?: number;
  bail?: boolean;
  /** extra runners (worker threads) working beside this thread's `jobs` */
  runners?: ScenarioRunner[];
  /** runs one scenario in this thread instead of runScenario (`--engine both`) */
  runScenario?: ScenarioRunner;
  /** why a scenario cannot run on this engine (its `engines:`); it is then skipped with that reason */
  notRunHere?: (scenario: Scenario) => string | undefined;
}

/** Runs the scenarios and calls onBegin … onEnd; never throws for a failing scenario. */
export async function runScenarios(scenarios: readonly Scenario[], options: RunOptions): Promise<RunResult> {
  const hooks = options.hooks ?? {};
  const local: ScenarioRunner = (scenario, info, h) => {
    const why = options.notRunHere?.(scenario);
    if (why !== undefined) {
      const skipped = { ...skippedScenario(scenario, why), engineNote: why };
      h.onScenarioBegin?.(info);
      h.onScenarioEnd?.(info, skipped);
      return Promise.resolve(skipped);
    }
    return options.runScenario ? options.runScenario(scenario, info, h) : runScenario(scenario, { createEngine: options.createEngine, registry: options.registry, hooks });
  };
  const extra = options.runners ?? [];
  const jobs = Math.max(1, Math.min(options.jobs ?? 1, scenarios.length || 1));
  const runners = [...extra, ...Array.from({ length: Math.max(1, jobs - extra.length) }, () => local)].slice(0, Math.max(1, scenarios.length));
  const startedAt = new Date().toISOString();
  const started = performance.now();
  hooks.onBegin?.({ scenarios: scenarios.map(scenarioInfo), jobs: runners.length, engine: options.engineName });
  const results: ScenarioResult[] = new Array(scenarios.length);
  let next = 0;
  let bailed = false;
  const worker = async (run: ScenarioRunner): Promise<void> => {
    while (next < scenarios.length) {
      const i = next++;
      const scenario = scenarios[i] as Scenario;
      if (bailed) {
        const skipped = skippedScenario(scenario, 'not run: --bail after a failure');
        results[i] = skipped;
        hooks.onScenarioBegin?.(scenarioInfo(scenario));
        hooks.onScenarioEnd?.(scenarioInfo(scenario), skipped);
        continue;
      }
      const r = await run(scenario, scenarioInfo(scenario), hooks);
      results[i] = r;
      if (options.bail && (r.status === 'failed' || r.status === 'error')) bailed = true;
    }
  };
  await Promise.all(runners.map(worker));
  const result: RunResult = { engine: options.engineName, startedAt, scenarios: results, summary: summarise(results, performance.now() - started) };
  await hooks.onEnd?.(result);
  return result;
}
