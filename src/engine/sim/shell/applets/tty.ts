// busybox tty: /dev/pts/0 with -t, else "not a tty".

import type { Applet } from './lib/common.js';

/** `tty [-s]` */
export const tty: Applet = (ctx, argv) => {
  if (!argv.includes('-s')) ctx.stdout(ctx.tty ? '/dev/pts/0\n' : 'not a tty\n');
  return ctx.tty ? 0 : 1;
};
