// busybox chgrp: a group by name (/etc/group) or number, -R, -h.

import type { Applet } from './lib/common.js';
import { chownLike } from './lib/owner.js';

/** `chgrp [-RhLHPcvf] GROUP FILE...` */
export const chgrp: Applet = chownLike('chgrp');

/** `chgrp --help` (busybox 1.35's text, recorded from the real binary; the banner line is printed before it). */
export const chgrpUsage =
  "\nUsage: chgrp [-RhLHPcvf]... GROUP FILE...\n\nChange the group membership of FILEs to GROUP\n\n\t-h\tAffect symlinks instead of symlink targets\n\t-L\tTraverse all symlinks to directories\n\t-H\tTraverse symlinks on command line only\n\t-P\tDon't traverse symlinks (default)\n\t-R\tRecurse\n\t-c\tList changed files\n\t-v\tVerbose\n\t-f\tHide errors\n";
