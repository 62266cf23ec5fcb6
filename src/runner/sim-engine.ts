// A fresh simulator state for one scenario, with the scenario's files on its sandbox host (relative files in
// /scenario, the working directory, so `docker build -t x .` finds its context).

import type { Engine } from '../engine/engine.js';
import { createSimEngine } from '../engine/sim/node/create-sim-engine.js';
import { TreeBackend } from '../engine/sim/fs/tree-backend.js';
import { VIRTUAL_EPOCH } from '../engine/sim/state/clock.js';
import { SCENARIO_DIR, type Scenario } from '../scenario/model.js';

function ensureDir(host: TreeBackend, path: string): void {
  if (path === '/' || host.get(path)?.kind === 'dir') return;
  ensureDir(host, path.slice(0, path.lastIndexOf('/')) || '/');
  host.put(path, { kind: 'dir', opaque: false, mode: 0o755, uid: 0, gid: 0, mtime: VIRTUAL_EPOCH });
}

/** The sandbox host a scenario starts with. */
export function scenarioHost(scenario: Scenario): TreeBackend {
  const host = new TreeBackend();
  ensureDir(host, SCENARIO_DIR);
  for (const f of scenario.files) {
    ensureDir(host, f.path.slice(0, f.path.lastIndexOf('/')) || '/');
    host.put(f.path, { kind: 'file', data: f.content, mode: f.mode, uid: 0, gid: 0, mtime: VIRTUAL_EPOCH });
  }
  return host;
}

/** A simulator engine for one scenario. */
export function createScenarioSimEngine(scenario: Scenario): Engine {
  return createSimEngine({ host: scenarioHost(scenario), cwd: SCENARIO_DIR, env: scenario.env });
}
