// busybox umount: refused, as in a container without CAP_SYS_ADMIN.

import type { Applet } from './lib/common.js';
import { getopt } from './lib/getopt.js';
import { showUsage } from './lib/usage.js';
import { errorMsg } from './lib/common.js';

/** `umount DIR`: needs CAP_SYS_ADMIN. */
export const umount: Applet = (ctx, argv) => {
  const o = getopt(ctx, 'umount', argv, { flags: 'rlfdani', args: 't' });
  if (typeof o === 'number') return o;
  const target = o.operands[0];
  if (target === undefined) return showUsage(ctx, 'umount');
  const exists = ctx.fs.stat(target);
  errorMsg(ctx, 'umount', `can't unmount ${target}: ${exists ? 'Operation not permitted' : 'No such file or directory'}`);
  return 1;
};

/** `umount --help` (busybox 1.35's text, recorded from the real binary; the banner line is printed before it). */
export const umountUsage =
  "\nUsage: umount [-rlfda] [-t FSTYPE] FILESYSTEM|DIRECTORY\n\nUnmount filesystems\n\n\t-a\tUnmount all filesystems\n\t-r\tRemount devices read-only if mount is busy\n\t-l\tLazy umount (detach filesystem)\n\t-f\tForce umount (i.e., unreachable NFS server)\n\t-d\tFree loop device if it has been used\n\t-t FSTYPE[,...]\tUnmount only these filesystem type(s)\n";
