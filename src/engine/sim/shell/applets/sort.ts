// busybox sort: -n -r -u -f -b -k -t -s -o -c.

import { toBytes } from '../io.js';
import type { Applet } from './lib/common.js';
import { abs, lines, readAll } from './lib/common.js';
import { getopt } from './lib/getopt.js';

/** `sort [-nrugMcszbdfiokt] [-o FILE] [-k START[.OFS][OPTS][,END[.OFS][OPTS]] [-t CHAR] [FILE]...` */
export const sort: Applet = (ctx, argv) => {
  // getopt32 "nrugMcszbdfiV" with -m ignored and -S/-T taking an ignored argument; usage errors exit 2
  const o = getopt(ctx, 'sort', argv, { flags: 'nrugMcszbdfiVm', args: 'ktoTS', usageStatus: 2 });
  if (typeof o === 'number') return o;
  const keys: { start: number; end: number; flags: string }[] = [];
  for (const k of o.values('k')) {
    const m = /^(\d+)(?:\.(\d+))?([a-zA-Z]*)(?:,(\d+)(?:\.(\d+))?([a-zA-Z]*))?$/.exec(k);
    if (!m || Number(m[1]) === 0 || (m[4] !== undefined && Number(m[4]) === 0)) {
      ctx.stderr('sort: bad field specification\n');
      return 2;
    }
    keys.push({ start: Number(m[1]), end: m[4] ? Number(m[4]) : Infinity, flags: `${m[3] ?? ''}${m[6] ?? ''}` });
  }
  // xfopen_stdin: the first unreadable file ends sort with status 2, before any output
  const chunks: string[] = [];
  for (const f of o.operands.length === 0 ? ['-'] : o.operands) {
    const { text, status } = readAll(ctx, 'sort', [f]);
    if (status) return 2;
    chunks.push(text);
  }
  const text = chunks.join('');
  const sep = o.value('t');
  const fieldsOf = (line: string): string[] => (sep !== undefined ? line.split(sep) : line.match(/\s*\S+/g) ?? ['']);
  const keyOf = (line: string, k: { start: number; end: number }): string => {
    const f = fieldsOf(line);
    const picked = f.slice(k.start - 1, k.end === Infinity ? undefined : k.end);
    return picked.join(sep ?? '');
  };
  const cmpText = (a: string, b: string, flags: string): number => {
    let x = a;
    let y = b;
    if (flags.includes('b') || o.has('b')) {
      x = x.trimStart();
      y = y.trimStart();
    }
    if (flags.includes('f') || o.has('f')) {
      x = x.toUpperCase();
      y = y.toUpperCase();
    }
    if (flags.includes('n') || flags.includes('g') || o.has('n') || o.has('g')) {
      const nx = Number.parseFloat(x.trim()) || 0;
      const ny = Number.parseFloat(y.trim()) || 0;
      return nx - ny;
    }
    return x < y ? -1 : x > y ? 1 : 0;
  };
  const cmp = (a: string, b: string): number => {
    let r = 0;
    for (const k of keys) {
      r = cmpText(keyOf(a, k), keyOf(b, k), k.flags);
      if (r !== 0) return k.flags.includes('r') ? -r : r;
    }
    if (keys.length === 0) r = cmpText(a, b, '');
    if (r === 0 && !o.has('s') && !o.has('u')) r = a < b ? -1 : a > b ? 1 : 0;
    return r;
  };
  const eol = o.has('z') ? '\0' : '\n';
  const records = o.has('z') ? text.split('\0').filter((l, i, all) => i < all.length - 1 || l !== '') : lines(text);
  const order = (a: string, b: string): number => (o.has('r') ? -cmp(a, b) : cmp(a, b));
  if (o.has('c')) {
    // "Check line N": the first record out of order (with -u, also equal to the one before)
    for (let i = 1; i < records.length; i++) {
      if (order(records[i - 1] ?? '', records[i] ?? '') > (o.has('u') ? -1 : 0)) {
        ctx.stderr(`Check line ${i}\n`);
        return 1;
      }
    }
    return 0;
  }
  let sorted = records.sort(order);
  if (o.has('u')) sorted = sorted.filter((l, i) => i === 0 || cmp(sorted[i - 1] ?? '', l) !== 0);
  const out = sorted.map((l) => `${l}${eol}`).join('');
  const file = o.value('o');
  if (file !== undefined) ctx.fs.writeFile(abs(ctx, file), toBytes(out));
  else ctx.stdout(out);
  return 0;
};

/** `sort --help` (busybox 1.35's text, recorded from the real binary; the banner line is printed before it). */
export const sortUsage =
  "\nUsage: sort [-nrugMcszbdfiokt] [-o FILE] [-k START[.OFS][OPTS][,END[.OFS][OPTS]] [-t CHAR] [FILE]...\n\nSort lines of text\n\n\t-o FILE\tOutput to FILE\n\t-c\tCheck whether input is sorted\n\t-b\tIgnore leading blanks\n\t-f\tIgnore case\n\t-i\tIgnore unprintable characters\n\t-d\tDictionary order (blank or alphanumeric only)\n\t-n\tSort numbers\n\t-g\tGeneral numerical sort\n\t-M\tSort month\n\t-V\tSort version\n\t-t CHAR\tField separator\n\t-k N[,M] Sort by Nth field\n\t-r\tReverse sort order\n\t-s\tStable (don't sort ties alphabetically)\n\t-u\tSuppress duplicate lines\n\t-z\tNUL terminated input and output\n";
