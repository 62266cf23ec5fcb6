// busybox chroot: runs PROG (default $SHELL -i) with its root at NEWROOT, which needs CAP_SYS_CHROOT. A root
// other than the container's own / would need a re-rooted filesystem view, which is not simulated: refused.

import { FsError } from '../../fs/vfs.js';
import type { Applet } from './lib/common.js';
import { abs, errorMsg, perrorMsg } from './lib/common.js';
import { hasCapability } from './lib/capability.js';
import { runProgram } from './lib/exec-program.js';
import { showUsage } from './lib/usage.js';

/** `chroot NEWROOT [PROG ARGS]` */
export const chroot: Applet = (ctx, argv) => {
  const [root, ...rest] = argv.slice(1);
  if (root === undefined || root === '--help') return showUsage(ctx, 'chroot');
  const message = `can't change root directory to '${root}'`;
  let resolved: string;
  try {
    resolved = ctx.fs.realpath(abs(ctx, root));
    if (ctx.fs.stat(resolved)?.kind !== 'dir') throw new FsError('ENOTDIR', root);
    if (!hasCapability(ctx, 'CAP_SYS_CHROOT')) throw new FsError('EPERM', root);
  } catch (e) {
    perrorMsg(ctx, 'chroot', message, e);
    return 1;
  }
  if (resolved !== '/') {
    ctx.stderr(`drydock: chroot to a folder other than / is not simulated; run this scenario with --engine docker\n`);
    return 127;
  }
  const program = rest.length > 0 ? rest : [ctx.env.get('SHELL') || '/bin/sh', '-i'];
  const r = runProgram({ ...ctx, cwd: '/' }, program);
  if (typeof r === 'string') {
    errorMsg(ctx, 'chroot', `can't execute '${program[0] ?? ''}': ${r}`);
    return r === 'Permission denied' ? 126 : 127;
  }
  return r;
};

/** `chroot --help` (busybox 1.35's text, recorded from the real binary; the banner line is printed before it). */
export const chrootUsage = '\nUsage: chroot NEWROOT [PROG ARGS]\n\nRun PROG with root directory set to NEWROOT\n';
