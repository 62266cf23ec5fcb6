// busybox groups: `id -Gn` for the caller or a named user.

import type { Applet } from './lib/common.js';
import { idAs } from './lib/ids.js';

/** `groups [USER]` */
export const groups: Applet = (ctx, argv) => idAs(ctx, argv.length > 1 ? ['id', '-Gn', ...argv.slice(1)] : ['id', '-Gn'], 'groups');

/** `groups --help` (busybox 1.35's text, recorded from the real binary; the banner line is printed before it). */
export const groupsUsage =
  "\nUsage: groups [USER]\n\nPrint the groups USER is in\n";
