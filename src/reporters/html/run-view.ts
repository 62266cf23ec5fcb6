// View model of `drydock run`'s report: the run's counts, then each scenario with its transcript and checks.

import type { RunResult, ScenarioResult } from '../../runner/result.js';
import { checkView, clean, duration, groupSteps, type CheckView, type StepGroup } from './view-parts.js';

/** One scenario as shown. */
export interface ScenarioView {
  ok: boolean;
  name: string;
  file: string;
  status: string;
  duration: string;
  tags: string[];
  error?: string;
  note?: string;
  groups: StepGroup[];
  checks: CheckView[];
  anchor: string;
}

/** The run's page. */
export interface RunView {
  title: string;
  engine: string;
  startedAt: string;
  duration: string;
  total: number;
  passed: number;
  failed: number;
  errors: number;
  skipped: number;
  scenarios: ScenarioView[];
}

const PHASE_LABEL = { setup: 'Setup', steps: 'Steps', teardown: 'Teardown' } as const;

function scenarioView(s: ScenarioResult, i: number): ScenarioView {
  const v: ScenarioView = {
    ok: s.status === 'passed' || s.status === 'skipped',
    name: clean(s.name, 500),
    file: s.file,
    status: s.status,
    duration: duration(s.durationMs),
    tags: s.tags,
    groups: groupSteps(s.steps, (x) => ({ label: PHASE_LABEL[x.phase], mine: x.phase === 'steps' })),
    checks: s.checks.map(checkView),
    anchor: `s${i + 1}`,
  };
  if (s.error) v.error = clean(s.error, 2000);
  if (s.skipReason) v.note = s.skipReason;
  return v;
}

/** The view of a whole run. */
export function runView(run: RunResult): RunView {
  const s = run.summary;
  return {
    title: `drydock: ${s.passed} of ${s.total} scenarios passed`,
    engine: run.engine,
    startedAt: run.startedAt,
    duration: duration(s.durationMs),
    total: s.total,
    passed: s.passed,
    failed: s.failed,
    errors: s.errors,
    skipped: s.skipped,
    scenarios: run.scenarios.map(scenarioView),
  };
}
