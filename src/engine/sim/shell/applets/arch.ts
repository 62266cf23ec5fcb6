// busybox arch: the machine the reference engine runs on.

import type { Applet } from './lib/common.js';

/** `arch` */
export const arch: Applet = (ctx) => (ctx.stdout('x86_64\n'), 0);
