// What a run produces, as plain serialisable data (the json reporter writes it as it is), and the hooks the
// runner calls while it runs (Playwright's ReporterV2 shape: every hook optional).

import type { Failure } from '../assertions/types.js';
import type { Location, StepPhase } from '../scenario/model.js';
import type { ScenarioComparison } from './compare/compare-results.js';

export type { Failure } from '../assertions/types.js';
export type { Location, StepPhase } from '../scenario/model.js';

/** How a step, check or scenario ended. `error`: it could not be carried out (engine error, bad template). */
export type Status = 'passed' | 'failed' | 'skipped' | 'error';

/** One step as it ran. */
export interface StepResult {
  phase: StepPhase;
  index: number;
  kind: 'docker' | 'host';
  name?: string;
  /** the step as written: `docker run -d x` or `$ echo hi` */
  title: string;
  /** what ran: the docker argv (templates rendered) or the host script */
  command: string[] | string;
  status: Status;
  exitCode?: number;
  stdout: string;
  stderr: string;
  durationMs: number;
  failures: Failure[];
  skipReason?: string;
  location: Location;
}

/** One check as it ran. */
export interface CheckResult {
  index: number;
  kind: string;
  title: string;
  status: Status;
  failures: Failure[];
  durationMs: number;
  skipReason?: string;
  location: Location;
}

/** A scenario as the reporters see it before it runs. */
export interface ScenarioInfo {
  file: string;
  name: string;
  tags: string[];
  location: Location;
}

/** One scenario's outcome. */
export interface ScenarioResult extends ScenarioInfo {
  status: Status;
  durationMs: number;
  /** setup, steps and teardown, in the order they ran */
  steps: StepResult[];
  checks: CheckResult[];
  /** why the scenario could not run at all (engine refused, engine failed) */
  error?: string;
  skipReason?: string;
  /** `--engine both`: the two runs and what differed (steps and checks above are the real engine's) */
  comparison?: ScenarioComparison;
  /** why the scenario ran on fewer engines than asked (its `engines:` and the reason it gives) */
  engineNote?: string;
}

/** Counts for the summary line. */
export interface RunSummary {
  total: number;
  passed: number;
  failed: number;
  skipped: number;
  errors: number;
  durationMs: number;
  /** `--engine both`: steps and checks identical on both engines, of those compared */
  fidelity?: { identical: number; total: number };
}

/** Everything a run produced. */
export interface RunResult {
  engine: string;
  startedAt: string;
  scenarios: ScenarioResult[];
  summary: RunSummary;
}

/** What the runner tells its observers (reporters), as it happens. */
export interface RunHooks {
  onBegin?(info: { scenarios: ScenarioInfo[]; jobs: number; engine: string }): void;
  onScenarioBegin?(scenario: ScenarioInfo): void;
  onStepEnd?(scenario: ScenarioInfo, step: StepResult): void;
  onCheckEnd?(scenario: ScenarioInfo, check: CheckResult): void;
  onScenarioEnd?(scenario: ScenarioInfo, result: ScenarioResult): void;
  onError?(error: { message: string; file?: string }): void;
  onEnd?(result: RunResult): void | Promise<void>;
}

/** Counts of a list of scenario results. */
export function summarise(results: readonly ScenarioResult[], durationMs: number): RunSummary {
  const count = (s: Status) => results.filter((r) => r.status === s).length;
  const summary: RunSummary = { total: results.length, passed: count('passed'), failed: count('failed'), skipped: count('skipped'), errors: count('error'), durationMs };
  const compared = results.filter((r) => r.comparison !== undefined);
  if (compared.length > 0) {
    summary.fidelity = {
      identical: compared.reduce((n, r) => n + r.comparison!.identical, 0),
      total: compared.reduce((n, r) => n + r.comparison!.total, 0),
    };
  }
  return summary;
}
