// busybox sha256sum: "HASH  NAME" lines, -c to check a list.

import type { Applet } from './lib/common.js';
import { hashApplet, sha256 } from './lib/digests.js';

/** `sha256sum [-c[sw]] [FILE]...` */
export const sha256sum: Applet = hashApplet('sha256sum', sha256);

/** `sha256sum --help` (busybox 1.35's text, recorded from the real binary; the banner line is printed before it). */
export const sha256sumUsage =
  "\nUsage: sha256sum [-c[sw]] [FILE]...\n\nPrint or check SHA256 checksums\n\n\t-c\tCheck sums against list in FILEs\n\t-s\tDon't output anything, status code shows success\n\t-w\tWarn about improperly formatted checksum lines\n";
