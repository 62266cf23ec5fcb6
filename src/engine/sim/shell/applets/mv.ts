// busybox mv: rename, into a directory for several sources or a directory target, copy + remove across
// devices (EXDEV), "can't rename 'X': strerror" otherwise.

import { FsError } from '../../fs/vfs.js';
import type { ProcessContext } from '../process.js';
import { abs, errorMsg, perrorMsg } from './lib/common.js';
import { copyFile } from './lib/copy-file.js';
import { lastComponent } from './lib/paths.js';
import { getopt } from './lib/getopt.js';
import { removeFile } from './lib/remove-file.js';
import { showUsage } from './lib/usage.js';
import { strerror } from '../io.js';

/** `mv [-fin] SOURCE... DEST` */
export function mv(ctx: ProcessContext, argv: string[]): number {
  const o = getopt(ctx, 'mv', argv, {
    flags: 'finTv',
    args: 't',
    long: { interactive: { key: 'i' }, force: { key: 'f' }, 'no-clobber': { key: 'n' }, 'no-target-directory': { key: 'T' }, 'target-directory': { key: 't', arg: true }, verbose: { key: 'v' } },
  });
  if (typeof o === 'number') return o;
  const sources = [...o.operands];
  let target = o.value('t');
  const pairs: [string, string][] = [];
  if (target === undefined) {
    target = sources.pop();
    if (target === undefined || sources.length === 0) return showUsage(ctx, 'mv');
    let isDir: boolean;
    try {
      isDir = ctx.fs.stat(abs(ctx, target))?.kind === 'dir';
    } catch (e) {
      // cp_mv_stat2: a stat that fails other than ENOENT (a symlink loop) stops mv before it moves anything
      perrorMsg(ctx, 'mv', `can't stat '${target}'`, e);
      return 1;
    }
    if (sources.length === 1 && (!isDir || o.has('T'))) pairs.push([sources[0] ?? '', target]);
  }
  if (pairs.length === 0) {
    for (const s of sources) pairs.push([s, target.endsWith('/') ? target + lastComponent(s) : `${target}/${lastComponent(s)}`]);
  }
  const noClobber = o.last('f', 'i', 'n') === 'n';
  let status = 0;
  for (const [src, dest] of pairs) {
    if (noClobber && ctx.fs.lstat(abs(ctx, dest))) continue;
    try {
      ctx.fs.rename(abs(ctx, src), abs(ctx, dest));
    } catch (e) {
      if (!(e instanceof FsError)) throw e;
      if (e.code !== 'EXDEV' || !ctx.fs.lstat(abs(ctx, src))) {
        errorMsg(ctx, 'mv', `can't rename '${src}': ${strerror(e.code)}`);
        status = 1;
        continue;
      }
      const flags = { recursive: true, deref: false, preserve: true, force: false, noClobber: false, created: new Set<string>() };
      const dstStat = ctx.fs.lstat(abs(ctx, dest));
      if (dstStat && dstStat.kind !== 'dir') ctx.fs.unlink(abs(ctx, dest));
      if (!(copyFile(ctx, 'mv', src, dest, flags) && removeFile(ctx, 'mv', src, true, true))) status = 1;
    }
    if (o.has('v')) ctx.stdout(`'${src}' -> '${dest}'\n`);
  }
  return status;
}

/** `mv --help` (busybox 1.35's text, recorded from the real binary; the banner line is printed before it). */
export const mvUsage =
  "\nUsage: mv [-finT] SOURCE DEST\nor: mv [-fin] SOURCE... { -t DIRECTORY | DIRECTORY }\n\nRename SOURCE to DEST, or move SOURCEs to DIRECTORY\n\n\t-f\tDon't prompt before overwriting\n\t-i\tInteractive, prompt before overwrite\n\t-n\tDon't overwrite an existing file\n\t-T\tRefuse to move if DEST is a directory\n\t-t DIR\tMove all SOURCEs into DIR\n";
