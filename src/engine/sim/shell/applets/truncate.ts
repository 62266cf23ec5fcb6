// busybox truncate: -s SIZE with its suffixes, -c.

import type { Applet } from './lib/common.js';
import { abs, errorMsg, perrorMsg } from './lib/common.js';
import { getopt } from './lib/getopt.js';
import { showUsage } from './lib/usage.js';

/** `truncate [-c] -s SIZE FILE...` */
export const truncate: Applet = (ctx, argv) => {
  const o = getopt(ctx, 'truncate', argv, { flags: 'c', args: 's' });
  if (typeof o === 'number') return o;
  const spec = o.value('s');
  if (spec === undefined || o.operands.length === 0) return showUsage(ctx, 'truncate');
  const m = /^(\d+)([kKmMgG]?)$/.exec(spec);
  if (!m) {
    errorMsg(ctx, 'truncate', `invalid number '${spec}'`);
    return 1;
  }
  const size = Number(m[1]) * ({ '': 1, k: 1024, K: 1024, m: 1048576, M: 1048576, g: 1073741824, G: 1073741824 }[m[2] ?? ''] ?? 1);
  let status = 0;
  for (const f of o.operands) {
    const p = abs(ctx, f);
    try {
      const st = ctx.fs.stat(p);
      if (!st && o.has('c')) continue;
      const old = st ? ctx.fs.readFile(p) : new Uint8Array();
      const data = new Uint8Array(size);
      data.set(old.subarray(0, size));
      ctx.fs.writeFile(p, data);
    } catch (e) {
      perrorMsg(ctx, 'truncate', f, e);
      status = 1;
    }
  }
  return status;
};

/** `truncate --help` (busybox 1.35's text, recorded from the real binary; the banner line is printed before it). */
export const truncateUsage =
  "\nUsage: truncate [-c] -s SIZE FILE...\n\nTruncate FILEs to SIZE\n\n\t-c\tDo not create files\n\t-s SIZE\n";
