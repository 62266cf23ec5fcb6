// busybox whoami: the name of the effective uid, or "unknown uid N".

import { userName } from '../users.js';
import type { Applet } from './lib/common.js';
import { errorMsg } from './lib/common.js';

/** `whoami` */
export const whoami: Applet = (ctx) => {
  const name = userName(ctx.fs, ctx.uid);
  if (name === undefined) {
    errorMsg(ctx, 'whoami', `unknown uid ${ctx.uid}`);
    return 1;
  }
  ctx.stdout(`${name}\n`);
  return 0;
};

/** `whoami --help` (busybox 1.35's text, recorded from the real binary; the banner line is printed before it). */
export const whoamiUsage =
  "\nUsage: whoami\n\nPrint the user name associated with the current effective user id\n";
