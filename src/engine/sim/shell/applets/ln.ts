// busybox ln: symbolic links (-s), -f replacing the destination, a directory destination receiving the link
// by name. A hard link is link(2) on the Vfs (one inode, two names); a Vfs without inodes gets a copy.

import { FsError } from '../../fs/vfs.js';
import type { ProcessContext } from '../process.js';
import { abs, errorMsg, missingError, perrorMsg, statOrNull } from './lib/common.js';
import { lastComponent } from './lib/paths.js';
import { getopt } from './lib/getopt.js';
import { showUsage } from './lib/usage.js';

/** `ln [-sfnbtv] [-S SUF] TARGET... LINK|DIR` */
export function ln(ctx: ProcessContext, argv: string[]): number {
  const o = getopt(ctx, 'ln', argv, { flags: 'sfnbvT', args: 'S' });
  if (typeof o === 'number') return o;
  const args = [...o.operands];
  if (args.length === 0) return showUsage(ctx, 'ln');
  let last = args[args.length - 1] ?? '';
  if (args.length === 1) last = lastComponent(last);
  else args.pop();
  if (o.has('T') && args.length > 1) {
    ctx.stderr('ln: -T accepts 2 args max\n');
    return 1;
  }
  const fs = ctx.fs;
  let status = 0;
  for (const target of args) {
    let link = last;
    // is the destination a directory? a stat that fails (a symlink loop) means no: link(2) then says EEXIST
    const lastStat = statOrNull(ctx, abs(ctx, last), !(o.has('n') || o.has('T')));
    if (lastStat?.kind === 'dir') {
      if (o.has('T')) {
        errorMsg(ctx, 'ln', `'${last}' is a directory`);
        return 1;
      }
      link = `${last.replace(/\/+$/, '')}/${lastComponent(target)}`;
    }
    // link(2) does not follow a symlink: a hard link to one is that symlink again, even when it dangles or loops
    const targetLink = o.has('s') ? null : fs.lstat(abs(ctx, target));
    if (!o.has('s') && targetLink?.kind !== 'symlink' && !fs.stat(abs(ctx, target))) {
      errorMsg(ctx, 'ln', `${target}: ${missingError(ctx, target)}`);
      status = 1;
      continue;
    }
    const lp = abs(ctx, link);
    if (o.has('f') || o.has('b')) {
      try {
        if (o.has('b') && fs.lstat(lp)) fs.rename(lp, `${lp}${o.value('S') ?? '~'}`);
        else if (fs.lstat(lp)?.kind !== 'dir') fs.unlink(lp);
      } catch {
        // like unlink(2) whose failure ln ignores
      }
    }
    if (o.has('v')) ctx.stdout(`'${link}' -> '${target}'\n`);
    try {
      if (o.has('s')) fs.symlink(target, lp);
      else if (fs.link && targetLink?.kind !== 'dir') fs.link(abs(ctx, target), lp);
      else if (targetLink?.kind === 'symlink') {
        if (fs.lstat(lp)) throw new FsError('EEXIST', link);
        fs.symlink(fs.readlink(abs(ctx, target)), lp);
      } else {
        const st = fs.stat(abs(ctx, target));
        if (st?.kind === 'dir') {
          errorMsg(ctx, 'ln', `${link}: Operation not permitted`);
          status = 1;
          continue;
        }
        if (fs.lstat(lp)) throw new FsError('EEXIST', link);
        fs.writeFile(lp, fs.readFile(abs(ctx, target)), { mode: st?.mode ?? 0o644 });
      }
    } catch (e) {
      perrorMsg(ctx, 'ln', link, e);
      status = 1;
    }
  }
  return status;
}

/** `ln --help` (busybox 1.35's text, recorded from the real binary; the banner line is printed before it). */
export const lnUsage =
  "\nUsage: ln [-sfnbtv] [-S SUF] TARGET... LINK|DIR\n\nCreate a link LINK or DIR/TARGET to the specified TARGET(s)\n\n\t-s\tMake symlinks instead of hardlinks\n\t-f\tRemove existing destinations\n\t-n\tDon't dereference symlinks - treat like normal file\n\t-b\tMake a backup of the target (if exists) before link operation\n\t-S SUF\tUse suffix instead of ~ when making backup files\n\t-T\tTreat LINK as a file, not DIR\n\t-v\tVerbose\n";
