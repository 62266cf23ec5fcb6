// busybox mount: lists /proc/mounts; mounting is refused, as in a container without CAP_SYS_ADMIN.

import { FsError } from '../../fs/vfs.js';
import type { Applet } from './lib/common.js';

/** `mount [ARGS]`: lists /proc/mounts; mounting needs CAP_SYS_ADMIN. */
export const mount: Applet = (ctx, argv) => {
  if (argv.length <= 1) {
    try {
      ctx.stdout(ctx.fs.readFile('/proc/mounts'));
      return 0;
    } catch (e) {
      if (!(e instanceof FsError)) throw e;
      ctx.stderr('mount: no /proc/mounts\n');
      return 1;
    }
  }
  ctx.stderr('mount: permission denied (are you root?)\n');
  return 1;
};
