// busybox id: uid, gid and groups by name from /etc/passwd and /etc/group; -u -g -G -n -r.

import type { Applet } from './lib/common.js';
import { idAs } from './lib/ids.js';

/** `id [-ugGnr] [USER]` */
export const id: Applet = (ctx, argv) => idAs(ctx, argv, 'id');

/** `id --help` (busybox 1.35's text, recorded from the real binary; the banner line is printed before it). */
export const idUsage =
  "\nUsage: id [-ugGnr] [USER]\n\nPrint information about USER or the current user\n\n\t-u\tUser ID\n\t-g\tGroup ID\n\t-G\tSupplementary group IDs\n\t-n\tPrint names instead of numbers\n\t-r\tPrint real ID instead of effective ID\n";
