// busybox rev: each line reversed.

import type { Applet } from './lib/common.js';
import { lines, readAll } from './lib/common.js';

/** `rev [FILE]...` */
export const rev: Applet = (ctx, argv) => {
  const { text, status } = readAll(ctx, 'rev', argv.slice(1));
  ctx.stdout(lines(text).map((l) => `${[...l].reverse().join('')}\n`).join(''));
  return status;
};

/** `rev --help` (busybox 1.35's text, recorded from the real binary; the banner line is printed before it). */
export const revUsage =
  "\nUsage: rev [FILE]...\n\nReverse lines of FILE\n";
