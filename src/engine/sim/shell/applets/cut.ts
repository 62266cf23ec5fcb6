// busybox cut: -b/-c/-f lists (0 is 1, "N-M" errors as "M<N-1"), -d, -s; on bytes, like the original.

import { concatBytes, toBytes } from '../io.js';
import type { ProcessContext } from '../process.js';
import type { Applet } from './lib/common.js';
import { errorMsg, lines, readAll } from './lib/common.js';
import { getopt } from './lib/getopt.js';

type Range = [start: number, end: number];

// busybox 1.35's list parser: empty items are skipped, 0 counts as 1, "N-M" with M < N-1 is the error
// "M<N-1", and a range whose end is just before its start still yields its start position. Positions are
// zero-based here; the end is inclusive.
function parseList(ctx: ProcessContext, spec: string): Range[] | null {
  const out: Range[] = [];
  const num = (t: string): number | null => {
    if (!/^\d+$/.test(t)) {
      errorMsg(ctx, 'cut', `invalid number '${t}'`);
      return null;
    }
    return Number(t);
  };
  for (const item of spec.split(',')) {
    if (item === '') continue;
    const dash = item.indexOf('-');
    const first = dash === -1 ? item : item.slice(0, dash);
    let s = 0;
    if (first !== '') {
      const n = num(first);
      if (n === null) return null;
      s = n === 0 ? 0 : n - 1;
    }
    let e = s;
    if (dash !== -1) {
      const rest = item.slice(dash + 1);
      if (rest === '') e = Infinity;
      else {
        const n = num(rest);
        if (n === null) return null;
        if (n < s) {
          errorMsg(ctx, 'cut', `${n}<${s}`);
          return null;
        }
        e = n === 0 ? 0 : n - 1;
      }
    }
    out.push([s, Math.max(s, e)]);
  }
  if (out.length === 0) {
    ctx.stderr('cut: missing list of positions\n');
    return null;
  }
  return out;
}

/** `cut [-b|c|f LIST] [-d SEP] [-s] [FILE]...` */
export const cut: Applet = (ctx, argv) => {
  const o = getopt(ctx, 'cut', argv, { flags: 'snO', args: 'bcfdO' });
  if (typeof o === 'number') return o;
  const mode = o.last('b', 'c', 'f');
  const spec = mode ? o.value(mode) : undefined;
  if (!mode || spec === undefined) {
    ctx.stderr('cut: expected a list of bytes, characters, or fields\n');
    return 1;
  }
  const list = parseList(ctx, spec);
  if (!list) return 1;
  const inList = (n: number): boolean => list.some(([a, b]) => n >= a && n <= b);
  // only the first character of -d counts (an empty one is NUL)
  const delim = (o.value('d') ?? '\t')[0] ?? '\0';
  const { text, status } = readAll(ctx, 'cut', o.operands);
  const out: Uint8Array[] = [];
  for (const line of lines(text)) {
    if (mode === 'f') {
      if (!line.includes(delim)) {
        if (!o.has('s')) out.push(toBytes(`${line}\n`));
        continue;
      }
      const fields = line.split(delim);
      out.push(toBytes(`${fields.filter((_, i) => inList(i)).join(delim)}\n`));
    } else {
      // -c is -b: this busybox has no unicode support, so a character is a byte
      const bytes = toBytes(line);
      out.push(Uint8Array.from([...bytes.filter((_, i) => inList(i)), 10]));
    }
  }
  ctx.stdout(concatBytes(out));
  return status;
};

/** `cut --help` (busybox 1.35's text, recorded from the real binary; the banner line is printed before it). */
export const cutUsage =
  "\nUsage: cut [OPTIONS] [FILE]...\n\nPrint selected fields from FILEs to stdout\n\n\t-b LIST\tOutput only bytes from LIST\n\t-c LIST\tOutput only characters from LIST\n\t-d SEP\tField delimiter for input (default -f TAB, -F run of whitespace)\n\t-O SEP\tField delimiter for output (default = -d for -f, one space for -F)\n\t-D\tDon't sort/collate sections or match -fF lines without delimiter\n\t-f LIST\tPrint only these fields (-d is single char)\n\t-F LIST\tPrint only these fields (-d is regex)\n\t-s\tOutput only lines containing delimiter\n\t-n\tIgnored\n";
