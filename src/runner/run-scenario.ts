// Runs one scenario on a fresh engine: refuses it up front when the engine cannot run one of its commands, then
// setup, steps, checks and teardown. A failed step stops the steps and checks after it; teardown always runs.

import type { AssertionRegistry } from '../assertions/registry.js';
import type { CheckContext } from '../assertions/types.js';
import type { Engine } from '../engine/engine.js';
import { EngineError } from '../errors/engine-error.js';
import { DEFAULT_STEP_TIMEOUT_MS, SCENARIO_DIR, type Scenario, type Step } from '../scenario/model.js';
import type { RunHooks, ScenarioInfo, ScenarioResult, Status } from './result.js';
import { runCheck, skippedCheck } from './run-check.js';
import { runStep, skipStep, type StepState } from './run-step.js';

/** What a scenario run needs besides the scenario. */
export interface ScenarioRunOptions {
  createEngine: (scenario: Scenario) => Engine | Promise<Engine>;
  registry: AssertionRegistry;
  hooks?: RunHooks;
}

/** The reporter-facing identity of a scenario. */
export function scenarioInfo(s: Scenario): ScenarioInfo {
  return { file: s.file, name: s.name, tags: s.tags, location: s.location };
}

/** Why `engine` cannot run the scenario's commands, or undefined when it can. */
function refusal(scenario: Scenario, engine: Engine): string | undefined {
  for (const step of [...scenario.setup, ...scenario.steps, ...scenario.teardown]) {
    if (step.kind !== 'docker' || !step.command) continue;
    const { name, refused } = step.command;
    if (refused || !engine.capabilities.commands.has(name)) {
      return `the ${engine.name} engine cannot run \`${step.title}\` (${step.location.file}:${step.location.line}:${step.location.col}); nothing was run`;
    }
  }
  return undefined;
}

/** A result for a scenario that does not run. */
export function skippedScenario(s: Scenario, reason: string): ScenarioResult {
  return { ...scenarioInfo(s), status: 'skipped', durationMs: 0, steps: [], checks: [], skipReason: reason };
}

/** Runs one scenario from start to end; never throws. */
export async function runScenario(scenario: Scenario, options: ScenarioRunOptions): Promise<ScenarioResult> {
  const info = scenarioInfo(scenario);
  const hooks = options.hooks ?? {};
  hooks.onScenarioBegin?.(info);
  const started = performance.now();
  const result: ScenarioResult = { ...info, status: 'passed', durationMs: 0, steps: [], checks: [] };
  const finish = (): ScenarioResult => {
    result.durationMs = performance.now() - started;
    hooks.onScenarioEnd?.(info, result);
    return result;
  };
  if (scenario.skip !== undefined) {
    result.status = 'skipped';
    result.skipReason = scenario.skip;
    return finish();
  }
  let engine: Engine;
  try {
    engine = await options.createEngine(scenario);
  } catch (e) {
    result.status = 'error';
    result.error = e instanceof EngineError && e.code === 'POLICY_REFUSED' ? `refused: ${e.message}` : `the engine could not start: ${e instanceof Error ? e.message : String(e)}`;
    return finish();
  }
  try {
    const refused = refusal(scenario, engine);
    if (refused) {
      result.status = 'error';
      result.error = refused;
      return finish();
    }
    const state: StepState = { steps: new Map(), vars: new Map(scenario.vars), env: scenario.env };
    let stopped: string | undefined;
    const run = async (step: Step): Promise<void> => {
      const r = stopped ? skipStep(step, stopped) : await runStep(step, engine, state);
      // Teardown steps all run, whatever failed before them.
      if (!stopped && step.phase !== 'teardown' && (r.status === 'failed' || r.status === 'error')) {
        stopped = `not run: ${step.phase === 'setup' ? 'setup' : 'an earlier step'} failed`;
      }
      result.steps.push(r);
      hooks.onStepEnd?.(info, r);
    };
    for (const step of scenario.setup) await run(step);
    for (const step of scenario.steps) await run(step);
    const ctx: CheckContext = { engine, hostDir: SCENARIO_DIR };
    for (const check of scenario.checks) {
      const r = stopped ? skippedCheck(check, options.registry, stopped) : await runCheck(check, ctx, state, options.registry, DEFAULT_STEP_TIMEOUT_MS);
      result.checks.push(r);
      hooks.onCheckEnd?.(info, r);
    }
    stopped = undefined;
    for (const step of scenario.teardown) await run(step);
    result.status = overall([...result.steps.map((s) => s.status), ...result.checks.map((c) => c.status)]);
  } finally {
    try {
      await engine.dispose();
    } catch (e) {
      hooks.onError?.({ message: `disposing the engine: ${e instanceof Error ? e.message : String(e)}`, file: scenario.file });
    }
  }
  return finish();
}

function overall(statuses: Status[]): Status {
  if (statuses.includes('failed')) return 'failed';
  if (statuses.includes('error')) return 'error';
  return 'passed';
}
