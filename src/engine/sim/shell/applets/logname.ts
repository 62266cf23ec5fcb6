// busybox logname: a container has no login session.

import type { Applet } from './lib/common.js';

/** `logname`: a container has no login session */
export const logname: Applet = (ctx) => (ctx.stderr('logname: getlogin: Inappropriate ioctl for device\n'), 1);
