// One writer at a time on a state directory: two `drydock docker` commands started together must not
// interleave their writes. The lock is a directory holding the owner's pid, made whole in a private folder
// and renamed into place (so no lock is ever seen without its pid). A lock whose owner is not alive, or that
// says nothing of its owner (what an older drydock killed between its mkdir and its write left), is taken
// over after saying so on stderr; a live one is waited for and then reported.

import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { EngineError } from '../../../errors/engine-error.js';

/** Takes the lock of `dir` (waiting up to `waitMs`) and returns the function that releases it. */
export function acquireStateLock(dir: string, waitMs = 30_000, warn: (text: string) => void = (t) => void process.stderr.write(t)): () => void {
  const lock = join(dir, 'lock');
  const deadline = Date.now() + waitMs;
  for (;;) {
    // (rename would replace an empty lock folder silently: it is judged below like any other lock first)
    const text = readSafe(join(lock, 'pid'));
    if (text === undefined) {
      if (tryLock(lock)) return () => release(lock);
      continue; // taken meanwhile: judge the new owner
    }
    const owner = /^\d+$/.test(text.trim()) ? Number(text.trim()) : 0;
    const stale = owner === 0 ? 'it records no owner (a process was killed while taking it)' : processAlive(owner) ? undefined : `its owner, process ${owner}, is not running`;
    if (stale && takeOver(lock, text)) {
      warn(`drydock: taking over the lock of the state directory ${dir}: ${stale}\n`);
      continue;
    }
    if (Date.now() > deadline) {
      throw new EngineError('STATE_LOCKED', `drydock: the state directory ${dir} is in use by process ${owner || '?'}; try again when it has finished`);
    }
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 25);
  }
}

/**
 * Moves the lock aside in one step, then removes it: removing it in place would leave, for a moment, an empty
 * `lock/` that another process's rename can take, and that this removal would then fail on or empty.
 */
function release(lock: string): void {
  const aside = `${lock}.released.${process.pid}.${Math.random().toString(36).slice(2)}`;
  try {
    renameSync(lock, aside);
  } catch {
    return;
  }
  rmSync(aside, { recursive: true, force: true });
}

function tryLock(lock: string): boolean {
  const mine = `${lock}.${process.pid}.${Math.random().toString(36).slice(2)}`;
  mkdirSync(mine);
  writeFileSync(join(mine, 'pid'), String(process.pid));
  try {
    renameSync(mine, lock);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOTEMPTY' && code !== 'EEXIST' && code !== 'EISDIR') throw error;
    return false;
  } finally {
    rmSync(mine, { recursive: true, force: true });
  }
}

/**
 * Moves a stale lock aside (rename: one process wins) and removes it, unless what was moved is no longer the
 * lock that was judged stale (another process took it over meanwhile): that one is put back.
 */
function takeOver(lock: string, judged: string): boolean {
  const aside = `${lock}.stale.${process.pid}.${Math.random().toString(36).slice(2)}`;
  try {
    renameSync(lock, aside);
  } catch {
    return true; // gone already: try to take it
  }
  const now = readSafe(join(aside, 'pid')) ?? '';
  if (now !== judged) {
    try {
      renameSync(aside, lock);
      return false;
    } catch {
      // a third process holds the lock now; the one moved aside belonged to a process that is still running
      // and will find its lock gone when it releases (rmSync of a missing folder is harmless)
    }
  }
  rmSync(aside, { recursive: true, force: true });
  return true;
}

/** The pid file's text, '' when the lock has none, undefined when the lock itself is gone. */
function readSafe(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return existsSync(dirname(path)) ? '' : undefined;
  }
}

/** Whether a process with this pid exists (EPERM: it does, owned by another user); the lock and the daemon ask. */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
