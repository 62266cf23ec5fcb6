// busybox id: uid, gid and groups by name from /etc/passwd and /etc/group; -u -g -G -n -r.

import type { Applet } from './lib/common.js';
import { idAs } from './lib/ids.js';

/** `id [-ugGnr] [USER]` */
export const id: Applet = (ctx, argv) => idAs(ctx, argv, 'id');
