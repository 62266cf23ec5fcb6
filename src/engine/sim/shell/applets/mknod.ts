// busybox mknod: character and block devices are made; the kernel's checks come first (CAP_MKNOD for devices);
// a named pipe, which the simulator's filesystem does not hold, is refused plainly.

import { FsError } from '../../fs/vfs.js';
import type { Applet } from './lib/common.js';
import { abs, perrorMsg } from './lib/common.js';
import { hasCapability } from './lib/capability.js';
import { getopt } from './lib/getopt.js';
import { showUsage } from './lib/usage.js';

const MAX = 0xffffffff;

/** `mknod [-m MODE] NAME TYPE [MAJOR MINOR]` */
export const mknod: Applet = (ctx, argv) => {
  const o = getopt(ctx, 'mknod', argv, { args: 'm' });
  if (typeof o === 'number') return o;
  const [name, type = '', ...numbers] = o.operands;
  const kind = type[0] ?? '';
  if (name === undefined || !'cubp'.includes(kind) || kind === '') return showUsage(ctx, 'mknod');
  const wanted = kind === 'p' ? 0 : 2;
  if (numbers.length !== wanted) return showUsage(ctx, 'mknod');
  const [major, minor] = numbers.map((n) => (/^\d+$/.test(n) && Number(n) <= MAX ? Number(n) : NaN));
  if (kind !== 'p' && (Number.isNaN(major) || Number.isNaN(minor))) return showUsage(ctx, 'mknod');
  const rawMode = o.value('m');
  if (rawMode !== undefined && !/^[0-7]{1,4}$/.test(rawMode)) return showUsage(ctx, 'mknod', `invalid mode '${rawMode}'`);
  const mode = rawMode !== undefined ? parseInt(rawMode, 8) : 0o666 & ~(ctx.umask ?? 0o022);
  if (kind !== 'p' && !hasCapability(ctx, 'CAP_MKNOD')) {
    perrorMsg(ctx, 'mknod', name, new FsError('EPERM', name));
    return 1;
  }
  if (kind === 'p') {
    ctx.stderr('drydock: mknod of a named pipe is not simulated; run this scenario with --engine docker\n');
    return 127;
  }
  try {
    if (!ctx.fs.mknodChar) throw new FsError('EPERM', name);
    ctx.fs.mknodChar(abs(ctx, name), major ?? 0, minor ?? 0, mode, kind === 'b');
    return 0;
  } catch (e) {
    perrorMsg(ctx, 'mknod', name, e);
    return 1;
  }
};

/** `mknod --help` (busybox 1.35's text, recorded from the real binary; the banner line is printed before it). */
export const mknodUsage =
  '\nUsage: mknod [-m MODE] NAME TYPE [MAJOR MINOR]\n\nCreate a special file (block, character, or pipe)\n\n\t-m MODE\tCreation mode (default a=rw)\nTYPE:\n\tb\tBlock device\n\tc or u\tCharacter device\n\tp\tNamed pipe (MAJOR MINOR must be omitted)\n';
