// busybox's bb_show_usage: after a usage error such as `ls: invalid option -- 'z'`, the banner and the applet's
// `--help` text (each applet's file holds its text; the registry hands it out through ctx.programs.usage).

import { BUSYBOX_BANNER } from '../../busybox-applets.js';
import type { ProcessContext } from '../../process.js';
import { errorMsg } from './common.js';

/** The `--help` of an applet busybox builds without its help texts (egrep, fgrep). */
export const NO_HELP = '\nNo help available\n';

/** Prints `applet: message` (if any) and the applet's usage to stderr; returns `status` (busybox exits 1). */
export function showUsage(ctx: ProcessContext, applet: string, message?: string, status = 1): number {
  if (message) errorMsg(ctx, applet, message);
  ctx.stderr(`${BUSYBOX_BANNER} multi-call binary.\n${ctx.programs.usage(applet) ?? '\n'}`);
  return status;
}
