// execve + PATH lookup as runc does it (Go's exec.LookPath, then the kernel's checks), returning either the
// path to run or a typed failure, so the daemon can print runc's exact texts and exit codes before a container
// process "starts".

import { basename, resolvePath } from '../fs/path.js';
import type { Vfs } from '../fs/vfs.js';
import type { ProcessContext } from './process.js';
import { withCredentials } from './credentials-vfs.js';
import { sniffExecutable } from './sniff-executable.js';

/** Why a program could not be started. */
export type ExecFailureKind =
  | 'not-in-path'
  | 'no-such-file'
  | 'permission-denied'
  | 'not-simulated'
  | 'bad-interpreter'
  | 'exec-format';

/** A failed start: `message` is runc's wording (`exec: "bash": executable file not found in $PATH`). */
export interface ExecFailure {
  kind: ExecFailureKind;
  /** argv[0] as given */
  argv0: string;
  /** the file that was found, when one was */
  path?: string;
  message: string;
  /**
   * 127 for missing files, 126 for files that cannot be executed (docker run's exit codes); 1 for the failures
   * runc only meets at the final execve, after the container started (bad interpreter, exec format error)
   */
  exitCode: number;
  /**
   * true for bad-interpreter and exec-format: runc reports them from inside the started container, so
   * `message` is the process's stderr and the container exits with `exitCode`
   */
  afterStart: boolean;
}

/** The PATH ash and runc fall back to when the environment has none. */
export const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

const MAX_INTERPRETER_DEPTH = 4;

/** Finds what `argv0` would execute, or why it cannot be executed. */
export function resolveExecutable(ctxIn: ProcessContext, argv0: string): string | ExecFailure {
  const ctx = { ...ctxIn, fs: withCredentials(ctxIn.fs, ctxIn.uid, ctxIn.gid) };
  let path: string;
  if (argv0.includes('/')) {
    const st = ctx.fs.stat(resolvePath(ctx.cwd, argv0));
    if (!st) return fail('no-such-file', argv0, `exec: "${argv0}": stat ${argv0}: no such file or directory`, 127);
    if (st.kind === 'dir' || (st.mode & 0o111) === 0) {
      return fail('permission-denied', argv0, `exec: "${argv0}": permission denied`, 126);
    }
    path = argv0;
  } else {
    const found = argv0 === '' ? undefined : searchPath(ctx.fs, ctx.cwd, ctx.env.get('PATH') ?? DEFAULT_PATH, argv0, true);
    if (found === undefined) {
      return fail('not-in-path', argv0, `exec: "${argv0}": executable file not found in $PATH`, 127);
    }
    path = found;
  }
  return checkContent(ctx, argv0, path, 0);
}

/**
 * Looks `name` up in $PATH. runc (`executableOnly`) skips files without an x bit; ash takes the first regular
 * file and lets execve fail with "Permission denied".
 */
export function searchPath(fs: Vfs, cwd: string, pathVar: string, name: string, executableOnly: boolean): string | undefined {
  for (const dir of pathVar.split(':')) {
    const candidate = dir === '' ? name : `${dir.replace(/\/+$/, '')}/${name}`;
    const st = fs.stat(resolvePath(cwd, candidate));
    if (!st || st.kind !== 'file') continue;
    if (executableOnly && (st.mode & 0o111) === 0) continue;
    return candidate;
  }
  return undefined;
}

function checkContent(ctx: ProcessContext, argv0: string, path: string, depth: number): string | ExecFailure {
  const target = sniffExecutable(ctx.fs, resolvePath(ctx.cwd, path));
  switch (target.kind) {
    case 'busybox':
      return path;
    case 'elf':
      return fail('not-simulated', argv0, notSimulatedText(path), 126, path);
    case 'text':
      return fail('exec-format', argv0, `exec ${path}: exec format error`, 1, path);
    case 'script': {
      const interp = resolvePath(ctx.cwd, target.interpreter);
      const st = ctx.fs.stat(interp);
      if (!st || st.kind !== 'file' || depth >= MAX_INTERPRETER_DEPTH) {
        return fail('bad-interpreter', argv0, `exec ${path}: no such file or directory`, 1, path);
      }
      if ((st.mode & 0o111) === 0) return fail('bad-interpreter', argv0, `exec ${path}: permission denied`, 1, path);
      const inner = checkContent(ctx, argv0, target.interpreter, depth + 1);
      return typeof inner === 'string' ? path : { ...inner, path };
    }
  }
}

/** The loud message for a binary the simulator cannot run. */
export function notSimulatedText(path: string): string {
  return `drydock: ${basename(path) || path} (${path}) is an ELF binary that is not simulated; run this scenario with --engine docker`;
}

function fail(kind: ExecFailureKind, argv0: string, message: string, exitCode: number, path?: string): ExecFailure {
  const failure: ExecFailure = { kind, argv0, message, exitCode, afterStart: kind === 'bad-interpreter' || kind === 'exec-format' };
  if (path !== undefined) failure.path = path;
  return failure;
}
