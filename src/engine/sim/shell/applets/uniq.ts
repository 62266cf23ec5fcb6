// busybox uniq: -c -d -u -i -f -s -w, with "%7lu " counts.

import { toBytes } from '../io.js';
import type { Applet } from './lib/common.js';
import { abs, lines, readAll } from './lib/common.js';
import { getopt } from './lib/getopt.js';

/** `uniq [-cduiz] [-f,s,w N] [INPUT [OUTPUT]]` */
export const uniq: Applet = (ctx, argv) => {
  const o = getopt(ctx, 'uniq', argv, { flags: 'cduiz', args: 'fsw' });
  if (typeof o === 'number') return o;
  const { text, status } = readAll(ctx, 'uniq', o.operands.slice(0, 1), true);
  if (status) return status;
  const skipFields = Number(o.value('f') ?? 0);
  const skipChars = Number(o.value('s') ?? 0);
  const width = o.value('w') === undefined ? Infinity : Number(o.value('w'));
  const key = (l: string): string => {
    let s = l;
    for (let i = 0; i < skipFields; i++) s = s.replace(/^\s*\S+/, '');
    s = s.slice(skipChars, width === Infinity ? undefined : skipChars + width);
    return o.has('i') ? s.toLowerCase() : s;
  };
  let out = '';
  const all = lines(text);
  for (let i = 0; i < all.length; ) {
    let j = i + 1;
    while (j < all.length && key(all[j] ?? '') === key(all[i] ?? '')) j++;
    const dups = j - i;
    if (!((o.has('d') && dups === 1) || (o.has('u') && dups > 1))) {
      out += `${o.has('c') ? `${String(dups).padStart(7)} ` : ''}${all[i] ?? ''}\n`;
    }
    i = j;
  }
  const dest = o.operands[1];
  if (dest !== undefined) ctx.fs.writeFile(abs(ctx, dest), toBytes(out));
  else ctx.stdout(out);
  return 0;
};

/** `uniq --help` (busybox 1.35's text, recorded from the real binary; the banner line is printed before it). */
export const uniqUsage =
  "\nUsage: uniq [-cduiz] [-f,s,w N] [FILE [OUTFILE]]\n\nDiscard duplicate lines\n\n\t-c\tPrefix lines by the number of occurrences\n\t-d\tOnly print duplicate lines\n\t-u\tOnly print unique lines\n\t-i\tIgnore case\n\t-z\tNUL terminated output\n\t-f N\tSkip first N fields\n\t-s N\tSkip first N chars (after any skipped fields)\n\t-w N\tCompare N characters in line\n";
