// busybox echo (also the shell's builtin): -n, -e, -E parsed only while every letter is valid, escapes
// decoded as bytes, `\c` stops the output.

import { toBytes } from '../io.js';
import type { ProcessContext } from '../process.js';
import { processEscape } from './lib/escapes.js';

/** `echo [-neE] [ARG]...` */
export function echo(ctx: ProcessContext, argv: string[]): number {
  let newline = true;
  let escapes = false;
  let i = 1;
  for (; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (!/^-[neE]+$/.test(arg)) break;
    for (const c of arg.slice(1)) {
      if (c === 'n') newline = false;
      else if (c === 'e') escapes = true;
      else escapes = false;
    }
  }
  const out: number[] = [];
  const args = argv.slice(i);
  for (let a = 0; a < args.length; a++) {
    const bytes = toBytes(args[a] ?? '');
    for (let j = 0; j < bytes.length; j++) {
      const c = bytes[j] ?? 0;
      if (!escapes || c !== 92) {
        out.push(c);
        continue;
      }
      if (bytes[j + 1] === 0x63) {
        ctx.stdout(Uint8Array.from(out));
        return 0;
      }
      let k = j + 1;
      if (bytes[k] === 0x30 && (bytes[k + 1] ?? 0) >= 0x30 && (bytes[k + 1] ?? 0) < 0x38) k++;
      const { byte, next } = processEscape(bytes, k);
      out.push(byte);
      j = next - 1;
    }
    if (a < args.length - 1) out.push(32);
  }
  if (newline) out.push(10);
  ctx.stdout(Uint8Array.from(out));
  return 0;
}
