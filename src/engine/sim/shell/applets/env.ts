// busybox env: run a program with a changed environment (-i, -u NAME, NAME=VALUE), or print it.

import type { Applet } from './lib/common.js';
import { errorMsg } from './lib/common.js';
import { runProgram } from './lib/exec-program.js';
import { getopt } from './lib/getopt.js';

/** `env [-i] [-u NAME]... [-] [NAME=VALUE]... [PROG ARGS]` */
export const env: Applet = (ctx, argv) => {
  const o = getopt(ctx, 'env', argv, { flags: 'i0', args: 'u', stopAtOperand: true, long: { ignore: { key: 'i' }, unset: { key: 'u', arg: true } } });
  if (typeof o === 'number') return o;
  const rest = [...o.operands];
  let clear = o.has('i');
  if (rest[0] === '-') {
    clear = true;
    rest.shift();
  }
  const next = new Map(clear ? [] : ctx.env);
  for (const name of o.values('u')) next.delete(name);
  while (rest[0]?.includes('=')) {
    const a = rest.shift() ?? '';
    const eq = a.indexOf('=');
    next.delete(a.slice(0, eq));
    next.set(a.slice(0, eq), a.slice(eq + 1));
  }
  if (rest.length === 0) {
    const end = o.has('0') ? '\0' : '\n';
    ctx.stdout([...next].map(([k, v]) => `${k}=${v}${end}`).join(''));
    return 0;
  }
  const r = runProgram({ ...ctx, env: next }, rest);
  if (typeof r === 'string') {
    errorMsg(ctx, 'env', `can't execute '${rest[0] ?? ''}': ${r}`);
    return r === 'Permission denied' ? 126 : 127;
  }
  return r;
};

/** `env --help` (busybox 1.35's text, recorded from the real binary; the banner line is printed before it). */
export const envUsage =
  "\nUsage: env [-i0] [-u NAME]... [-] [NAME=VALUE]... [PROG ARGS]\n\nPrint current environment or run PROG after setting up environment\n\n\t-, -i\tStart with empty environment\n\t-0\tNUL terminated output\n\t-u NAME\tRemove variable from environment\n";
