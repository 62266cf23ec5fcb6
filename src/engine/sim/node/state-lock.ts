// One writer at a time on a state directory: two `drydock docker` commands started together must not
// interleave their writes. A lock directory (mkdir is atomic) holding the owner's pid; a lock whose owner is
// gone is taken over, a live one is waited for and then reported.

import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EngineError } from '../../../errors/engine-error.js';

/** Takes the lock of `dir` (waiting up to `waitMs`) and returns the function that releases it. */
export function acquireStateLock(dir: string, waitMs = 30_000): () => void {
  const lock = join(dir, 'lock');
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      mkdirSync(lock);
      writeFileSync(join(lock, 'pid'), String(process.pid));
      return () => rmSync(lock, { recursive: true, force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const owner = Number(readSafe(join(lock, 'pid')));
    if (owner && !alive(owner)) {
      rmSync(lock, { recursive: true, force: true });
      continue;
    }
    if (Date.now() > deadline) {
      throw new EngineError('STATE_LOCKED', `drydock: the state directory ${dir} is in use by process ${owner || '?'}; try again when it has finished`);
    }
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 25);
  }
}

function readSafe(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
