// busybox rm: its options, the refusal of "." and "..", and each operand removed by remove_file
// (lib/remove-file.ts, which mv shares).

import { basename } from '../../fs/path.js';
import type { ProcessContext } from '../process.js';
import { getopt } from './lib/getopt.js';
import { removeFile } from './lib/remove-file.js';
import { showUsage } from './lib/usage.js';

/** `rm [-irfv] FILE...` */
export function rm(ctx: ProcessContext, argv: string[]): number {
  const o = getopt(ctx, 'rm', argv, { flags: 'fiRrv' });
  if (typeof o === 'number') return o;
  const force = o.last('f', 'i') === 'f';
  const interactive = o.last('f', 'i') === 'i';
  const recursive = o.has('r') || o.has('R');
  if (o.operands.length === 0) return force ? 0 : showUsage(ctx, 'rm');
  let status = 0;
  for (const file of o.operands) {
    const base = basename(file.replace(/\/+$/, '')) || file;
    if (base === '.' || base === '..') {
      ctx.stderr("rm: can't remove '.' or '..'\n");
      status = 1;
      continue;
    }
    if (!removeFile(ctx, 'rm', file, force, recursive, o.has('v'), interactive)) status = 1;
  }
  return status;
}

/** `rm --help` (busybox 1.35's text, recorded from the real binary; the banner line is printed before it). */
export const rmUsage =
  "\nUsage: rm [-irf] FILE...\n\nRemove (unlink) FILEs\n\n\t-i\tAlways prompt before removing\n\t-f\tNever prompt\n\t-R,-r\tRecurse\n";
