// busybox realpath: resolves missing names as xmalloc_realpath_coreutils does.

import type { Applet } from './lib/common.js';
import { errorMsg } from './lib/common.js';
import { canonical } from './lib/paths.js';
import { showUsage } from './lib/usage.js';

/** `realpath FILE...` */
export const realpath: Applet = (ctx, argv) => {
  const files = argv.slice(1);
  if (files.length === 0) return showUsage(ctx, 'realpath');
  let status = 0;
  for (const f of files) {
    const r = canonical(ctx, f);
    if (r === null) {
      errorMsg(ctx, 'realpath', `${f}: No such file or directory`);
      status = 1;
    } else ctx.stdout(`${r}\n`);
  }
  return status;
};

/** `realpath --help` (busybox 1.35's text, recorded from the real binary; the banner line is printed before it). */
export const realpathUsage =
  "\nUsage: realpath FILE...\n\nPrint absolute pathnames of FILEs\n";
