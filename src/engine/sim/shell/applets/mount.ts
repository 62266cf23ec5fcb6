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

/** `mount --help` (busybox 1.35's text, recorded from the real binary; the banner line is printed before it). */
export const mountUsage =
  "\nUsage: mount [OPTIONS] [-o OPT] DEVICE NODE\n\nMount a filesystem. Filesystem autodetection requires /proc.\n\n\t-a\t\tMount all filesystems in fstab\n\t-f\t\tDry run\n\t-i\t\tDon't run mount helper\n\t-r\t\tRead-only mount\n\t-t FSTYPE[,...]\tFilesystem type(s)\n\t-T FILE\t\tRead FILE instead of /etc/fstab\n\t-O OPT\t\tMount only filesystems with option OPT (-a only)\n-o OPT:\n\tloop\t\tIgnored (loop devices are autodetected)\n\t[a]sync\t\tWrites are [a]synchronous\n\t[no]atime\tDisable/enable updates to inode access times\n\t[no]diratime\tDisable/enable atime updates to directories\n\t[no]relatime\tDisable/enable atime updates relative to modification time\n\t[no]dev\t\t(Dis)allow use of special device files\n\t[no]exec\t(Dis)allow use of executable files\n\t[no]suid\t(Dis)allow set-user-id-root programs\n\t[r]shared\tConvert [recursively] to a shared subtree\n\t[r]slave\tConvert [recursively] to a slave subtree\n\t[r]private\tConvert [recursively] to a private subtree\n\t[un]bindable\tMake mount point [un]able to be bind mounted\n\t[r]bind\t\tBind a file or directory [recursively] to another location\n\tmove\t\tRelocate an existing mount point\n\tremount\t\tRemount a mounted filesystem, changing flags\n\tro\t\tSame as -r\n\nThere are filesystem-specific -o flags.\n";
