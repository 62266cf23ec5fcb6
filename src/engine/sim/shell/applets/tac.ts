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
