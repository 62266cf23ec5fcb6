// busybox nl: numbered lines in busybox's format ("%6u\t").

import type { Applet } from './lib/common.js';
import { lines, readAll } from './lib/common.js';
import { getopt } from './lib/getopt.js';

/** `nl [-b STYLE] [-i N] [-s SEP] [-v N] [-w N] [FILE]...` */
export const nl: Applet = (ctx, argv) => {
  const o = getopt(ctx, 'nl', argv, { args: 'bisvw' });
  if (typeof o === 'number') return o;
  const { text, status } = readAll(ctx, 'nl', o.operands);
  const width = Number(o.value('w') ?? 6);
  const sep = o.value('s') ?? '\t';
  const inc = Number(o.value('i') ?? 1);
  const all = o.value('b') === 'a';
  let n = Number(o.value('v') ?? 1);
  let out = '';
  for (const line of lines(text)) {
    if (all || line !== '') {
      out += `${String(n).padStart(width)}${sep}${line}\n`;
      n += inc;
    } else out += `${' '.repeat(width + sep.length)}${line}\n`;
  }
  ctx.stdout(out);
  return status;
};

/** `nl --help` (busybox 1.35's text, recorded from the real binary; the banner line is printed before it). */
export const nlUsage =
  "\nUsage: nl [OPTIONS] [FILE]...\n\nWrite FILEs to standard output with line numbers added\n\n\t-b STYLE\tWhich lines to number - a: all, t: nonempty, n: none\n\t-i N\t\tLine number increment\n\t-s STRING\tUse STRING as line number separator\n\t-v N\t\tStart from N\n\t-w N\t\tWidth of line numbers\n";
