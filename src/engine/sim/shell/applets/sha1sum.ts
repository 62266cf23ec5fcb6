// busybox sha1sum: "HASH  NAME" lines, -c to check a list.

import type { Applet } from './lib/common.js';
import { hashApplet, sha1 } from './lib/digests.js';

/** `sha1sum [-c[sw]] [FILE]...` */
export const sha1sum: Applet = hashApplet('sha1sum', sha1);
