// busybox wc: lines, words, characters, bytes, longest line; "%9u" columns (a bare "%u" for one count of one
// input), " NAME" after each file, a "total" line for several files.

import { FsError } from '../../fs/vfs.js';
import { strerror } from '../io.js';
import type { ProcessContext } from '../process.js';
import { errorMsg, readOperand, stdinToEof } from './lib/common.js';
import { getopt } from './lib/getopt.js';

function count(data: Uint8Array): number[] {
  const c = [0, 0, 0, 0, 0];
  let linepos = 0;
  let inWord = 0;
  const eol = (ch: number): void => {
    if (linepos > (c[4] ?? 0)) c[4] = linepos;
    if (ch === 10) c[0] = (c[0] ?? 0) + 1;
    if (ch !== 11) linepos = 0;
  };
  for (const ch of data) {
    c[3] = (c[3] ?? 0) + 1;
    c[2] = (c[2] ?? 0) + 1;
    if (ch >= 32 && ch < 127) {
      linepos++;
      if (ch !== 32) {
        inWord = 1;
        continue;
      }
    } else if (ch >= 9 && ch <= 13) {
      if (ch === 9) linepos = (linepos | 7) + 1;
      else eol(ch);
    } else continue;
    c[1] = (c[1] ?? 0) + inWord;
    inWord = 0;
  }
  eol(-1);
  c[1] = (c[1] ?? 0) + inWord;
  return c;
}

/** `wc [-cmlwL] [FILE]...` */
export function wc(ctx: ProcessContext, argv: string[]): number {
  const o = getopt(ctx, 'wc', argv, { flags: 'lwmcL' });
  if (typeof o === 'number') return o;
  let which = ['l', 'w', 'm', 'c', 'L'].map((f) => o.has(f));
  if (!which.some(Boolean)) which = [true, true, false, true, false];
  const files = o.operands.length === 0 ? [null] : o.operands;
  const single = files.length === 1 && which.filter(Boolean).length === 1;
  const totals = [0, 0, 0, 0, 0];
  let status = 0;
  const print = (counts: number[], name: string | null): void => {
    let line = '';
    let firstField = true;
    counts.forEach((n, i) => {
      if (!which[i]) return;
      line += firstField ? (single ? String(n) : String(n).padStart(9)) : ` ${String(n).padStart(9)}`;
      firstField = false;
    });
    ctx.stdout(name === null ? `${line}\n` : `${line} ${name}\n`);
  };
  for (const file of files) {
    let data: Uint8Array;
    if (file === null || file === '-') data = stdinToEof(ctx);
    else {
      try {
        data = readOperand(ctx, file);
      } catch (e) {
        if (!(e instanceof FsError)) throw e;
        errorMsg(ctx, 'wc', `${file}: ${strerror(e.code)}`);
        status = 1;
        if (e.code !== 'EISDIR') continue;
        data = new Uint8Array();
      }
    }
    const c = count(data);
    totals.forEach((_, i) => {
      totals[i] = i === 4 ? Math.max(totals[4] ?? 0, c[4] ?? 0) : (totals[i] ?? 0) + (c[i] ?? 0);
    });
    print(c, file);
  }
  if (files.length > 1) print(totals, 'total');
  return status;
}

/** `wc --help` (busybox 1.35's text, recorded from the real binary; the banner line is printed before it). */
export const wcUsage =
  "\nUsage: wc [-cmlwL] [FILE]...\n\nCount lines, words, and bytes for FILEs (or stdin)\n\n\t-c\tCount bytes\n\t-m\tCount characters\n\t-l\tCount newlines\n\t-w\tCount words\n\t-L\tPrint longest line length\n";
