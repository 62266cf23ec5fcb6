// busybox md5sum: "HASH  NAME" lines, -c to check a list.

import type { Applet } from './lib/common.js';
import { hashApplet, md5 } from './lib/digests.js';

/** `md5sum [-c[sw]] [FILE]...` */
export const md5sum: Applet = hashApplet('md5sum', md5);
