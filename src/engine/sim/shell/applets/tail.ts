// busybox tail: -n/-c counts (-n +N: from line N), headers for several files, and -f, which waits forever
// after printing (ProcessBlocked).

import { concatBytes } from '../io.js';
import type { ProcessContext } from '../process.js';
import { ProcessBlocked } from '../process-errors.js';
import { endOfInput, perrorMsg, readOperand, stdinToEof, takeStdin } from './lib/common.js';
import { getopt } from './lib/getopt.js';
import { modernize, parseCount, lineEnds } from './lib/head-tail.js';

/** `tail [-fqv] [-n N] [-c N] [FILE]...` */
export function tail(ctx: ProcessContext, argv: string[]): number {
  const o = getopt(ctx, 'tail', modernize(argv), { flags: 'fFqv', args: 'ncs' });
  if (typeof o === 'number') return o;
  const count = parseCount(ctx, 'tail', o);
  if (!count) return 1;
  const bytesMode = count.bytes;
  const follow = o.has('f') || o.has('F');
  const files = o.operands.length === 0 ? ['-'] : o.operands;
  let status = 0;
  const inputs: [string, Uint8Array][] = [];
  for (const file of files) {
    if (file === '-') {
      inputs.push([file, follow ? takeStdin(ctx) : stdinToEof(ctx)]);
      continue;
    }
    try {
      inputs.push([file, readOperand(ctx, file)]);
    } catch (e) {
      perrorMsg(ctx, 'tail', `can't open '${file}'`, e);
      status = 1;
    }
  }
  const opened = inputs.length;
  const headers = o.has('v') || (opened > 1 && !o.has('q'));
  let first = true;
  for (const [file, data] of inputs) {
    if (headers) ctx.stdout(`${first ? '' : '\n'}==> ${file === '-' ? 'standard input' : file} <==\n`);
    first = false;
    let out: Uint8Array;
    if (bytesMode) out = count.plus ? data.subarray(Math.max(0, count.n - 1)) : data.subarray(Math.max(0, data.length - count.n));
    else {
      const ends = lineEnds(data);
      const starts = [0, ...ends];
      if (count.plus) out = data.subarray(starts[Math.max(0, count.n - 1)] ?? data.length);
      else out = data.subarray(starts[Math.max(0, ends.length - count.n)] ?? 0);
    }
    ctx.stdout(concatBytes([out]));
  }
  if (opened === 0) {
    ctx.stderr('tail: no files\n');
    return 1;
  }
  if (follow) {
    if (files.includes('-')) endOfInput(ctx);
    throw new ProcessBlocked('tail-follow');
  }
  return status;
}

/** `tail --help` (busybox 1.35's text, recorded from the real binary; the banner line is printed before it). */
export const tailUsage =
  "\nUsage: tail [OPTIONS] [FILE]...\n\nPrint last 10 lines of FILEs (or stdin) to.\nWith more than one FILE, precede each with a filename header.\n\n\t-c [+]N[bkm]\tPrint last N bytes\n\t-n N[bkm]\tPrint last N lines\n\t-n +N[bkm]\tStart on Nth line and print the rest\n\t\t\t(b:*512 k:*1024 m:*1024^2)\n\t-q\t\tNever print headers\n\t-v\t\tAlways print headers\n\t-f\t\tPrint data as file grows\n\t-F\t\tSame as -f, but keep retrying\n\t-s SECONDS\tWait SECONDS between reads with -f\n";
