// busybox true.

import type { Applet } from './lib/common.js';

/** `true` */
export const trueApplet: Applet = () => 0;
