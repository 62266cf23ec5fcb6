// busybox cp: its options and where each operand goes; the copying itself (copy_file) is lib/copy-file.ts,
// which mv shares.

import type { ProcessContext } from '../process.js';
import { abs, statOrNull } from './lib/common.js';
import { copyFile } from './lib/copy-file.js';
import type { CopyFlags } from './lib/copy-file.js';
import { getopt } from './lib/getopt.js';
import { joinPath, lastComponent } from './lib/paths.js';
import { showUsage } from './lib/usage.js';

/** `cp [-arPLHpfinlsTu] SOURCE... DEST` */
export function cp(ctx: ProcessContext, argv: string[]): number {
  const o = getopt(ctx, 'cp', argv, {
    flags: 'aRrdPLHpfinlsTuv',
    args: 't',
    long: { 'target-directory': { key: 't', arg: true }, 'no-target-directory': { key: 'T' }, parents: { key: 'parents' }, 'remove-destination': { key: 'f' } },
  });
  if (typeof o === 'number') return o;
  const recursive = o.has('a') || o.has('R') || o.has('r');
  const flags: CopyFlags = {
    recursive,
    deref: o.has('L') || !(recursive || o.has('d') || o.has('P') || o.has('a')),
    preserve: o.has('a') || o.has('p'),
    force: o.has('f'),
    noClobber: o.has('n'),
    created: new Set(),
  };
  const sources = [...o.operands];
  let target = o.value('t');
  if (target === undefined) {
    target = sources.pop();
    if (target === undefined || sources.length === 0) return showUsage(ctx, 'cp');
    if (sources.length === 1) {
      const src = sources[0] ?? '';
      const srcIsDir = statOrNull(ctx, abs(ctx, src), flags.deref || o.has('H'))?.kind === 'dir';
      const dst = statOrNull(ctx, abs(ctx, target));
      if (o.has('T') || !(srcIsDir || dst?.kind === 'dir') || (recursive && srcIsDir && !dst)) {
        return copyFile(ctx, 'cp', src, target, { ...flags, deref: flags.deref || o.has('H') }) ? 0 : 1;
      }
    }
  }
  let status = 0;
  for (const src of sources) {
    if (!copyFile(ctx, 'cp', src, joinPath(target, lastComponent(src)), { ...flags, deref: flags.deref || o.has('H') })) status = 1;
  }
  return status;
}

/** `cp --help` (busybox 1.35's text, recorded from the real binary; the banner line is printed before it). */
export const cpUsage =
  "\nUsage: cp [-arPLHpfinlsTu] SOURCE DEST\nor: cp [-arPLHpfinlsu] SOURCE... { -t DIRECTORY | DIRECTORY }\n\nCopy SOURCEs to DEST\n\n\t-a\tSame as -dpR\n\t-R,-r\tRecurse\n\t-d,-P\tPreserve symlinks (default if -R)\n\t-L\tFollow all symlinks\n\t-H\tFollow symlinks on command line\n\t-p\tPreserve file attributes if possible\n\t-f\tOverwrite\n\t-i\tPrompt before overwrite\n\t-n\tDon't overwrite\n\t-l,-s\tCreate (sym)links\n\t-T\tRefuse to copy if DEST is a directory\n\t-t DIR\tCopy all SOURCEs into DIR\n\t-u\tCopy only newer files\n";
