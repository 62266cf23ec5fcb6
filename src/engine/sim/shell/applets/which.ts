// busybox which: the first match in $PATH, -a for all.

import { DEFAULT_PATH } from '../resolve-executable.js';
import type { Applet } from './lib/common.js';
import { abs } from './lib/common.js';
import { getopt } from './lib/getopt.js';
import { showUsage } from './lib/usage.js';

/** `which [-a] COMMAND...` */
export const which: Applet = (ctx, argv) => {
  const o = getopt(ctx, 'which', argv, { flags: 'a' });
  if (typeof o === 'number') return o;
  if (o.operands.length === 0) return showUsage(ctx, 'which');
  const dirs = (ctx.env.get('PATH') ?? DEFAULT_PATH).split(':');
  let status = 0;
  for (const name of o.operands) {
    const candidates = name.includes('/') ? [name] : dirs.map((d) => `${d === '' ? '.' : d.replace(/\/+$/, '')}/${name}`);
    let found = false;
    for (const c of candidates) {
      const st = ctx.fs.stat(abs(ctx, c));
      if (st?.kind === 'file' && st.mode & 0o111) {
        ctx.stdout(`${c}\n`);
        found = true;
        if (!o.has('a')) break;
      }
    }
    if (!found) status = 1;
  }
  return status;
};

/** `which --help` (busybox 1.35's text, recorded from the real binary; the banner line is printed before it). */
export const whichUsage =
  "\nUsage: which [-a] COMMAND...\n\nLocate COMMAND\n\n\t-a\tShow all matches\n";
