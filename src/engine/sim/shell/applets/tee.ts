// busybox tee: stdin to stdout and files, -a.

import type { Applet } from './lib/common.js';
import { abs, endOfInput, perrorMsg, takeStdin } from './lib/common.js';
import { getopt } from './lib/getopt.js';

/** `tee [-ai] [FILE]...` */
export const tee: Applet = (ctx, argv) => {
  const o = getopt(ctx, 'tee', argv, { flags: 'ai' });
  if (typeof o === 'number') return o;
  let status = 0;
  const targets: string[] = [];
  for (const f of o.operands) {
    try {
      ctx.fs.writeFile(abs(ctx, f), new Uint8Array(), { append: o.has('a') });
      targets.push(f);
    } catch (e) {
      perrorMsg(ctx, 'tee', f, e);
      status = 1;
    }
  }
  const data = takeStdin(ctx);
  ctx.stdout(data);
  for (const f of targets) ctx.fs.writeFile(abs(ctx, f), data, { append: true });
  endOfInput(ctx);
  return status;
};

/** `tee --help` (busybox 1.35's text, recorded from the real binary; the banner line is printed before it). */
export const teeUsage =
  "\nUsage: tee [-ai] [FILE]...\n\nCopy stdin to each FILE, and also to stdout\n\n\t-a\tAppend to the given FILEs, don't overwrite\n\t-i\tIgnore interrupt signals (SIGINT)\n";
