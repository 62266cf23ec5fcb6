// What `drydock daemon start|stop|status` says to a running daemon (or finds instead of one): a status
// request, a stop request, a stale socket left by a daemon that was killed.

import { existsSync, unlinkSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { encodeHeader, KIND, SOCKET_NAME } from './protocol.js';
import type { DaemonStatus } from './server.js';
import { processAlive } from '../../engine/sim/node/state-lock.js';

/** What is found at a state directory's socket. */
export type Found = { kind: 'none' } | { kind: 'stale' } | { kind: 'live'; status: DaemonStatus };

/** Sends one control request and resolves with the whole answer; undefined when nothing answers. */
function ask(socketPath: string, kind: string, timeoutMs: number): Promise<string | undefined> {
  return new Promise((resolve) => {
    const s = connect(socketPath);
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => s.destroy(), timeoutMs);
    s.on('connect', () => s.write(encodeHeader([kind])));
    s.on('data', (c: Buffer) => chunks.push(c));
    s.on('error', () => undefined);
    s.on('close', () => {
      clearTimeout(timer);
      resolve(chunks.length > 0 ? Buffer.concat(chunks).toString('utf8') : undefined);
    });
  });
}

/** The daemon of `stateDir`, if one answers (a `docker wait` it runs may hold it up to a minute). */
export async function findDaemon(stateDir: string): Promise<Found> {
  const socketPath = join(stateDir, SOCKET_NAME);
  if (!existsSync(socketPath)) return { kind: 'none' };
  const answer = await ask(socketPath, KIND.status, 90_000);
  if (answer === undefined) return { kind: 'stale' };
  try {
    return { kind: 'live', status: JSON.parse(answer) as DaemonStatus };
  } catch {
    return { kind: 'stale' };
  }
}

/** Asks the daemon to stop and waits until its process is gone (up to `waitMs`); false if it outlived that. */
export async function stopDaemon(stateDir: string, pid: number, waitMs = 90_000): Promise<boolean> {
  await ask(join(stateDir, SOCKET_NAME), KIND.stop, waitMs);
  const deadline = Date.now() + waitMs;
  while (Date.now() < deadline) {
    if (!processAlive(pid)) return true;
    await new Promise((r) => setTimeout(r, 20));
  }
  return false;
}

/** Removes a socket nothing listens on any more. */
export function removeStale(stateDir: string): void {
  try {
    unlinkSync(join(stateDir, SOCKET_NAME));
  } catch {
    // gone already
  }
}

