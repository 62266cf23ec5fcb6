// What head and tail share: their counts with b/k/m suffixes.

import type { ProcessContext } from '../../process.js';
import { errorMsg } from './common.js';
import type { Opts } from './getopt.js';

/** "-5" is the obsolete form of "-n 5". */
export function modernize(argv: string[]): string[] {
  return argv.map((a, i) => (i === 1 && /^-[0-9]+$/.test(a) ? `-n${a.slice(1)}` : a));
}

/**
 * The count of -n or -c, whichever came last (10 lines without either; `bytes` for -c), with busybox's b/k/m
 * suffixes and a sign (+N from line N, -N all but the last N); null once its error is printed.
 */
export function parseCount(ctx: ProcessContext, applet: string, o: Opts): { n: number; plus: boolean; minus: boolean; bytes: boolean } | null {
  const bytes = o.last('n', 'c') === 'c';
  const s = (bytes ? o.value('c') : o.value('n')) ?? '10';
  const m = /^([+-]?)([0-9]+)([bkmKM]?)$/.exec(s);
  if (!m) {
    errorMsg(ctx, applet, `invalid number '${s}'`);
    return null;
  }
  const mult: Record<string, number> = { '': 1, b: 512, k: 1024, K: 1024, m: 1048576, M: 1048576 };
  return { n: Number(m[2]) * (mult[m[3] ?? ''] ?? 1), plus: m[1] === '+', minus: m[1] === '-', bytes };
}

/** The offsets just past each line's end (a last line without a newline counts). */
export function lineEnds(data: Uint8Array): number[] {
  const ends: number[] = [];
  for (let i = 0; i < data.length; i++) if (data[i] === 10) ends.push(i + 1);
  if (data.length > 0 && data[data.length - 1] !== 10) ends.push(data.length);
  return ends;
}

