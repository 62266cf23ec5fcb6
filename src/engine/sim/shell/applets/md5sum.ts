// busybox md5sum: "HASH  NAME" lines, -c to check a list.

import type { Applet } from './lib/common.js';
import { hashApplet, md5 } from './lib/digests.js';

/** `md5sum [-c[sw]] [FILE]...` */
export const md5sum: Applet = hashApplet('md5sum', md5);

/** `md5sum --help` (busybox 1.35's text, recorded from the real binary; the banner line is printed before it). */
export const md5sumUsage =
  "\nUsage: md5sum [-c[sw]] [FILE]...\n\nPrint or check MD5 checksums\n\n\t-c\tCheck sums against list in FILEs\n\t-s\tDon't output anything, status code shows success\n\t-w\tWarn about improperly formatted checksum lines\n";
