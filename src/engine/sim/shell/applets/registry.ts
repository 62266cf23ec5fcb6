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
import { cat, catUsage } from './cat.js';
import { cp, cpUsage } from './cp.js';
import { dd, ddUsage } from './dd.js';
import { echo } from './echo.js';
import { expr, exprUsage } from './expr.js';
import { find, findUsage } from './find.js';
import { grep, grepUsage } from './grep.js';
import { ln, lnUsage } from './ln.js';
import { ls, lsUsage } from './ls.js';
import { mv, mvUsage } from './mv.js';
import { printfMain, printfUsage } from './printf.js';
import { rm, rmUsage } from './rm.js';
import { sed, sedUsage } from './sed.js';
import { ps, psUsage } from './ps.js';
import { testMain } from './test.js';
import { touch, touchUsage } from './touch.js';
import { wc, wcUsage } from './wc.js';
import { errorMsg } from './lib/common.js';
import { NO_HELP } from './lib/usage.js';
import { date, dateUsage } from './date.js';
import { mkdir, mkdirUsage } from './mkdir.js';
import { rmdir, rmdirUsage } from './rmdir.js';
import { chmod, chmodUsage } from './chmod.js';
import { chown, chownUsage } from './chown.js';
import { stat, statUsage } from './stat.js';
import { readlink, readlinkUsage } from './readlink.js';
import { realpath, realpathUsage } from './realpath.js';
import { unlink, unlinkUsage } from './unlink.js';
import { truncate, truncateUsage } from './truncate.js';
import { arch, archUsage } from './arch.js';
import { hostname, hostnameUsage } from './hostname.js';
import { env, envUsage } from './env.js';
import { kill, killUsage } from './kill.js';
import { base64, base64Usage } from './base64.js';
import { basenameApplet, basenameUsage } from './basename.js';
import { chgrp, chgrpUsage } from './chgrp.js';
import { cut, cutUsage } from './cut.js';
import { dirnameApplet, dirnameUsage } from './dirname.js';
import { du, duUsage } from './du.js';
import { falseApplet } from './false.js';
import { groups, groupsUsage } from './groups.js';
import { head, headUsage } from './head.js';
import { id, idUsage } from './id.js';
import { logname, lognameUsage } from './logname.js';
import { md5sum, md5sumUsage } from './md5sum.js';
import { mktemp, mktempUsage } from './mktemp.js';
import { mknod, mknodUsage } from './mknod.js';
import { ping, pingUsage } from './ping.js';
import { chroot, chrootUsage } from './chroot.js';
import { mount, mountUsage } from './mount.js';
import { nl, nlUsage } from './nl.js';
import { nproc, nprocUsage } from './nproc.js';
import { pwd, pwdUsage } from './pwd.js';
import { rev, revUsage } from './rev.js';
import { seq, seqUsage } from './seq.js';
import { sha1sum, sha1sumUsage } from './sha1sum.js';
import { sha256sum, sha256sumUsage } from './sha256sum.js';
import { sleep, sleepUsage } from './sleep.js';
import { sort, sortUsage } from './sort.js';
import { sync, syncUsage } from './sync.js';
import { tac, tacUsage } from './tac.js';
import { tail, tailUsage } from './tail.js';
import { tee, teeUsage } from './tee.js';
import { tr, trUsage } from './tr.js';
import { trueApplet } from './true.js';
import { tty, ttyUsage } from './tty.js';
import { umount, umountUsage } from './umount.js';
import { uname, unameUsage } from './uname.js';
import { uniq, uniqUsage } from './uniq.js';
import { usleep, usleepUsage } from './usleep.js';
import { which, whichUsage } from './which.js';
import { whoami, whoamiUsage } from './whoami.js';
import { xargs, xargsUsage } from './xargs.js';
import { yes, yesUsage } from './yes.js';
import { withRegexBudget } from '../regex-budget.js';

/** An applet of the table: how it runs, and its `--help` text (printed after the banner line). */
interface AppletEntry {
  run: Applet;
  usage?: string;
}

/**
 * Every simulated applet by the name it is invoked as: the one place a command finds its code. Each applet's
 * file (applets/<name>.ts) holds its implementation and its busybox 1.35 `--help` text.
 */
const APPLETS = new Map<string, AppletEntry>([
  ['busybox', { run: (ctx, argv) => runBusybox(ctx, argv) }],
  ['sh', { run: runShellMain }],
  ['ash', { run: runShellMain }],
  ['echo', { run: echo }],
  ['printf', { run: (ctx, argv) => printfMain(ctx, argv), usage: printfUsage }],
  ['test', { run: (ctx, argv) => testMain(ctx, argv) }],
  ['[', { run: (ctx, argv) => testMain(ctx, argv) }],
  ['[[', { run: (ctx, argv) => testMain(ctx, argv) }],
  ['ls', { run: ls, usage: lsUsage }],
  ['touch', { run: touch, usage: touchUsage }],
  ['mkdir', { run: mkdir, usage: mkdirUsage }],
  ['rmdir', { run: rmdir, usage: rmdirUsage }],
  ['rm', { run: rm, usage: rmUsage }],
  ['cp', { run: cp, usage: cpUsage }],
  ['mv', { run: mv, usage: mvUsage }],
  ['ln', { run: ln, usage: lnUsage }],
  ['cat', { run: cat, usage: catUsage }],
  ['head', { run: head, usage: headUsage }],
  ['tail', { run: tail, usage: tailUsage }],
  ['wc', { run: wc, usage: wcUsage }],
  ['grep', { run: grep, usage: grepUsage }],
  ['egrep', { run: grep, usage: NO_HELP }],
  ['fgrep', { run: grep, usage: NO_HELP }],
  ['cut', { run: cut, usage: cutUsage }],
  ['tr', { run: tr, usage: trUsage }],
  ['sort', { run: sort, usage: sortUsage }],
  ['uniq', { run: uniq, usage: uniqUsage }],
  ['seq', { run: seq, usage: seqUsage }],
  ['tee', { run: tee, usage: teeUsage }],
  ['nl', { run: nl, usage: nlUsage }],
  ['tac', { run: tac, usage: tacUsage }],
  ['rev', { run: rev, usage: revUsage }],
  ['base64', { run: base64, usage: base64Usage }],
  ['yes', { run: yes, usage: yesUsage }],
  ['sed', { run: sed, usage: sedUsage }],
  ['expr', { run: expr, usage: exprUsage }],
  ['dd', { run: dd, usage: ddUsage }],
  ['find', { run: find, usage: findUsage }],
  ['chmod', { run: chmod, usage: chmodUsage }],
  ['chown', { run: chown, usage: chownUsage }],
  ['chgrp', { run: chgrp, usage: chgrpUsage }],
  ['stat', { run: stat, usage: statUsage }],
  ['du', { run: du, usage: duUsage }],
  ['basename', { run: basenameApplet, usage: basenameUsage }],
  ['dirname', { run: dirnameApplet, usage: dirnameUsage }],
  ['readlink', { run: readlink, usage: readlinkUsage }],
  ['realpath', { run: realpath, usage: realpathUsage }],
  ['which', { run: which, usage: whichUsage }],
  ['unlink', { run: unlink, usage: unlinkUsage }],
  ['mktemp', { run: mktemp, usage: mktempUsage }],
  ['truncate', { run: truncate, usage: truncateUsage }],
  ['env', { run: env, usage: envUsage }],
  ['xargs', { run: xargs, usage: xargsUsage }],
  ['kill', { run: kill, usage: killUsage }],
  ['id', { run: id, usage: idUsage }],
  ['whoami', { run: whoami, usage: whoamiUsage }],
  ['groups', { run: groups, usage: groupsUsage }],
  ['hostname', { run: hostname, usage: hostnameUsage }],
  ['uname', { run: uname, usage: unameUsage }],
  ['date', { run: date, usage: dateUsage }],
  ['sleep', { run: sleep, usage: sleepUsage }],
  ['usleep', { run: usleep, usage: usleepUsage }],
  ['mount', { run: mount, usage: mountUsage }],
  ['mknod', { run: mknod, usage: mknodUsage }],
  ['ping', { run: ping, usage: pingUsage }],
  ['chroot', { run: chroot, usage: chrootUsage }],
  ['umount', { run: umount, usage: umountUsage }],
  ['ps', { run: ps, usage: psUsage }],
  ['arch', { run: arch, usage: archUsage }],
  ['nproc', { run: nproc, usage: nprocUsage }],
  ['tty', { run: tty, usage: ttyUsage }],
  ['logname', { run: logname, usage: lognameUsage }],
  ['true', { run: trueApplet }],
  ['false', { run: falseApplet }],
  ['sync', { run: sync, usage: syncUsage }],
  ['pwd', { run: pwd, usage: pwdUsage }],
  ['md5sum', { run: md5sum, usage: md5sumUsage }],
  ['sha1sum', { run: sha1sum, usage: sha1sumUsage }],
  ['sha256sum', { run: sha256sum, usage: sha256sumUsage }],
]);

/** The message for a busybox applet the simulator does not implement. */
function notSimulatedApplet(name: string): string {
  return `drydock: applet '${name}' is not simulated; run this scenario with --engine docker`;
}

/** The `--help` text of an applet (busybox prints it after a usage error), without the banner line. */
export function appletUsage(name: string): string | undefined {
  return APPLETS.get(name)?.usage;
}

/** Runs the applet named by basename(argv[0]). */
export function runApplet(ctx: ProcessContext, argv: string[]): number {
  const name = basename(argv[0] ?? '');
  const impl = APPLETS.get(name)?.run;
  if (!impl) {
    ctx.stderr(`${notSimulatedApplet(name)}\n`);
    return 127;
  }
  try {
    return withRegexBudget(ctx, () => impl(ctx, argv));
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
