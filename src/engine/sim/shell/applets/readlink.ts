// busybox readlink: a symlink's target, -f to resolve it whole.

import type { Applet } from './lib/common.js';
import { abs } from './lib/common.js';
import { getopt } from './lib/getopt.js';
import { canonical } from './lib/paths.js';
import { showUsage } from './lib/usage.js';

/** `readlink [-fnv] FILE` */
export const readlink: Applet = (ctx, argv) => {
  const o = getopt(ctx, 'readlink', argv, { flags: 'fnvsq' });
  if (typeof o === 'number') return o;
  const file = o.operands[0];
  if (file === undefined) return showUsage(ctx, 'readlink');
  let out: string | null;
  if (o.has('f')) out = canonical(ctx, file);
  else {
    try {
      out = ctx.fs.readlink(abs(ctx, file));
    } catch {
      out = null;
    }
  }
  if (out === null) return 1;
  ctx.stdout(o.has('n') ? out : `${out}\n`);
  return 0;
};

/** `readlink --help` (busybox 1.35's text, recorded from the real binary; the banner line is printed before it). */
export const readlinkUsage =
  "\nUsage: readlink [-fnv] FILE\n\nDisplay the value of a symlink\n\n\t-f\tCanonicalize by following all symlinks\n\t-n\tDon't add newline\n\t-v\tVerbose\n";
