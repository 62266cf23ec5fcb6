// busybox false.

import type { Applet } from './lib/common.js';

/** `false` */
export const falseApplet: Applet = () => 1;
