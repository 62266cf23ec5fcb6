// busybox sha1sum: "HASH  NAME" lines, -c to check a list.

import type { Applet } from './lib/common.js';
import { hashApplet, sha1 } from './lib/digests.js';

/** `sha1sum [-c[sw]] [FILE]...` */
export const sha1sum: Applet = hashApplet('sha1sum', sha1);

/** `sha1sum --help` (busybox 1.35's text, recorded from the real binary; the banner line is printed before it). */
export const sha1sumUsage =
  "\nUsage: sha1sum [-c[sw]] [FILE]...\n\nPrint or check SHA1 checksums\n\n\t-c\tCheck sums against list in FILEs\n\t-s\tDon't output anything, status code shows success\n\t-w\tWarn about improperly formatted checksum lines\n";
