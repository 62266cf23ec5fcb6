// Time catching up with containers. A main process asleep until a deadline is not woken by any timer: every
// observation of the daemon (a command, a check, a state directory loaded again) first settles the containers
// whose deadline has passed, so `docker ps` after `run -d … sleep 1` and a two-second wait shows
// `Exited (0) 1 second ago`, as a real engine does.

import type { Daemon } from '../daemon.js';
import { isRunning, type Container } from './container.js';
import { FOREGROUND_WAIT_MS, applyMainRun, removeContainer } from './lifecycle.js';
import { runMain } from './main-run.js';

/** Settles every container whose main process's sleep ended by `now` (default: the daemon's present). */
export function settleContainers(daemon: Daemon, now?: number): void {
  const due = [...daemon.containers.values()].filter((c) => c.sleep && c.state.status === 'running');
  if (due.length === 0) return;
  const at = now ?? daemon.clock.peek();
  for (const c of due) settleContainer(daemon, c, at);
}

/** Runs the rest of `c`'s main process up to `now`, if its sleep has ended; an `--rm` container that ends goes. */
function settleContainer(daemon: Daemon, c: Container, now: number): void {
  // paused: the sleep may be over, but the process cannot run on before it is unpaused
  if (!c.sleep || c.state.status !== 'running' || c.sleep.deadline > now) return;
  applyMainRun(c, runMain(daemon, c, { until: now, resume: c.sleep }));
  if (!isRunning(c) && c.autoRemove) removeContainer(daemon, c, true, true);
}

/**
 * `docker wait` on a running container: when its main process would end within what a waiting client is
 * given (FOREGROUND_WAIT_MS, as a foreground `docker run` waits), time passes until then and the exit code is
 * returned; otherwise null (it would block: asleep for longer, paused, or waiting on stdin for good).
 */
export function waitForExit(daemon: Daemon, c: Container, horizonMs = FOREGROUND_WAIT_MS): number | null {
  if (!isRunning(c)) return c.state.exitCode;
  const sleep = c.sleep;
  if (!sleep || c.state.status !== 'running') return null;
  const limit = daemon.clock.peek() + horizonMs;
  if (sleep.deadline > limit) return null;
  const ahead = runMain(daemon, c, { until: limit, resume: sleep, dryRun: true });
  if (ahead.sleep || (ahead.outcome.kind !== 'exited' && ahead.outcome.kind !== 'budget')) return null;
  daemon.clock.waitUntil(ahead.endedAt);
  settleContainer(daemon, c, daemon.clock.peek());
  return isRunning(c) ? null : c.state.exitCode;
}
