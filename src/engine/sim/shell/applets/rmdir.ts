// busybox rmdir: -p removing emptied parents, --ignore-fail-on-non-empty.

import { FsError } from '../../fs/vfs.js';
import type { ProcessContext } from '../process.js';
import { abs, errorMsg } from './lib/common.js';
import { getopt } from './lib/getopt.js';
import { showUsage } from './lib/usage.js';
import { strerror } from '../io.js';

/** `rmdir [-p] DIRECTORY...` */
export function rmdir(ctx: ProcessContext, argv: string[]): number {
  const o = getopt(ctx, 'rmdir', argv, { flags: 'pv', long: { parents: { key: 'p' }, verbose: { key: 'v' }, 'ignore-fail-on-non-empty': { key: 'i' } } });
  if (typeof o === 'number') return o;
  if (o.operands.length === 0) return showUsage(ctx, 'rmdir');
  let status = 0;
  for (const dir of o.operands) {
    let path = dir;
    for (;;) {
      if (o.has('v')) ctx.stdout(`rmdir: removing directory, '${path}'\n`);
      try {
        ctx.fs.rmdir(abs(ctx, path));
      } catch (e) {
        if (!(e instanceof FsError)) throw e;
        if (!(o.has('i') && e.code === 'ENOTEMPTY')) {
          errorMsg(ctx, 'rmdir', `'${path}': ${strerror(e.code)}`);
          status = 1;
        }
        break;
      }
      if (!o.has('p')) break;
      const trimmed = path.replace(/\/+$/, '');
      const slash = trimmed.lastIndexOf('/');
      if (slash === -1) break;
      path = trimmed.slice(0, slash).replace(/\/+$/, '') || '/';
    }
  }
  return status;
}

/** `rmdir --help` (busybox 1.35's text, recorded from the real binary; the banner line is printed before it). */
export const rmdirUsage =
  "\nUsage: rmdir [-p] DIRECTORY...\n\nRemove DIRECTORY if it is empty\n\n\t-p\tInclude parents\n\t--ignore-fail-on-non-empty\n";
