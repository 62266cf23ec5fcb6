// Helpers shared by the applets: error messages in busybox's forms (bb_error_msg, bb_perror_msg), reading
// operands and stdin (with the blocking rules of an open stdin), and resolving paths against the process.

import { resolvePath } from '../../../fs/path.js';
import { FsError } from '../../../fs/vfs.js';
import type { Stat } from '../../../fs/vfs.js';
import { concatBytes, readPath, strerror, toText } from '../../io.js';
import { missingCode } from '../../missing-path.js';
import type { ProcessContext } from '../../process.js';
import { PIPE_FILL_BYTES, ProcessBlocked, StepBudgetExceeded } from '../../process-errors.js';
import { checkTimeLimit } from '../../time-limit.js';

/** An applet implementation: gets its process and argv (argv[0] as invoked), returns the exit status. */
export type Applet = (ctx: ProcessContext, argv: string[]) => number;

/** bb_error_msg: "applet: message". */
export function errorMsg(ctx: Pick<ProcessContext, 'stderr'>, applet: string, message: string): void {
  ctx.stderr(`${applet}: ${message}\n`);
}

/** bb_perror_msg: "applet: message: strerror" for a filesystem error (anything else is rethrown). */
export function perrorMsg(ctx: ProcessContext, applet: string, message: string, e: unknown): void {
  if (!(e instanceof FsError)) throw e;
  errorMsg(ctx, applet, `${message}: ${strerror(e.code)}`);
}

/** Absolute path of an operand. */
export function abs(ctx: ProcessContext, path: string): string {
  return resolvePath(ctx.cwd, path);
}

/**
 * What stdin holds now, consumed. Streaming applets (cat, grep) process it and then call `endOfInput`,
 * which blocks when more input could still arrive.
 */
export function takeStdin(ctx: ProcessContext): Uint8Array {
  const data = ctx.stdin.data;
  ctx.stdin.data = new Uint8Array();
  return data;
}

/** After consuming stdin: a process reading an open stdin would now wait forever. */
export function endOfInput(ctx: ProcessContext): void {
  if (ctx.stdin.open) throw new ProcessBlocked('stdin');
}

/** All of stdin up to EOF, for applets that print only at the end (wc, sort): blocks on an open stdin. */
export function stdinToEof(ctx: ProcessContext): Uint8Array {
  const data = takeStdin(ctx);
  endOfInput(ctx);
  return data;
}

/** readPath, with open(2)'s ENOTDIR for "file/" and "file/x" where the Vfs only knows the path is missing. */
export function readOperand(ctx: ProcessContext, file: string): Uint8Array {
  if (isStdinPath(ctx, file)) return stdinToEof(ctx);
  try {
    const data = readPath(ctx, file);
    if (/[^/]\/+$/.test(file)) throw new FsError('ENOTDIR', file);
    return data;
  } catch (e) {
    if (e instanceof FsError && e.code === 'ENOENT' && missingError(ctx, file) !== strerror('ENOENT')) throw new FsError('ENOTDIR', file);
    throw e;
  }
}

/** /dev/stdin and the fd links it leads to: the process's own stdin (the Vfs has no /proc/self/fd). */
export function isStdinPath(ctx: ProcessContext, file: string): boolean {
  const p = abs(ctx, file);
  return p === '/dev/stdin' || p === '/dev/fd/0' || p === '/proc/self/fd/0';
}

/**
 * Writes `chunk` for ever, as `yes` and `cat /dev/zero` do: until a limit stops the process (the step budget,
 * the time limit, the output limit, a full disk) or, into a pipe, until the pipe is full: the next stage then
 * reads an input that never ends (so `yes | head -n 2` ends as head ends, `yes | wc -l` never does).
 */
export function produceForever(ctx: ProcessContext, chunk: string | Uint8Array): never {
  let written = 0;
  for (;;) {
    chargeStep(ctx, 1);
    ctx.stdout(chunk);
    written += chunk.length;
    if (ctx.stdoutPipe && written >= PIPE_FILL_BYTES) throw new ProcessBlocked('pipe');
  }
}

/** Charges one step of the process budget (long loops inside applets: rm -r, cp -r, seq, yes). */
export function chargeStep(ctx: ProcessContext, n = 1): void {
  checkTimeLimit();
  ctx.budget.steps -= n;
  if (ctx.budget.steps <= 0) throw new StepBudgetExceeded();
}

/** Reads operands (or stdin) to EOF, printing "applet: NAME: strerror" for unreadable ones. */
export function readAll(ctx: ProcessContext, applet: string, files: string[], openForm = false): { text: string; status: number } {
  let status = 0;
  const chunks: Uint8Array[] = [];
  for (const f of files.length === 0 ? ['-'] : files) {
    if (f === '-') {
      chunks.push(stdinToEof(ctx));
      continue;
    }
    try {
      chunks.push(readOperand(ctx, f));
    } catch (e) {
      if (!(e instanceof FsError)) throw e;
      ctx.stderr(openForm ? `${applet}: can't open '${f}': ${strerror(e.code)}\n` : `${applet}: ${f}: ${strerror(e.code)}\n`);
      status = 1;
    }
  }
  return { text: toText(concatBytes(chunks)), status };
}

/** Lines of a text without the empty string after a final newline. */
export function lines(text: string): string[] {
  const l = text.split('\n');
  if (l[l.length - 1] === '') l.pop();
  return l;
}

/** stat(2) for a yes/no question (is it a directory?): any failure, a symlink loop's ELOOP included, is "no". */
export function statOrNull(ctx: ProcessContext, path: string, follow = true): Stat | null {
  try {
    return follow ? ctx.fs.stat(path) : ctx.fs.lstat(path);
  } catch (e) {
    if (e instanceof FsError) return null;
    throw e;
  }
}

/** Why stat(2)/lstat(2) of a path the Vfs reports missing fails, as strerror text (see missing-path.ts). */
export function missingError(ctx: ProcessContext, path: string): string {
  return strerror(missingCode(ctx, path));
}
