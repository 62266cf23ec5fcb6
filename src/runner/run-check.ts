// Runs one check of a scenario or of an exercise: the runner and the grader share it, so a check means the same
// thing in `drydock run` and `drydock grade` (its title, its template rendering, its timeout, its error texts).

import type { AssertionRegistry } from '../assertions/registry.js';
import type { CheckContext } from '../assertions/types.js';
import { formatDuration } from '../scenario/duration.js';
import type { CheckSpec } from '../scenario/model.js';
import { renderDeep, TemplateError } from '../scenario/template.js';
import type { CheckResult } from './result.js';
import { timedOut, withTimeout, type StepState } from './run-step.js';

/** The title a report shows for a check: its `name`, else what its kind says of the (rendered) spec. */
function checkTitle(check: CheckSpec, registry: AssertionRegistry, spec = check.spec): string {
  if (check.name) return check.name;
  try {
    return registry.get(check.kind)?.describe(spec) ?? check.kind;
  } catch {
    return check.kind;
  }
}

/** A check that does not run, with the reason (an earlier step failed). */
export function skippedCheck(check: CheckSpec, registry: AssertionRegistry, reason: string): CheckResult {
  return { index: check.index, kind: check.kind, title: checkTitle(check, registry), status: 'skipped', failures: [], durationMs: 0, skipReason: reason, location: check.location };
}

/** Runs a check; a failure is data, an exception or a timeout is an `error` result. Never throws. */
export async function runCheck(check: CheckSpec, ctx: CheckContext, state: StepState, registry: AssertionRegistry, timeoutMs: number): Promise<CheckResult> {
  const r: CheckResult = { index: check.index, kind: check.kind, title: checkTitle(check, registry), status: 'passed', failures: [], durationMs: 0, location: check.location };
  if (check.skip !== undefined) return { ...r, status: 'skipped', skipReason: check.skip };
  const assertion = registry.get(check.kind);
  if (!assertion) return { ...r, status: 'error', failures: [{ message: `no check kind named ${check.kind}` }] };
  const started = performance.now();
  try {
    const spec = check.templated ? renderDeep(check.spec, state) : check.spec;
    if (check.templated) r.title = checkTitle(check, registry, spec);
    const outcome = await withTimeout(assertion.run(spec, ctx), timeoutMs);
    r.durationMs = performance.now() - started;
    if (timedOut(outcome)) return { ...r, status: 'error', failures: [{ message: `timed out after ${formatDuration(timeoutMs)}` }] };
    return { ...r, status: outcome.status, failures: outcome.failures };
  } catch (e) {
    const message = e instanceof TemplateError ? `template: ${e.message}` : e instanceof Error ? e.message : String(e);
    return { ...r, status: 'error', failures: [{ message }], durationMs: performance.now() - started };
  }
}
