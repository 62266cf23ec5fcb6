// busybox sync: nothing to flush in memory.

import type { Applet } from './lib/common.js';

/** `sync` */
export const sync: Applet = () => 0;
