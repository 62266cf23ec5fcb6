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
