// Runs a sequence's commands on one engine, in a fresh namespace with the sequence's host files: the
// simulator in this process, the real engine through drydock's isolation (every name prefixed, every
// container --network none --pull never, everything removed afterwards).

import type { CommandResult, Engine } from '../../engine/engine.js';
import type { DockerEngines } from '../../runner/docker-engines.js';
import { createScenarioSimEngine } from '../../runner/sim-engine.js';
import { SCENARIO_DIR, type Scenario } from '../../scenario/model.js';
import type { FuzzStep } from './model.js';

/** Per-command time limit (a generated command never waits on purpose longer than `stop -t 1`). */
const STEP_TIMEOUT_MS = 60_000;

/** Which engine a sequence runs on. */
export type Side = 'sim' | 'docker';

function scenarioOf(files: Record<string, string>): Scenario {
  const encoder = new TextEncoder();
  return {
    file: 'fuzz-diff',
    name: 'fuzz-diff',
    tags: [],
    source: {},
    only: false,
    vars: new Map(),
    env: new Map(),
    files: Object.entries(files).map(([path, content]) => ({ path: `${SCENARIO_DIR}/${path}`, content: encoder.encode(content), mode: 0o644 })),
    setup: [],
    steps: [],
    teardown: [],
    checks: [],
    location: { file: 'fuzz-diff', line: 1, col: 1 },
  };
}

/** Runs `steps` on a fresh engine of `side` and returns what each printed; the engine is always disposed. */
export async function runSteps(side: Side, files: Record<string, string>, steps: readonly FuzzStep[], engines?: DockerEngines): Promise<CommandResult[]> {
  const scenario = scenarioOf(files);
  let engine: Engine;
  if (side === 'sim') engine = createScenarioSimEngine(scenario);
  else if (engines !== undefined) engine = engines.create(scenario);
  else throw new Error('the real engine needs prepared DockerEngines');
  const results: CommandResult[] = [];
  try {
    for (const step of steps) {
      try {
        results.push(await engine.docker(step.argv, { timeoutMs: STEP_TIMEOUT_MS }));
      } catch (e) {
        // a refusal or an internal error is a result of its own, compared like any output
        results.push({ exitCode: -1, stdout: '', stderr: `drydock: ${e instanceof Error ? e.message : String(e)}\n` });
      }
    }
  } finally {
    await engine.dispose().catch(() => undefined);
  }
  return results;
}
