// A daemon killed (SIGKILL, a crash, a reboot) leaves its socket and pid file behind; the thin client then tries
// the socket, is refused and runs the command in process. The in-process path removes them, so that cost is
// paid once: under the state's lock, and only when the pid file names a process that is not running (a daemon
// that is starting holds the lock until both are in place).

import { existsSync, readFileSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { acquireStateLock } from '../../engine/sim/node/state-lock.js';
import { PID_NAME, SOCKET_NAME } from './protocol.js';
import { processAlive } from '../../engine/sim/node/state-lock.js';

/** Removes the socket and pid file of a daemon of `stateDir` that is no longer running; true if it did. */
export function removeDeadDaemon(stateDir: string): boolean {
  const pidPath = join(stateDir, PID_NAME);
  if (!existsSync(pidPath)) return false;
  const release = acquireStateLock(stateDir, 5_000, () => undefined);
  try {
    const pid = Number(/^\d+/.exec(readText(pidPath))?.[0] ?? 0);
    if (pid > 0 && processAlive(pid)) return false;
    for (const name of [SOCKET_NAME, PID_NAME]) {
      try {
        unlinkSync(join(stateDir, name));
      } catch {
        // gone already
      }
    }
    return true;
  } finally {
    release();
  }
}

function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

