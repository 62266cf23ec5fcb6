// The claims table as plain data: one row per claim scenario, with the verdict the scenario asserts and what
// each engine made of it. Built from scenarios and run results only, so every renderer shares one view model.

import type { Claim, Scenario } from '../scenario/model.js';
import type { ScenarioResult, Status } from '../runner/result.js';

/** What one engine made of one claim's scenario. */
export interface EngineOutcome {
  /** `not-run` when the engine was not used (see `note`) */
  status: Status | 'not-run';
  /** a one-line summary: the first failure, the error, or why it was not run */
  note?: string;
  durationMs?: number;
}

/** One row: the claim, the verdict expected on real Docker, and the outcome on each engine. */
export interface ClaimRow extends Claim {
  file: string;
  scenario: string;
  sim: EngineOutcome;
  docker: EngineOutcome;
}

/** The whole table, with counts for the summary line. */
export interface ClaimTable {
  generatedAt: string;
  rows: ClaimRow[];
  verdicts: Record<Claim['verdict'], number>;
  sim: Record<EngineOutcome['status'], number>;
  docker: Record<EngineOutcome['status'], number>;
}

/** Orders C01 < C02 < … < C15 < C15b < C16. */
export function compareClaimIds(a: string, b: string): number {
  const pa = /^C(\d+)([a-z]?)$/.exec(a);
  const pb = /^C(\d+)([a-z]?)$/.exec(b);
  if (!pa || !pb) return a.localeCompare(b);
  return Number(pa[1]) - Number(pb[1]) || (pa[2] as string).localeCompare(pb[2] as string);
}

function firstLine(text: string): string {
  return text.split('\n').find((l) => l.trim() !== '')?.trim() ?? '';
}

/** The outcome of one scenario result, summarised to one line. */
function outcomeOf(result: ScenarioResult | undefined): EngineOutcome {
  if (!result) return { status: 'not-run', note: 'not run' };
  const out: EngineOutcome = { status: result.status, durationMs: result.durationMs };
  if (result.status === 'skipped') out.note = result.skipReason ?? 'skipped';
  else if (result.error) out.note = result.error;
  else if (result.status !== 'passed') {
    const bad = [...result.steps, ...result.checks].find((x) => x.status === 'failed' || x.status === 'error');
    if (bad) out.note = `${bad.title}: ${firstLine(bad.failures[0]?.message ?? bad.status)}`;
  }
  return out;
}

function counts<K extends string>(keys: readonly K[], values: readonly K[]): Record<K, number> {
  const r = Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
  for (const v of values) r[v] += 1;
  return r;
}

const STATUSES = ['passed', 'failed', 'skipped', 'error', 'not-run'] as const;

/** Builds the table; `docker` gives each scenario's result on the real engine, or one reason for all. */
export function buildClaimTable(
  scenarios: readonly Scenario[],
  sim: readonly ScenarioResult[],
  docker: readonly ScenarioResult[] | { notRun: string },
  now = new Date(),
): ClaimTable {
  const rows: ClaimRow[] = [];
  scenarios.forEach((s, i) => {
    if (!s.claim) return;
    const dockerOutcome: EngineOutcome = 'notRun' in docker ? { status: 'not-run', note: docker.notRun } : outcomeOf(docker[i]);
    rows.push({ ...s.claim, file: s.file, scenario: s.name, sim: outcomeOf(sim[i]), docker: dockerOutcome });
  });
  rows.sort((a, b) => compareClaimIds(a.id, b.id) || a.file.localeCompare(b.file));
  return {
    generatedAt: now.toISOString(),
    rows,
    verdicts: counts(['true', 'false', 'partly', 'untestable'], rows.map((r) => r.verdict)),
    sim: counts(STATUSES, rows.map((r) => r.sim.status)),
    docker: counts(STATUSES, rows.map((r) => r.docker.status)),
  };
}
