// The applets the simulator implements, by name. A busybox applet without an implementation fails loudly
// (exit 127) instead of pretending, so nobody mistakes the simulator's gap for Docker behaviour.

import { basename } from '../../fs/path.js';
import { FsError } from '../../fs/vfs.js';
import { strerror } from '../io.js';
import type { ProcessContext } from '../process.js';
import { WriteFailed } from '../process-errors.js';
import { runBusybox } from '../busybox.js';
import { runShellMain } from '../sh/sh-main.js';
import type { Applet } from './lib/common.js';
import { cat } from './cat.js';
import { cp } from './cp.js';
import { dd } from './dd.js';
import { echo } from './echo.js';
import { expr } from './expr.js';
import { find } from './find.js';
import { grep } from './grep.js';
import { ln } from './ln.js';
import { ls } from './ls.js';
import { mv } from './mv.js';
import { printfMain } from './printf.js';
import { rm } from './rm.js';
import { sed } from './sed.js';
import { ps } from './ps.js';
import { testMain } from './test.js';
import { touch } from './touch.js';
import { wc } from './wc.js';
import { errorMsg } from './lib/common.js';
import { date } from './date.js';
import { mkdir } from './mkdir.js';
import { rmdir } from './rmdir.js';
import { chmod } from './chmod.js';
import { chown } from './chown.js';
import { stat } from './stat.js';
import { readlink } from './readlink.js';
import { realpath } from './realpath.js';
import { unlink } from './unlink.js';
import { truncate } from './truncate.js';
import { arch } from './arch.js';
import { hostname } from './hostname.js';
import { env } from './env.js';
import { kill } from './kill.js';
import { base64 } from './base64.js';
import { basenameApplet } from './basename.js';
import { chgrp } from './chgrp.js';
import { cut } from './cut.js';
import { dirnameApplet } from './dirname.js';
import { du } from './du.js';
import { falseApplet } from './false.js';
import { groups } from './groups.js';
import { head } from './head.js';
import { id } from './id.js';
import { logname } from './logname.js';
import { md5sum } from './md5sum.js';
import { mktemp } from './mktemp.js';
import { mount } from './mount.js';
import { nl } from './nl.js';
import { nproc } from './nproc.js';
import { pwd } from './pwd.js';
import { rev } from './rev.js';
import { seq } from './seq.js';
import { sha1sum } from './sha1sum.js';
import { sha256sum } from './sha256sum.js';
import { sleep } from './sleep.js';
import { sort } from './sort.js';
import { sync } from './sync.js';
import { tac } from './tac.js';
import { tail } from './tail.js';
import { tee } from './tee.js';
import { tr } from './tr.js';
import { trueApplet } from './true.js';
import { tty } from './tty.js';
import { umount } from './umount.js';
import { uname } from './uname.js';
import { uniq } from './uniq.js';
import { usleep } from './usleep.js';
import { which } from './which.js';
import { whoami } from './whoami.js';
import { xargs } from './xargs.js';
import { yes } from './yes.js';

const IMPLS = new Map<string, Applet>([
  ['busybox', (ctx, argv) => runBusybox(ctx, argv)],
  ['sh', runShellMain],
  ['ash', runShellMain],
  ['echo', echo],
  ['printf', (ctx, argv) => printfMain(ctx, argv)],
  ['test', (ctx, argv) => testMain(ctx, argv)],
  ['[', (ctx, argv) => testMain(ctx, argv)],
  ['[[', (ctx, argv) => testMain(ctx, argv)],
  ['ls', ls],
  ['touch', touch],
  ['mkdir', mkdir],
  ['rmdir', rmdir],
  ['rm', rm],
  ['cp', cp],
  ['mv', mv],
  ['ln', ln],
  ['cat', cat],
  ['head', head],
  ['tail', tail],
  ['wc', wc],
  ['grep', grep],
  ['egrep', grep],
  ['fgrep', grep],
  ['cut', cut],
  ['tr', tr],
  ['sort', sort],
  ['uniq', uniq],
  ['seq', seq],
  ['tee', tee],
  ['nl', nl],
  ['tac', tac],
  ['rev', rev],
  ['base64', base64],
  ['yes', yes],
  ['sed', sed],
  ['expr', expr],
  ['dd', dd],
  ['find', find],
  ['chmod', chmod],
  ['chown', chown],
  ['chgrp', chgrp],
  ['stat', stat],
  ['du', du],
  ['basename', basenameApplet],
  ['dirname', dirnameApplet],
  ['readlink', readlink],
  ['realpath', realpath],
  ['which', which],
  ['unlink', unlink],
  ['mktemp', mktemp],
  ['truncate', truncate],
  ['env', env],
  ['xargs', xargs],
  ['kill', kill],
  ['id', id],
  ['whoami', whoami],
  ['groups', groups],
  ['hostname', hostname],
  ['uname', uname],
  ['date', date],
  ['sleep', sleep],
  ['usleep', usleep],
  ['mount', mount],
  ['umount', umount],
  ['ps', ps],
  ['arch', arch],
  ['nproc', nproc],
  ['tty', tty],
  ['logname', logname],
  ['true', trueApplet],
  ['false', falseApplet],
  ['sync', sync],
  ['pwd', pwd],
  ['md5sum', md5sum],
  ['sha1sum', sha1sum],
  ['sha256sum', sha256sum],
]);

/** Names of the applets that are simulated. */
export function simulatedApplets(): string[] {
  return [...IMPLS.keys()].sort();
}

/** The message for a busybox applet the simulator does not implement. */
export function notSimulatedApplet(name: string): string {
  return `drydock: applet '${name}' is not simulated; run this scenario with --engine docker`;
}

/** Runs the applet named by basename(argv[0]). */
export function runApplet(ctx: ProcessContext, argv: string[]): number {
  const name = basename(argv[0] ?? '');
  const impl = IMPLS.get(name);
  if (!impl) {
    ctx.stderr(`${notSimulatedApplet(name)}\n`);
    return 127;
  }
  try {
    return impl(ctx, argv);
  } catch (e) {
    // a write the disk could not take: busybox's applets die with "applet: write error: …" and exit 1
    if (e instanceof WriteFailed) {
      errorMsg(ctx, name, e.text);
      return 1;
    }
    // a kernel error an applet did not expect (ELOOP from a symlink loop, …) is busybox's bb_perror_msg
    // "applet: path: strerror" and exit 1, never a crash of the simulator
    if (!(e instanceof FsError)) throw e;
    errorMsg(ctx, name, `${e.path}: ${strerror(e.code)}`);
    return 1;
  }
}
