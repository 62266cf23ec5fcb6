// Runs one scenario on a fresh engine: refuses it up front when the engine cannot run one of its commands, then
// setup, steps, checks and teardown. A failed step stops the steps and checks after it; teardown always runs.

import type { AssertionRegistry } from '../assertions/registry.js';
import type { CheckContext } from '../assertions/types.js';
import type { Engine } from '../engine/engine.js';
import { EngineError } from '../errors/engine-error.js';
import { formatDuration } from '../scenario/duration.js';
import { DEFAULT_STEP_TIMEOUT_MS, SCENARIO_DIR, type CheckSpec, type Scenario, type Step } from '../scenario/model.js';
import { renderDeep, TemplateError } from '../scenario/template.js';
import type { CheckResult, RunHooks, ScenarioInfo, ScenarioResult, Status } from './result.js';
import { runStep, skipStep, timedOut, withTimeout, type StepState } from './run-step.js';

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
export function refusal(scenario: Scenario, engine: Engine): string | undefined {
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

function checkTitle(check: CheckSpec, options: ScenarioRunOptions, spec = check.spec): string {
  if (check.name) return check.name;
  const assertion = options.registry.get(check.kind);
  try {
    return assertion ? assertion.describe(spec) : check.kind;
  } catch {
    return check.kind;
  }
}

async function runCheck(check: CheckSpec, ctx: CheckContext, state: StepState, options: ScenarioRunOptions): Promise<CheckResult> {
  const r: CheckResult = { index: check.index, kind: check.kind, title: checkTitle(check, options), status: 'passed', failures: [], durationMs: 0, location: check.location };
  if (check.skip !== undefined) return { ...r, status: 'skipped', skipReason: check.skip };
  const assertion = options.registry.get(check.kind);
  if (!assertion) return { ...r, status: 'error', failures: [{ message: `no check kind named ${check.kind}` }] };
  const started = performance.now();
  try {
    const spec = check.templated ? renderDeep(check.spec, state) : check.spec;
    if (check.templated) r.title = checkTitle(check, options, spec);
    const outcome = await withTimeout(assertion.run(spec, ctx), DEFAULT_STEP_TIMEOUT_MS);
    r.durationMs = performance.now() - started;
    if (timedOut(outcome)) return { ...r, status: 'error', failures: [{ message: `timed out after ${formatDuration(DEFAULT_STEP_TIMEOUT_MS)}` }] };
    return { ...r, status: outcome.status, failures: outcome.failures };
  } catch (e) {
    const message = e instanceof TemplateError ? `template: ${e.message}` : e instanceof Error ? e.message : String(e);
    return { ...r, status: 'error', failures: [{ message }], durationMs: performance.now() - started };
  }
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
      const r: CheckResult = stopped
        ? { index: check.index, kind: check.kind, title: checkTitle(check, options), status: 'skipped', failures: [], durationMs: 0, skipReason: stopped, location: check.location }
        : await runCheck(check, ctx, state, options);
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
