// busybox tty: /dev/pts/0 with -t, else "not a tty".

import type { Applet } from './lib/common.js';

/** `tty [-s]` */
export const tty: Applet = (ctx, argv) => {
  if (!argv.includes('-s')) ctx.stdout(ctx.tty ? '/dev/pts/0\n' : 'not a tty\n');
  return ctx.tty ? 0 : 1;
};

/** `tty --help` (busybox 1.35's text, recorded from the real binary; the banner line is printed before it). */
export const ttyUsage =
  "\nUsage: tty [-s]\n\nPrint file name of stdin's terminal\n\n\t-s\tPrint nothing, only return exit status\n";
