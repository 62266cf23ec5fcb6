// busybox cat: raw copy by default; -n/-b number lines ("%6u\t"), -v/-e/-t/-A show control characters
// (^X, M-x, $ at line ends); "cat: can't open 'X': strerror"; an open stdin is copied and then waited on.

import { FsError } from '../../fs/vfs.js';
import { strerror } from '../io.js';
import type { ProcessContext } from '../process.js';
import { abs, endOfInput, produceForever, readOperand, takeStdin } from './lib/common.js';

/** A device that yields bytes for ever. */
function isEndlessDevice(ctx: ProcessContext, file: string): boolean {
  const p = abs(ctx, file);
  return ['/dev/zero', '/dev/urandom', '/dev/random'].includes(p) && ctx.fs.stat(p)?.kind === 'char';
}
import { getopt } from './lib/getopt.js';

function visible(data: Uint8Array, showEnds: boolean, showTabs: boolean): Uint8Array {
  const out: number[] = [];
  const push = (s: string): void => {
    for (let i = 0; i < s.length; i++) out.push(s.charCodeAt(i));
  };
  for (let c of data) {
    if (c === 9 && !showTabs) {
      out.push(c);
      continue;
    }
    if (c === 10) {
      if (showEnds) out.push(36);
      out.push(10);
      continue;
    }
    if (c >= 128) {
      c -= 128;
      push('M-');
    }
    if (c < 32 || c === 127) {
      out.push(94);
      c ^= 0x40;
    }
    out.push(c);
  }
  return Uint8Array.from(out);
}

/** `cat [-nbvteA] [FILE]...` */
export function cat(ctx: ProcessContext, argv: string[]): number {
  const o = getopt(ctx, 'cat', argv, { flags: 'etvAnbu' });
  if (typeof o === 'number') return o;
  const showEnds = o.has('e') || o.has('A');
  const showTabs = o.has('t') || o.has('A');
  const v = o.has('v') || showEnds || showTabs;
  const number = o.has('n') || o.has('b');
  const files = o.operands.length === 0 ? ['-'] : o.operands;
  let status = 0;
  let lineNo = 0;
  for (const file of files) {
    let data: Uint8Array;
    if (file === '-') data = takeStdin(ctx);
    else if (isEndlessDevice(ctx, file)) {
      // /dev/zero and /dev/urandom never end: cat copies them until a limit or a full pipe stops it
      const chunk = (readOperand(ctx, file) as Uint8Array).subarray(0, 65536);
      return produceForever(ctx, v && !number ? visible(chunk, showEnds, showTabs) : chunk);
    } else {
      try {
        data = readOperand(ctx, file);
      } catch (e) {
        if (!(e instanceof FsError)) throw e;
        ctx.stderr(e.code === 'EISDIR' ? 'cat: read error: Is a directory\n' : `cat: can't open '${file}': ${strerror(e.code)}\n`);
        status = 1;
        continue;
      }
    }
    if (v && !number) data = visible(data, showEnds, showTabs);
    if (number) {
      const text = new TextDecoder().decode(data);
      let out = '';
      // print_numbered_lines: every line, including an unterminated last one, is printed with puts().
      const all = text.split('\n');
      if (all[all.length - 1] === '') all.pop();
      for (const line of all) {
        if (!(o.has('b') && line === '')) out += `${String(++lineNo).padStart(6)}\t`;
        out += `${line}\n`;
      }
      ctx.stdout(out);
    } else ctx.stdout(data);
    if (file === '-') endOfInput(ctx);
  }
  return status;
}

/** `cat --help` (busybox 1.35's text, recorded from the real binary; the banner line is printed before it). */
export const catUsage =
  "\nUsage: cat [-nbvteA] [FILE]...\n\nPrint FILEs to stdout\n\n\t-n\tNumber output lines\n\t-b\tNumber nonempty lines\n\t-v\tShow nonprinting characters as ^x or M-x\n\t-t\t...and tabs as ^I\n\t-e\t...and end lines with $\n\t-A\tSame as -vte\n";
