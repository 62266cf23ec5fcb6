// busybox arch: the machine the reference engine runs on.

import type { Applet } from './lib/common.js';

/** `arch` */
export const arch: Applet = (ctx) => (ctx.stdout('x86_64\n'), 0);

/** `arch --help` (busybox 1.35's text, recorded from the real binary; the banner line is printed before it). */
export const archUsage =
  "\nUsage: arch\n\nPrint system architecture\n";
