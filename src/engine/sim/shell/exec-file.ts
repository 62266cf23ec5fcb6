// Runs a file that was already found: busybox runs its applet, a `#!` script runs its interpreter with the
// script's path inserted (as the kernel does), a foreign ELF stops the scenario loudly.

import { EngineError } from '../../../errors/engine-error.js';
import { resolvePath } from '../fs/path.js';
import { runBusybox } from './busybox.js';
import { withCredentials } from './credentials-vfs.js';
import type { ProcessContext } from './process.js';
import { notSimulatedText } from './resolve-executable.js';
import { sniffExecutable } from './sniff-executable.js';

const MAX_DEPTH = 4;

/** Executes `path` with `argv` (argv[0] as the program sees it) and returns the exit code. */
export function execResolved(ctxIn: ProcessContext, path: string, argv: string[], depth = 0): number {
  const ctx = ctxIn.uid === 0 ? ctxIn : { ...ctxIn, fs: withCredentials(ctxIn.fs, ctxIn.uid, ctxIn.gid) };
  const abs = resolvePath(ctx.cwd, path);
  const target = sniffExecutable(ctx.fs, abs);
  const proc = ctx.proc;
  switch (target.kind) {
    case 'busybox':
      // the kernel names the process after the file executed; after a `#!` line it keeps the script's name
      if (proc && depth === 0) proc.ns.exec(proc.pid, argv, path);
      return runBusybox(ctx, argv, realpathOr(ctx, abs));
    case 'elf':
      throw new EngineError('NOT_SIMULATED', notSimulatedText(path));
    case 'text':
      ctx.stderr(`exec ${path}: exec format error\n`);
      return 1;
    case 'script': {
      const interp = target.interpreter;
      const st = ctx.fs.stat(resolvePath(ctx.cwd, interp));
      if (!st || st.kind !== 'file' || depth >= MAX_DEPTH) {
        ctx.stderr(`exec ${path}: no such file or directory\n`);
        return 1;
      }
      const args = target.arg === undefined ? [interp, path] : [interp, target.arg, path];
      const full = [...args, ...argv.slice(1)];
      if (proc) proc.ns.exec(proc.pid, full, depth === 0 ? path : undefined);
      return execResolved(ctx, interp, full, depth + 1);
    }
  }
}

/** The resolved path of a file, or the path itself when it cannot be resolved. */
export function realpathOr(ctx: ProcessContext, abs: string): string {
  try {
    return ctx.fs.realpath(abs);
  } catch {
    return abs;
  }
}
