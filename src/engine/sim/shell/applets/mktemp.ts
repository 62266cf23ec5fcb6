// busybox mktemp: a file or (-d) directory from a template ending in six X.

import { FsError } from '../../fs/vfs.js';
import { strerror } from '../io.js';
import type { Applet } from './lib/common.js';
import { abs, errorMsg } from './lib/common.js';
import { getopt } from './lib/getopt.js';

let tmpCounter = 0;

/** `mktemp [-dt] [-p DIR] [TEMPLATE]` */
export const mktemp: Applet = (ctx, argv) => {
  const o = getopt(ctx, 'mktemp', argv, { flags: 'dqtu', args: 'p' });
  if (typeof o === 'number') return o;
  const template = o.operands[0] ?? 'tmp.XXXXXX';
  const dir = o.value('p') ?? (o.has('t') || o.operands.length === 0 ? (ctx.env.get('TMPDIR') ?? '/tmp') : undefined);
  const full = dir !== undefined && !template.startsWith('/') ? `${dir}/${template}` : template;
  // mkstemp(3) wants the name to end in six X's; busybox then reports a null name
  const m = /XXXXXX$/.exec(full);
  if (!m) {
    if (!o.has('q')) ctx.stderr('mktemp: (null): Invalid argument\n');
    return 1;
  }
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  for (let attempt = 0; attempt < 100; attempt++) {
    let seed = (ctx.clock.now() + ++tmpCounter * 7919 + attempt) >>> 0;
    let suffix = '';
    for (let i = 0; i < m[0].length; i++) {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      suffix += chars[(seed >>> 16) % chars.length];
    }
    const name = full.slice(0, m.index) + suffix;
    const p = abs(ctx, name);
    if (ctx.fs.lstat(p)) continue;
    try {
      if (o.has('d')) ctx.fs.mkdir(p, 0o700);
      else ctx.fs.writeFile(p, new Uint8Array(), { mode: 0o600 });
    } catch (e) {
      if (!(e instanceof FsError)) throw e;
      if (!o.has('q')) errorMsg(ctx, 'mktemp', `${strerror(e.code)}`);
      return 1;
    }
    ctx.stdout(`${name}\n`);
    return 0;
  }
  return 1;
};

/** `mktemp --help` (busybox 1.35's text, recorded from the real binary; the banner line is printed before it). */
export const mktempUsage =
  "\nUsage: mktemp [-dt] [-p DIR] [TEMPLATE]\n\nCreate a temporary file with name based on TEMPLATE and print its name.\nTEMPLATE must end with XXXXXX (e.g. [/dir/]nameXXXXXX).\nWithout TEMPLATE, -t tmp.XXXXXX is assumed.\n\n\t-d\tMake directory, not file\n\t-q\tFail silently on errors\n\t-t\tPrepend base directory name to TEMPLATE\n\t-p DIR\tUse DIR as a base directory (implies -t)\n\t-u\tDo not create anything; print a name\n\nBase directory is: -p DIR, else $TMPDIR, else /tmp\n";
