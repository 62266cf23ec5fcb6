// One `drydock docker` process on a saved state, in a test: the state is loaded from `dir` with the clock at
// `at` (milliseconds since the epoch), the command runs, the state is saved again. Tests that drive several such
// invocations see what separate processes would, with time passing as they say.

import type { CommandResult } from '../../../../src/engine/engine.js';
import { runDockerCommand } from '../../../../src/engine/sim/cli/sim-cli.js';
import { TreeBackend } from '../../../../src/engine/sim/fs/tree-backend.js';
import { loadFixtures } from '../../../../src/engine/sim/node/load-fixtures.js';
import { loadState, saveState } from '../../../../src/engine/sim/node/state-store.js';
import { virtualClock } from '../../../../src/engine/sim/state/clock.js';

export function invokeOnState(dir: string, at: number, argv: readonly string[]): CommandResult {
  const daemon = loadState(dir, loadFixtures(), new TreeBackend(), virtualClock(at));
  const result = runDockerCommand(daemon, [...argv], { stdin: new Uint8Array(0), cwd: '/', env: new Map() });
  saveState(daemon, dir);
  return result;
}
