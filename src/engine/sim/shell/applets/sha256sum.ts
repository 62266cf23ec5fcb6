// busybox sha256sum: "HASH  NAME" lines, -c to check a list.

import type { Applet } from './lib/common.js';
import { hashApplet, sha256 } from './lib/digests.js';

/** `sha256sum [-c[sw]] [FILE]...` */
export const sha256sum: Applet = hashApplet('sha256sum', sha256);
