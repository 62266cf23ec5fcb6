// busybox touch: sets mtime to the clock (or -d/-t/-r), creates missing files unless -c, and reports other
// failures as "touch: FILE: strerror" (the transcripts' "touch: /x: Read-only file system").

import type { ProcessContext } from '../process.js';
import { abs, errorMsg, missingError, perrorMsg } from './lib/common.js';
import { parseDate } from './lib/date-parse.js';
import { getopt } from './lib/getopt.js';
import { showUsage } from './lib/usage.js';

/** `touch [-cham] [-d DATE] [-t DATE] [-r FILE] FILE...` */
export function touch(ctx: ProcessContext, argv: string[]): number {
  const o = getopt(ctx, 'touch', argv, {
    flags: 'chamf',
    args: 'rdt',
    long: { 'no-create': { key: 'c' }, 'no-dereference': { key: 'h' }, reference: { key: 'r', arg: true }, date: { key: 'd', arg: true } },
  });
  if (typeof o === 'number') return o;
  if (o.operands.length === 0) return showUsage(ctx, 'touch');
  let mtime = ctx.clock.now();
  const ref = o.value('r');
  if (ref !== undefined) {
    const st = ctx.fs.stat(abs(ctx, ref));
    if (!st) {
      errorMsg(ctx, 'touch', `can't stat '${ref}': ${missingError(ctx, ref)}`);
      return 1;
    }
    mtime = st.mtime;
  }
  const date = o.value('d') ?? o.value('t');
  if (date !== undefined) {
    const t = parseDate(date, ctx.clock.now());
    if (t === null) {
      errorMsg(ctx, 'touch', `invalid date '${date}'`);
      return 1;
    }
    mtime = t;
  }
  let status = 0;
  for (const file of o.operands) {
    const path = abs(ctx, file);
    try {
      if (ctx.fs.stat(path)) ctx.fs.utimes(path, mtime);
      else if (o.has('h') && ctx.fs.lstat(path)) continue;
      else {
        if (o.has('c')) continue;
        ctx.fs.writeFile(path, new Uint8Array(), { append: true, mode: 0o666 & ~(ctx.umask ?? 0o022) });
        if (date !== undefined || ref !== undefined) ctx.fs.utimes(path, mtime);
      }
    } catch (e) {
      perrorMsg(ctx, 'touch', file, e);
      status = 1;
    }
  }
  return status;
}

/** `touch --help` (busybox 1.35's text, recorded from the real binary; the banner line is printed before it). */
export const touchUsage =
  "\nUsage: touch [-cham] [-d DATE] [-t DATE] [-r FILE] FILE...\n\nUpdate mtime of FILEs\n\n\t-c\tDon't create files\n\t-h\tDon't follow links\n\t-a\tChange only atime\n\t-m\tChange only mtime\n\t-d DT\tDate/time to use\n\t-t DT\tDate/time to use\n\t-r FILE\tUse FILE's date/time\n";
