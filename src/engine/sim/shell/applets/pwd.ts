// busybox pwd, the applet (the shell's own builtin is in sh/builtins/simple.ts).

import type { Applet } from './lib/common.js';

/** `pwd` (the applet; the shell's builtin is sh/builtins/simple.ts) */
export const pwd: Applet = (ctx) => (ctx.stdout(`${ctx.env.get('PWD') === ctx.cwd ? ctx.cwd : ctx.cwd}\n`), 0);

/** `pwd --help` (busybox 1.35's text, recorded from the real binary; the banner line is printed before it). */
export const pwdUsage =
  "\nUsage: pwd\n\nPrint the full filename of the current working directory\n";
