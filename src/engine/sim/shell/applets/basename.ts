// busybox basename: NAME [SUFFIX].

import type { Applet } from './lib/common.js';
import { getopt } from './lib/getopt.js';
import { showUsage } from './lib/usage.js';

/** POSIX basename of an operand ("/a/b/" → "b", "/" → "/"). */
function baseOf(s: string): string {
  const t = s.replace(/\/+$/, '');
  if (t === '') return s === '' ? '' : '/';
  return t.slice(t.lastIndexOf('/') + 1);
}

/** `basename FILE [SUFFIX] | -a FILE... | -s SUFFIX FILE...` */
export const basenameApplet: Applet = (ctx, argv) => {
  const o = getopt(ctx, 'basename', argv, { flags: 'az', args: 's' });
  if (typeof o === 'number') return o;
  const suffix = o.value('s');
  const multi = o.has('a') || suffix !== undefined;
  const args = o.operands;
  if (args.length === 0 || (!multi && args.length > 2)) return showUsage(ctx, 'basename');
  const strip = (name: string, suf: string | undefined): string => (suf && name !== suf && name.endsWith(suf) ? name.slice(0, -suf.length) : name);
  const names = multi ? args.map((a) => strip(baseOf(a), suffix)) : [strip(baseOf(args[0] ?? ''), args[1])];
  ctx.stdout(names.map((n) => `${n}\n`).join(''));
  return 0;
};

/** `basename --help` (busybox 1.35's text, recorded from the real binary; the banner line is printed before it). */
export const basenameUsage =
  "\nUsage: basename FILE [SUFFIX] | -a FILE... | -s SUFFIX FILE...\n\nStrip directory path and SUFFIX from FILE\n\n\t-a\t\tAll arguments are FILEs\n\t-s SUFFIX\tRemove SUFFIX (implies -a)\n";
