// busybox rev: each line reversed.

import type { Applet } from './lib/common.js';
import { lines, readAll } from './lib/common.js';

/** `rev [FILE]...` */
export const rev: Applet = (ctx, argv) => {
  const { text, status } = readAll(ctx, 'rev', argv.slice(1));
  ctx.stdout(lines(text).map((l) => `${[...l].reverse().join('')}\n`).join(''));
  return status;
};
