// busybox dirname.

import type { Applet } from './lib/common.js';
import { showUsage } from './lib/usage.js';

/** POSIX dirname of an operand ("a" → ".", "/a/b/" → "/a"). */
function dirOf(s: string): string {
  if (s === '//') return '//';
  const t = s.replace(/\/+$/, '');
  if (t === '') return s.startsWith('/') ? '/' : '.';
  const i = t.lastIndexOf('/');
  if (i === -1) return '.';
  return t.slice(0, i).replace(/\/+$/, '') || '/';
}

/** `dirname FILENAME...` */
export const dirnameApplet: Applet = (ctx, argv) => {
  const args = argv.slice(1).filter((a) => a !== '--');
  if (args.length === 0) return showUsage(ctx, 'dirname');
  ctx.stdout(args.map((a) => `${dirOf(a)}\n`).join(''));
  return 0;
};

/** `dirname --help` (busybox 1.35's text, recorded from the real binary; the banner line is printed before it). */
export const dirnameUsage =
  "\nUsage: dirname FILENAME\n\nStrip non-directory suffix from FILENAME\n";
