// busybox head and tail: -n/-c counts (head -n -N: all but the last N; tail -n +N: from line N), "==> F <=="
// headers for several files, and tail -f, which waits forever after printing (ProcessBlocked).

import { FsError } from '../../fs/vfs.js';
import { concatBytes, strerror } from '../io.js';
import type { ProcessContext } from '../process.js';
import { ProcessBlocked } from '../process-errors.js';
import { endOfInput, errorMsg, readOperand, stdinToEof, takeStdin } from './lib/common.js';
import { getopt } from './lib/getopt.js';
import { showUsage } from './lib/usage.js';

// "-5" is the obsolete form of "-n 5".
function modernize(argv: string[]): string[] {
  return argv.map((a, i) => (i === 1 && /^-[0-9]+$/.test(a) ? `-n${a.slice(1)}` : a));
}

function parseCount(ctx: ProcessContext, applet: string, s: string): { n: number; plus: boolean; minus: boolean } | null {
  const m = /^([+-]?)([0-9]+)([bkmKM]?)$/.exec(s);
  if (!m) {
    errorMsg(ctx, applet, `invalid number '${s}'`);
    return null;
  }
  const mult: Record<string, number> = { '': 1, b: 512, k: 1024, K: 1024, m: 1048576, M: 1048576 };
  return { n: Number(m[2]) * (mult[m[3] ?? ''] ?? 1), plus: m[1] === '+', minus: m[1] === '-' };
}

function lineEnds(data: Uint8Array): number[] {
  const ends: number[] = [];
  for (let i = 0; i < data.length; i++) if (data[i] === 10) ends.push(i + 1);
  if (data.length > 0 && data[data.length - 1] !== 10) ends.push(data.length);
  return ends;
}

/** `head [-n N] [-c N] [-qv] [FILE]...` */
export function head(ctx: ProcessContext, argv: string[]): number {
  const o = getopt(ctx, 'head', modernize(argv), { flags: 'qv', args: 'nc' });
  if (typeof o === 'number') return o;
  const bytesMode = o.last('n', 'c') === 'c';
  const count = parseCount(ctx, 'head', (bytesMode ? o.value('c') : o.value('n')) ?? '10');
  if (!count) return 1;
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

/** `tail [-fqv] [-n N] [-c N] [FILE]...` */
export function tail(ctx: ProcessContext, argv: string[]): number {
  const o = getopt(ctx, 'tail', modernize(argv), { flags: 'fFqv', args: 'ncs' });
  if (typeof o === 'number') return o;
  const bytesMode = o.last('n', 'c') === 'c';
  const count = parseCount(ctx, 'tail', (bytesMode ? o.value('c') : o.value('n')) ?? '10');
  if (!count) return 1;
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
      if (!(e instanceof FsError)) throw e;
      errorMsg(ctx, 'tail', `can't open '${file}': ${strerror(e.code)}`);
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

export { showUsage };
