// busybox du: 1K blocks (or -m, -h), -s, -a, -c, -d.

import { FsError } from '../../fs/vfs.js';
import { strerror } from '../io.js';
import type { Applet } from './lib/common.js';
import { abs, chargeStep, errorMsg, missingError } from './lib/common.js';
import { getopt } from './lib/getopt.js';
import { humanSize } from './lib/human-size.js';
import { blocksOf } from './lib/stat-fields.js';

/** `du [-aHLdclsxhmk] [FILE]...` (1 KiB units, blocks as ext4 allocates them). */
export const du: Applet = (ctx, argv) => {
  const o = getopt(ctx, 'du', argv, { flags: 'aHLclsxhmk', args: 'd' });
  if (typeof o === 'number') return o;
  const files = o.operands.length === 0 ? ['.'] : o.operands;
  const maxDepth = o.value('d') === undefined ? Infinity : Number(o.value('d'));
  const show = (kb: number, p: string): void => {
    const size = o.has('h') ? humanSize(kb * 1024) : o.has('m') ? String(Math.ceil(kb / 1024)) : String(kb);
    ctx.stdout(`${size}\t${p}\n`);
  };
  let status = 0;
  let total = 0;
  const visit = (p: string, depth: number): number => {
    chargeStep(ctx);
    const st = o.has('L') ? ctx.fs.stat(abs(ctx, p)) : ctx.fs.lstat(abs(ctx, p));
    if (!st) {
      errorMsg(ctx, 'du', `${p}: ${missingError(ctx, p)}`);
      status = 1;
      return 0;
    }
    let kb = blocksOf(st) >> 1;
    if (st.kind === 'dir') {
      let names: string[];
      try {
        names = ctx.fs.readdir(abs(ctx, p));
      } catch (e) {
        if (!(e instanceof FsError)) throw e;
        // busybox's du_loop: a folder it cannot open counts, but gets no line of its own
        errorMsg(ctx, 'du', `can't open '${p}': ${strerror(e.code)}`);
        status = 1;
        return kb;
      }
      for (const name of names) kb += visit(p.endsWith('/') ? p + name : `${p}/${name}`, depth + 1);
      if (!o.has('s') ? depth <= maxDepth : depth === 0) show(kb, p);
    } else if ((o.has('a') && depth <= maxDepth) || depth === 0) show(kb, p);
    return kb;
  };
  for (const f of files) total += visit(f, 0);
  if (o.has('c')) show(total, 'total');
  return status;
};

/** `du --help` (busybox 1.35's text, recorded from the real binary; the banner line is printed before it). */
export const duUsage =
  "\nUsage: du [-aHLdclsxhmk] [FILE]...\n\nSummarize disk space used for FILEs (or directories)\n\n\t-a\tShow file sizes too\n\t-b\tApparent size (including holes)\n\t-L\tFollow all symlinks\n\t-H\tFollow symlinks on command line\n\t-d N\tLimit output to directories (and files with -a) of depth < N\n\t-c\tShow grand total\n\t-l\tCount sizes many times if hard linked\n\t-s\tDisplay only a total for each argument\n\t-x\tSkip directories on different filesystems\n\t-h\tSizes in human readable format (e.g., 1K 243M 2G)\n\t-m\tSizes in megabytes\n\t-k\tSizes in kilobytes (default)\n";
