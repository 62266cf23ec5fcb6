// busybox tac: lines in reverse order.

import type { Applet } from './lib/common.js';
import { readAll } from './lib/common.js';

/** `tac [FILE]...` */
export const tac: Applet = (ctx, argv) => {
  const { text, status } = readAll(ctx, 'tac', argv.slice(1));
  const parts = text.split(/(?<=\n)/).filter((p) => p !== '');
  ctx.stdout(parts.reverse().join(''));
  return status;
};

/** `tac --help` (busybox 1.35's text, recorded from the real binary; the banner line is printed before it). */
export const tacUsage =
  "\nUsage: tac [FILE]...\n\nConcatenate FILEs and print them in reverse\n";
