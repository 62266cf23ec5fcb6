// busybox cut (-b/-c/-f lists, -d, -s) and tr (ranges, [:classes:], escapes, -c -d -s; on bytes, like the
// original).

import { concatBytes, toBytes } from '../io.js';
import type { ProcessContext } from '../process.js';
import type { Applet } from './lib/common.js';
import { endOfInput, errorMsg, lines, readAll, takeStdin } from './lib/common.js';
import { processEscape } from './lib/escapes.js';
import { getopt } from './lib/getopt.js';
import { showUsage } from './lib/usage.js';

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

// tr's SET syntax: ranges, escapes, [:class:], [c*n].
function expandSet(spec: string): number[] {
  const bytes = toBytes(spec);
  const out: number[] = [];
  const classes: Record<string, (c: number) => boolean> = {
    alpha: (c) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122), digit: (c) => c >= 48 && c <= 57,
    alnum: (c) => classes.alpha?.(c) === true || classes.digit?.(c) === true, upper: (c) => c >= 65 && c <= 90,
    lower: (c) => c >= 97 && c <= 122, space: (c) => c === 32 || (c >= 9 && c <= 13), blank: (c) => c === 32 || c === 9,
    punct: (c) => c > 32 && c < 127 && !(classes.alnum?.(c) === true), cntrl: (c) => c < 32 || c === 127,
    print: (c) => c >= 32 && c < 127, graph: (c) => c > 32 && c < 127, xdigit: (c) => classes.digit?.(c) === true || (c >= 65 && c <= 70) || (c >= 97 && c <= 102),
  };
  const take = (i: number): { c: number; next: number } => {
    if (bytes[i] === 92 && i + 1 < bytes.length) {
      const { byte, next } = processEscape(bytes, i + 1);
      return next === i + 1 && byte === 92 ? { c: bytes[i + 1] ?? 92, next: i + 2 } : { c: byte, next };
    }
    return { c: bytes[i] ?? 0, next: i + 1 };
  };
  for (let i = 0; i < bytes.length; ) {
    if (bytes[i] === 91 && bytes[i + 1] === 58) {
      const close = spec.indexOf(':]', i + 2);
      const fn = close === -1 ? undefined : classes[spec.slice(i + 2, close)];
      if (fn) {
        for (let c = 0; c < 256; c++) if (fn(c)) out.push(c);
        i = close + 2;
        continue;
      }
    }
    const a = take(i);
    if (bytes[a.next] === 45 && a.next + 1 < bytes.length) {
      const b = take(a.next + 1);
      for (let c = a.c; c <= b.c; c++) out.push(c);
      i = b.next;
      continue;
    }
    out.push(a.c);
    i = a.next;
  }
  return out;
}

/** `tr [-cds] STRING1 [STRING2]` */
export const tr: Applet = (ctx, argv) => {
  const o = getopt(ctx, 'tr', argv, { flags: 'cdsCt' });
  if (typeof o === 'number') return o;
  const [s1, s2] = o.operands;
  // with one set and neither -d nor -s busybox copies its input unchanged
  if (s1 === undefined) return showUsage(ctx, 'tr');
  let set1 = expandSet(s1);
  if (o.has('c') || o.has('C')) {
    const inSet = new Set(set1);
    set1 = [];
    for (let c = 0; c < 256; c++) if (!inSet.has(c)) set1.push(c);
  }
  const set2 = s2 === undefined ? [] : expandSet(s2);
  const map = new Map<number, number>();
  if (!o.has('d') && s2 !== undefined) set1.forEach((c, i) => map.set(c, set2[Math.min(i, set2.length - 1)] ?? c));
  const del = o.has('d') ? new Set(set1) : new Set<number>();
  const squeeze = new Set(o.has('s') ? (o.has('d') || s2 === undefined ? (o.has('d') ? set2 : set1) : set2) : []);
  const data = takeStdin(ctx);
  const out: number[] = [];
  let last = -1;
  for (const b of data) {
    if (del.has(b)) continue;
    const c = map.get(b) ?? b;
    if (squeeze.has(c) && c === last) continue;
    out.push(c);
    last = c;
  }
  ctx.stdout(Uint8Array.from(out));
  endOfInput(ctx);
  return 0;
};
