// busybox chown: USER[:GROUP] by name (/etc/passwd, /etc/group) or number, -R, -h.

import { chownLike } from './lib/owner.js';

/** chown, chgrp. */
export const chown = chownLike('chown');

/** `chown --help` (busybox 1.35's text, recorded from the real binary; the banner line is printed before it). */
export const chownUsage =
  "\nUsage: chown [-RhLHPcvf]... USER[:[GRP]] FILE...\n\nChange the owner and/or group of FILEs to USER and/or GRP\n\n\t-h\tAffect symlinks instead of symlink targets\n\t-L\tTraverse all symlinks to directories\n\t-H\tTraverse symlinks on command line only\n\t-P\tDon't traverse symlinks (default)\n\t-R\tRecurse\n\t-c\tList changed files\n\t-v\tVerbose\n\t-f\tHide errors\n";
