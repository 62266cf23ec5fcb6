// Runs one step: renders its templates, runs the docker command or host script with a time limit, compares
// exit code and output with the step's expectations, and records named output for later steps.

import { compileRegex } from '../assertions/regex.js';
import { RegexStepLimitExceeded } from '../regex/steps.js';
import { runMatcher } from '../assertions/matchers.js';
import type { Failure } from '../assertions/types.js';
import type { CommandResult, Engine } from '../engine/engine.js';
import { formatDuration } from '../scenario/duration.js';
import type { Step, StepExpect } from '../scenario/model.js';
import { renderDeep, renderTemplate, TemplateError, type TemplateContext } from '../scenario/template.js';
import type { StepResult } from './result.js';

/** The template values a scenario builds up as its steps run. */
export interface StepState extends TemplateContext {
  steps: Map<string, { stdout: string; stderr: string; exitCode: number }>;
  vars: Map<string, string>;
}

const TIMED_OUT = Symbol('timed out');

/** `promise`, or TIMED_OUT when it takes longer than `ms`. */
export async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | typeof TIMED_OUT> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMED_OUT), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** True for the value withTimeout gives when time ran out. */
export function timedOut(value: unknown): value is typeof TIMED_OUT {
  return value === TIMED_OUT;
}

function base(step: Step, command: string[] | string): StepResult {
  const r: StepResult = {
    phase: step.phase,
    index: step.index,
    kind: step.kind,
    title: step.title,
    command,
    status: 'passed',
    stdout: '',
    stderr: '',
    durationMs: 0,
    failures: [],
    location: step.location,
  };
  if (step.name !== undefined) r.name = step.name;
  return r;
}

/** A result for a step that is not run (its `skip`, or an earlier failure). */
export function skipStep(step: Step, reason: string): StepResult {
  const r = base(step, step.kind === 'docker' ? step.words : step.script);
  r.status = 'skipped';
  r.skipReason = reason;
  return r;
}

/** Runs one step on `engine`, updating `state` with its named output and captures. */
export async function runStep(step: Step, engine: Engine, state: StepState): Promise<StepResult> {
  if (step.skip !== undefined) return skipStep(step, step.skip);
  const started = performance.now();
  let command: string[] | string;
  let stdin: string | undefined;
  try {
    command = step.kind === 'docker' ? (step.templated ? step.words.map((w) => renderTemplate(w, state)) : step.words) : renderTemplate(step.script, state);
    stdin = step.stdin === undefined ? undefined : renderTemplate(step.stdin, state);
  } catch (e) {
    const r = base(step, step.kind === 'docker' ? step.words : step.script);
    r.status = 'error';
    r.failures.push({ message: e instanceof TemplateError ? `template: ${e.message}` : String(e) });
    return r;
  }
  const r = base(step, command);
  const input = stdin === undefined ? { timeoutMs: step.timeoutMs } : { timeoutMs: step.timeoutMs, stdin };
  let result: CommandResult | typeof TIMED_OUT;
  try {
    const running = typeof command === 'string' ? engine.host(command, input) : engine.docker(command, input);
    // a real engine stops what hangs itself (and kills the container); give it a moment to report that
    result = await withTimeout(running, step.timeoutMs + (engine.capabilities.realProcesses ? 5000 : 0));
  } catch (e) {
    r.status = 'error';
    r.failures.push({ message: `the engine failed: ${e instanceof Error ? e.message : String(e)}` });
    r.durationMs = performance.now() - started;
    return r;
  }
  r.durationMs = performance.now() - started;
  if (timedOut(result) || result.timedOut === true) {
    r.status = 'failed';
    r.failures.push({ message: `timed out after ${formatDuration(step.timeoutMs)}` });
    return r;
  }
  r.exitCode = result.exitCode;
  r.stdout = result.stdout;
  r.stderr = result.stderr;
  let failures: Failure[];
  try {
    failures = expectationFailures(step.expectTemplated ? renderDeep(step.expect, state) : step.expect, result);
  } catch (e) {
    failures = [{ message: e instanceof TemplateError ? `template: ${e.message}` : e instanceof RegexStepLimitExceeded ? e.message : String(e) }];
  }
  if (step.name !== undefined) {
    state.steps.set(step.name, { stdout: result.stdout.trim(), stderr: result.stderr.trim(), exitCode: result.exitCode });
  }
  for (const [name, source] of step.capture) {
    let m: RegExpExecArray | null;
    try {
      m = compileRegex(source).exec(result.stdout);
    } catch (e) {
      if (!(e instanceof RegexStepLimitExceeded)) throw e;
      failures.push({ message: `capture ${name}: ${e.message}` });
      continue;
    }
    if (m) state.vars.set(name, m[1] ?? m[0]);
    else failures.push({ message: `capture ${name}: /${source}/ does not match stdout`, expected: source, actual: result.stdout });
  }
  if (failures.length > 0) {
    r.status = 'failed';
    r.failures = failures;
  }
  return r;
}

function expectationFailures(expect: StepExpect, result: CommandResult): Failure[] {
  // Fast path: the common step expects only exit code 0.
  if (expect.exitCode === 0 && expect.stdout === undefined && expect.stderr === undefined) {
    if (result.exitCode === 0) return [];
    return [{ message: `exit code ${result.exitCode}, expected 0${result.stderr ? `\n${result.stderr.trimEnd()}` : ''}`, expected: 0, actual: result.exitCode }];
  }
  const failures = runMatcher(expect.exitCode, result.exitCode, 'exit code');
  if (expect.stdout !== undefined) failures.push(...runMatcher(expect.stdout, result.stdout, 'stdout'));
  if (expect.stderr !== undefined) failures.push(...runMatcher(expect.stderr, result.stderr, 'stderr'));
  return failures;
}
