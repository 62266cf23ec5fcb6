// The state a resident daemon keeps in memory between commands, and when it must load it again: another
// process (an in-process `drydock docker`, another drydock) saved the directory since (its state.json names
// another digest), the host root differs, or the last command failed half way. What a load would reset is
// reset after each command, so a command sees the same state through the daemon as in a fresh process.

import type { Daemon } from '../../engine/sim/daemon.js';
import { DiskHostBackend } from '../../engine/sim/node/disk-host-backend.js';
import type { DockerCliEnvironment, StateSource } from '../../engine/sim/node/docker-command.js';
import { sleepSync } from '../../engine/sim/node/docker-command.js';
import { cachedFixtures } from '../../engine/sim/node/fixture-cache.js';
import { diskGeneration, loadState, savedGeneration } from '../../engine/sim/node/state-store.js';
import type { BuiltFixtures } from '../../engine/sim/fixture-images.js';
import { wallClock, type Clock } from '../../engine/sim/state/clock.js';

/** A wall clock that starts afresh for each command, as each process's own clock does (sleeps move an offset). */
function freshEachCommand(): Clock & { reset(): void } {
  let inner = wallClock({ block: sleepSync });
  return {
    now: () => inner.now(),
    advance: (ms) => inner.advance(ms),
    peek: () => inner.peek(),
    waitUntil: (t) => inner.waitUntil(t),
    reset: () => {
      inner = wallClock({ block: sleepSync });
    },
  };
}

/** The daemon's StateSource: one state directory, loaded once and again only when it must be. */
export class ResidentState implements StateSource {
  private daemon: Daemon | undefined;
  private hostRoot: string | undefined;
  private fixtures: BuiltFixtures | undefined;
  private readonly clock = freshEachCommand();
  /** how many times the state was read from disk (status shows it; tests check reuse) */
  loads = 0;

  open(where: DockerCliEnvironment): Daemon {
    this.clock.reset();
    const kept = this.daemon;
    if (kept && this.hostRoot === where.hostRoot && diskGeneration(where.stateDir) === savedGeneration(kept)) return kept;
    this.daemon = undefined;
    this.fixtures ??= cachedFixtures();
    const daemon = loadState(where.stateDir, this.fixtures, new DiskHostBackend(where.hostRoot), this.clock);
    this.loads++;
    this.daemon = daemon;
    this.hostRoot = where.hostRoot;
    return daemon;
  }

  saved(daemon: Daemon): void {
    // a load gives every container an empty stdin (what `run -i` was given is not saved)
    for (const c of daemon.containers.values()) c.stdin = new Uint8Array(0);
  }

  failed(): void {
    this.daemon = undefined;
  }
}
