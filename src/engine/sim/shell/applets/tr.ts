// busybox tr: ranges, [:classes:], escapes, -c -d -s; on bytes, like the original.

import { toBytes } from '../io.js';
import type { Applet } from './lib/common.js';
import { endOfInput, takeStdin } from './lib/common.js';
import { processEscape } from './lib/escapes.js';
import { getopt } from './lib/getopt.js';
import { showUsage } from './lib/usage.js';

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

/** `tr --help` (busybox 1.35's text, recorded from the real binary; the banner line is printed before it). */
export const trUsage =
  "\nUsage: tr [-cds] STRING1 [STRING2]\n\nTranslate, squeeze, or delete characters from stdin, writing to stdout\n\n\t-c\tTake complement of STRING1\n\t-d\tDelete input characters coded STRING1\n\t-s\tSqueeze multiple output characters of STRING2 into one character\n";
