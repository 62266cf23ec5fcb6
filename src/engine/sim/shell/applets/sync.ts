// busybox sync: nothing to flush in memory.

import type { Applet } from './lib/common.js';

/** `sync` */
export const sync: Applet = () => 0;

/** `sync --help` (busybox 1.35's text, recorded from the real binary; the banner line is printed before it). */
export const syncUsage =
  "\nUsage: sync [-df] [FILE]...\n\nWrite all buffered blocks (in FILEs) to disk\n\t-d\tAvoid syncing metadata\n\t-f\tSync filesystems underlying FILEs\n";
