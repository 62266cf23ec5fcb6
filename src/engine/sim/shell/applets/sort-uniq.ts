// busybox sort (-n -r -u -f -b -k -t -s -o) and uniq (-c -d -u -i -f -s -w), with "%7lu " counts.

import { toBytes } from '../io.js';
import type { Applet } from './common.js';
import { abs, lines, readAll } from './common.js';
import { getopt } from './getopt.js';

/** `sort [-nrufbdiMgskt] [-o FILE] [FILE]...` */
export const sort: Applet = (ctx, argv) => {
  const o = getopt(ctx, 'sort', argv, { flags: 'nrufbdiMgszcCsSVh', args: 'ktoT' });
  if (typeof o === 'number') return o;
  const { text, status } = readAll(ctx, 'sort', o.operands);
  const sep = o.value('t');
  const keys = o.values('k').map((k) => {
    const m = /^(\d+)(?:\.(\d+))?([a-zA-Z]*)(?:,(\d+)(?:\.(\d+))?([a-zA-Z]*))?$/.exec(k);
    return { start: Number(m?.[1] ?? 1), end: m?.[4] ? Number(m[4]) : Infinity, flags: `${m?.[3] ?? ''}${m?.[6] ?? ''}` };
  });
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
    if (flags.includes('n') || flags.includes('g') || o.has('n') || o.has('g') || o.has('h')) {
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
  let sorted = lines(text).sort((a, b) => (o.has('r') ? -cmp(a, b) : cmp(a, b)));
  if (o.has('u')) sorted = sorted.filter((l, i) => i === 0 || cmp(sorted[i - 1] ?? '', l) !== 0);
  const out = sorted.map((l) => `${l}\n`).join('');
  const file = o.value('o');
  if (file !== undefined) ctx.fs.writeFile(abs(ctx, file), toBytes(out));
  else ctx.stdout(out);
  return status;
};

/** `uniq [-cduiz] [-f,s,w N] [INPUT [OUTPUT]]` */
export const uniq: Applet = (ctx, argv) => {
  const o = getopt(ctx, 'uniq', argv, { flags: 'cduiz', args: 'fsw' });
  if (typeof o === 'number') return o;
  const { text, status } = readAll(ctx, 'uniq', o.operands.slice(0, 1), true);
  if (status) return status;
  const skipFields = Number(o.value('f') ?? 0);
  const skipChars = Number(o.value('s') ?? 0);
  const width = o.value('w') === undefined ? Infinity : Number(o.value('w'));
  const key = (l: string): string => {
    let s = l;
    for (let i = 0; i < skipFields; i++) s = s.replace(/^\s*\S+/, '');
    s = s.slice(skipChars, width === Infinity ? undefined : skipChars + width);
    return o.has('i') ? s.toLowerCase() : s;
  };
  let out = '';
  const all = lines(text);
  for (let i = 0; i < all.length; ) {
    let j = i + 1;
    while (j < all.length && key(all[j] ?? '') === key(all[i] ?? '')) j++;
    const dups = j - i;
    if (!((o.has('d') && dups === 1) || (o.has('u') && dups > 1))) {
      out += `${o.has('c') ? `${String(dups).padStart(7)} ` : ''}${all[i] ?? ''}\n`;
    }
    i = j;
  }
  const dest = o.operands[1];
  if (dest !== undefined) ctx.fs.writeFile(abs(ctx, dest), toBytes(out));
  else ctx.stdout(out);
  return 0;
};
