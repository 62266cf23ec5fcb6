// What head and tail share: their counts with b/k/m suffixes.

import type { ProcessContext } from '../../process.js';
import { errorMsg } from './common.js';

/** "-5" is the obsolete form of "-n 5". */
export function modernize(argv: string[]): string[] {
  return argv.map((a, i) => (i === 1 && /^-[0-9]+$/.test(a) ? `-n${a.slice(1)}` : a));
}

/** A count with busybox's b/k/m suffixes and a sign (+N from line N, -N all but the last N). */
export function parseCount(ctx: ProcessContext, applet: string, s: string): { n: number; plus: boolean; minus: boolean } | null {
  const m = /^([+-]?)([0-9]+)([bkmKM]?)$/.exec(s);
  if (!m) {
    errorMsg(ctx, applet, `invalid number '${s}'`);
    return null;
  }
  const mult: Record<string, number> = { '': 1, b: 512, k: 1024, K: 1024, m: 1048576, M: 1048576 };
  return { n: Number(m[2]) * (mult[m[3] ?? ''] ?? 1), plus: m[1] === '+', minus: m[1] === '-' };
}

/** The offsets just past each line's end (a last line without a newline counts). */
export function lineEnds(data: Uint8Array): number[] {
  const ends: number[] = [];
  for (let i = 0; i < data.length; i++) if (data[i] === 10) ends.push(i + 1);
  if (data.length > 0 && data[data.length - 1] !== 10) ends.push(data.length);
  return ends;
}

