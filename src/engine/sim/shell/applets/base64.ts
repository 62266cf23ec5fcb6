// busybox base64: encode, or -d decode.

import { toText } from '../io.js';
import type { Applet } from './lib/common.js';
import { perrorMsg, readOperand, stdinToEof } from './lib/common.js';
import { getopt } from './lib/getopt.js';

/** `base64 [-d] [-w COL] [FILE]` */
export const base64: Applet = (ctx, argv) => {
  const o = getopt(ctx, 'base64', argv, { flags: 'di', args: 'w' });
  if (typeof o === 'number') return o;
  const file = o.operands[0];
  let data: Uint8Array;
  try {
    data = file === undefined || file === '-' ? stdinToEof(ctx) : readOperand(ctx, file);
  } catch (e) {
    perrorMsg(ctx, 'base64', `can't open '${file ?? ''}'`, e);
    return 1;
  }
  if (o.has('d')) {
    const clean = toText(data).replace(/[^A-Za-z0-9+/=]/g, '');
    ctx.stdout(Uint8Array.from(atob(clean), (c) => c.charCodeAt(0)));
    return 0;
  }
  // a chunk at a time: spreading a whole file into one call's arguments overflows the stack past ~100 KB
  let binary = '';
  for (let i = 0; i < data.length; i += 8192) binary += String.fromCharCode(...data.subarray(i, i + 8192));
  let s = btoa(binary);
  const width = Number(o.value('w') ?? 76);
  if (width > 0) s = s.replace(new RegExp(`(.{${width}})`, 'g'), '$1\n').replace(/\n$/, '');
  ctx.stdout(s ? `${s}\n` : '');
  return 0;
};

/** `base64 --help` (busybox 1.35's text, recorded from the real binary; the banner line is printed before it). */
export const base64Usage =
  "\nUsage: base64 [-d] [-w COL] [FILE]\n\nBase64 encode or decode FILE to standard output\n\n\t-d\tDecode data\n\t-w COL\tWrap lines at COL (default 76, 0 disables)\n";
