// busybox seq: FIRST [INC] LAST, -s, -w.

import type { Applet } from './lib/common.js';
import { chargeStep } from './lib/common.js';
import { getopt } from './lib/getopt.js';
import { showUsage } from './lib/usage.js';

/** `seq [-w] [-s SEP] [FIRST [INC]] LAST` */
export const seq: Applet = (ctx, argv) => {
  const o = getopt(ctx, 'seq', argv, { flags: 'w', args: 's', stopAtOperand: true });
  if (typeof o === 'number') return o;
  const args = o.operands;
  const num = (s: string): number | null => (/^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s) ? Number(s) : null);
  if (args.length < 1 || args.length > 3) return showUsage(ctx, 'seq');
  const values = args.map(num);
  if (values.some((v) => v === null)) return showUsage(ctx, 'seq');
  const last = values[values.length - 1] ?? 0;
  const first = args.length >= 2 ? (values[0] ?? 1) : 1;
  const inc = args.length === 3 ? (values[1] ?? 1) : 1;
  let width = 0;
  let frac = 0;
  args.forEach((a, i) => {
    const dot = a.indexOf('.');
    const w = dot === -1 ? a.length : dot;
    const f = dot === -1 ? 0 : a.length - dot;
    width = Math.max(width, w);
    if (i < args.length - 1) frac = Math.max(frac, f);
  });
  if (frac) {
    frac--;
    if (frac) width += frac + 1;
  }
  if (!o.has('w')) width = 0;
  const sep = o.value('s') ?? '\n';
  const parts: string[] = [];
  for (let n = 0; ; n++) {
    const v = first + n * inc;
    if (inc >= 0 ? v > last : v < last) break;
    chargeStep(ctx, 0.01);
    let s = Math.abs(v).toFixed(frac);
    const neg = v < 0 && Number(s) !== 0;
    if (s.length < width - (neg ? 1 : 0)) s = s.padStart(width - (neg ? 1 : 0), '0');
    parts.push((neg ? '-' : '') + s);
    if (inc === 0 && parts.length > 1_000_000) break;
  }
  if (parts.length) ctx.stdout(`${parts.join(sep)}\n`);
  return 0;
};

/** `seq --help` (busybox 1.35's text, recorded from the real binary; the banner line is printed before it). */
export const seqUsage =
  "\nUsage: seq [-w] [-s SEP] [FIRST [INC]] LAST\n\nPrint numbers from FIRST to LAST, in steps of INC.\nFIRST, INC default to 1.\n\n\t-w\tPad to last with leading zeros\n\t-s SEP\tString separator\n";
