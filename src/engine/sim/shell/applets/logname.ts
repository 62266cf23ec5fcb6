// busybox logname: a container has no login session.

import type { Applet } from './lib/common.js';

/** `logname`: a container has no login session */
export const logname: Applet = (ctx) => (ctx.stderr('logname: getlogin: Inappropriate ioctl for device\n'), 1);

/** `logname --help` (busybox 1.35's text, recorded from the real binary; the banner line is printed before it). */
export const lognameUsage =
  "\nUsage: logname\n\nPrint the name of the current user\n";
