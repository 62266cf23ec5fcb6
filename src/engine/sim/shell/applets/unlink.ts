// busybox unlink: one file, no options.

import type { Applet } from './lib/common.js';
import { abs, perrorMsg } from './lib/common.js';
import { showUsage } from './lib/usage.js';

/** `unlink FILE` */
export const unlink: Applet = (ctx, argv) => {
  const args = argv.slice(1);
  if (args.length !== 1) return showUsage(ctx, 'unlink');
  try {
    ctx.fs.unlink(abs(ctx, args[0] ?? ''));
    return 0;
  } catch (e) {
    perrorMsg(ctx, 'unlink', `can't remove file '${args[0] ?? ''}'`, e);
    return 1;
  }
};

/** `unlink --help` (busybox 1.35's text, recorded from the real binary; the banner line is printed before it). */
export const unlinkUsage =
  "\nUsage: unlink FILE\n\nDelete FILE by calling unlink()\n";
