// busybox head: -n/-c counts (-n -N: all but the last N) and "==> F <==" headers for several files.

import { FsError } from '../../fs/vfs.js';
import { strerror } from '../io.js';
import type { ProcessContext } from '../process.js';
import { endOfInput, errorMsg, readOperand, stdinToEof, takeStdin } from './lib/common.js';
import { getopt } from './lib/getopt.js';
import { modernize, parseCount, lineEnds } from './lib/head-tail.js';

/** `head [-n N] [-c N] [-qv] [FILE]...` */
export function head(ctx: ProcessContext, argv: string[]): number {
  const o = getopt(ctx, 'head', modernize(argv), { flags: 'qv', args: 'nc' });
  if (typeof o === 'number') return o;
  const count = parseCount(ctx, 'head', o);
  if (!count) return 1;
  const bytesMode = count.bytes;
  const files = o.operands.length === 0 ? ['-'] : o.operands;
  const headers = o.has('v') || (files.length > 1 && !o.has('q'));
  let status = 0;
  let first = true;
  for (const file of files) {
    let data: Uint8Array;
    let fromStdin = false;
    if (file === '-') {
      fromStdin = true;
      data = count.minus ? stdinToEof(ctx) : takeStdin(ctx);
    } else {
      try {
        data = readOperand(ctx, file);
      } catch (e) {
        if (!(e instanceof FsError)) throw e;
        errorMsg(ctx, 'head', `${file}: ${e.code === 'EISDIR' ? 'Input/output error' : strerror(e.code)}`);
        status = 1;
        // the blank line before a header counts files named, not files shown
        first = false;
        continue;
      }
    }
    if (headers) ctx.stdout(`${first ? '' : '\n'}==> ${file === '-' ? 'standard input' : file} <==\n`);
    first = false;
    let out: Uint8Array;
    let satisfied: boolean;
    if (bytesMode) {
      out = count.minus ? data.subarray(0, Math.max(0, data.length - count.n)) : data.subarray(0, count.n);
      satisfied = count.minus || data.length >= count.n;
    } else {
      const ends = lineEnds(data);
      if (count.minus) out = data.subarray(0, ends[ends.length - 1 - count.n] ?? 0);
      else out = data.subarray(0, count.n === 0 ? 0 : (ends[count.n - 1] ?? data.length));
      satisfied = count.minus || ends.length >= count.n;
    }
    ctx.stdout(out);
    if (fromStdin && !satisfied) endOfInput(ctx);
  }
  return status;
}

/** `head --help` (busybox 1.35's text, recorded from the real binary; the banner line is printed before it). */
export const headUsage =
  "\nUsage: head [OPTIONS] [FILE]...\n\nPrint first 10 lines of FILEs (or stdin).\nWith more than one FILE, precede each with a filename header.\n\n\t-n N[bkm]\tPrint first N lines\n\t-n -N[bkm]\tPrint all except N last lines\n\t-c [-]N[bkm]\tPrint first N bytes\n\t\t\t(b:*512 k:*1024 m:*1024^2)\n\t-q\t\tNever print headers\n\t-v\t\tAlways print headers\n";
