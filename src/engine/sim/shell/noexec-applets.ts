// Which busybox applets ash runs without exec. Busybox 1.35 marks some applets NOEXEC or NOFORK; this build's
// ash (FEATURE_SH_STANDALONE, no SH_NOFORK) forks for them as for any program, but then calls the applet in the
// child instead of executing the binary again. Such a child keeps its shell's command line and only its comm
// changes, so ps shows it as `{ps} sh -c …`. Checked on the 20.10 engine: ps, head, cut, sort, awk, xargs,
// md5sum, dd, fold, hexdump and usleep run in place; cat, sleep, tail, grep, sed, tr, wc, od and tee are executed.

/** The applets of this build that busybox 1.35 declares APPLET_NOEXEC or APPLET_NOFORK. */
export const IN_PLACE_APPLETS: ReadonlySet<string> = new Set([
  '[', '[[', 'adjtimex', 'arch', 'awk', 'basename', 'blkdiscard', 'blockdev', 'brctl', 'cal', 'chgrp', 'chmod',
  'chown', 'chroot', 'chvt', 'clear', 'cp', 'crc32', 'cttyhack', 'cut', 'date', 'dd', 'deallocvt', 'df', 'dirname',
  'dnsdomainname', 'dos2unix', 'dumpkmap', 'dumpleases', 'echo', 'env', 'expr', 'false', 'fatattr', 'find', 'fold',
  'free', 'freeramdisk', 'fsfreeze', 'fstrim', 'getopt', 'groups', 'head', 'hexdump', 'hostid', 'hostname', 'id',
  'insmod', 'ionice', 'ip', 'ipcalc', 'ipneigh', 'kill', 'killall', 'link', 'linux32', 'linux64', 'ln', 'loadfont',
  'loadkmap', 'logname', 'losetup', 'ls', 'lsmod', 'lsscsi', 'md5sum', 'mkdir', 'mkfifo', 'mknod', 'mkpasswd',
  'mktemp', 'modinfo', 'modprobe', 'mv', 'nameif', 'nproc', 'nuke', 'partprobe', 'paste', 'pivot_root', 'printf',
  'ps', 'pwd', 'readlink', 'realpath', 'renice', 'reset', 'resume', 'rm', 'rmdir', 'rmmod', 'seq', 'setkeycodes',
  'sha1sum', 'sha256sum', 'sha3sum', 'sha512sum', 'shuf', 'sort', 'stat', 'stty', 'sulogin', 'svc', 'svok', 'sync',
  'sysctl', 'tac', 'taskset', 'test', 'touch', 'true', 'truncate', 'tty', 'tunctl', 'umount', 'uname', 'unix2dos',
  'unlink', 'uptime', 'usleep', 'vconfig', 'w', 'which', 'who', 'whoami', 'xargs', 'xxd', 'yes',
]);
