// Small filters and generators: seq, tee, nl, tac, rev, base64, yes, with busybox's formats ("%6u\t" for nl).

import { FsError } from '../../fs/vfs.js';
import { strerror, toText } from '../io.js';
import type { Applet } from './lib/common.js';
import { abs, chargeStep, endOfInput, errorMsg, lines, produceForever, readAll, readOperand, stdinToEof, takeStdin } from './lib/common.js';
import { getopt } from './lib/getopt.js';
import { showUsage } from './lib/usage.js';

/** `seq [-w] [-s SEP] [FIRST [INC]] LAST` */
export const seq: Applet = (ctx, argv) => {
  const o = getopt(ctx, 'seq', argv, { flags: 'w', args: 's', stopAtOperand: true });
  if (typeof o === 'number') return o;
  const args = o.operands;
  const num = (s: string): number | null => (/^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s) ? Number(s) : null);
  if (args.length < 1 || args.length > 3) return showUsage(ctx, 'seq');
  const values = args.map(num);
  if (values.some((v) => v === null)) return showUsage(ctx, 'seq');
  const last = values[values.length - 1] ?? 0;
  const first = args.length >= 2 ? (values[0] ?? 1) : 1;
  const inc = args.length === 3 ? (values[1] ?? 1) : 1;
  let width = 0;
  let frac = 0;
  args.forEach((a, i) => {
    const dot = a.indexOf('.');
    const w = dot === -1 ? a.length : dot;
    const f = dot === -1 ? 0 : a.length - dot;
    width = Math.max(width, w);
    if (i < args.length - 1) frac = Math.max(frac, f);
  });
  if (frac) {
    frac--;
    if (frac) width += frac + 1;
  }
  if (!o.has('w')) width = 0;
  const sep = o.value('s') ?? '\n';
  const parts: string[] = [];
  for (let n = 0; ; n++) {
    const v = first + n * inc;
    if (inc >= 0 ? v > last : v < last) break;
    chargeStep(ctx, 0.01);
    let s = Math.abs(v).toFixed(frac);
    const neg = v < 0 && Number(s) !== 0;
    if (s.length < width - (neg ? 1 : 0)) s = s.padStart(width - (neg ? 1 : 0), '0');
    parts.push((neg ? '-' : '') + s);
    if (inc === 0 && parts.length > 1_000_000) break;
  }
  if (parts.length) ctx.stdout(`${parts.join(sep)}\n`);
  return 0;
};

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
      if (!(e instanceof FsError)) throw e;
      errorMsg(ctx, 'tee', `${f}: ${strerror(e.code)}`);
      status = 1;
    }
  }
  const data = takeStdin(ctx);
  ctx.stdout(data);
  for (const f of targets) ctx.fs.writeFile(abs(ctx, f), data, { append: true });
  endOfInput(ctx);
  return status;
};

/** `nl [-b STYLE] [-i N] [-s SEP] [-v N] [-w N] [FILE]...` */
export const nl: Applet = (ctx, argv) => {
  const o = getopt(ctx, 'nl', argv, { args: 'bisvw' });
  if (typeof o === 'number') return o;
  const { text, status } = readAll(ctx, 'nl', o.operands);
  const width = Number(o.value('w') ?? 6);
  const sep = o.value('s') ?? '\t';
  const inc = Number(o.value('i') ?? 1);
  const all = o.value('b') === 'a';
  let n = Number(o.value('v') ?? 1);
  let out = '';
  for (const line of lines(text)) {
    if (all || line !== '') {
      out += `${String(n).padStart(width)}${sep}${line}\n`;
      n += inc;
    } else out += `${' '.repeat(width + sep.length)}${line}\n`;
  }
  ctx.stdout(out);
  return status;
};

/** `tac [FILE]...` */
export const tac: Applet = (ctx, argv) => {
  const { text, status } = readAll(ctx, 'tac', argv.slice(1));
  const parts = text.split(/(?<=\n)/).filter((p) => p !== '');
  ctx.stdout(parts.reverse().join(''));
  return status;
};

/** `rev [FILE]...` */
export const rev: Applet = (ctx, argv) => {
  const { text, status } = readAll(ctx, 'rev', argv.slice(1));
  ctx.stdout(lines(text).map((l) => `${[...l].reverse().join('')}\n`).join(''));
  return status;
};

/** `base64 [-d] [-w COL] [FILE]` */
export const base64: Applet = (ctx, argv) => {
  const o = getopt(ctx, 'base64', argv, { flags: 'di', args: 'w' });
  if (typeof o === 'number') return o;
  const file = o.operands[0];
  let data: Uint8Array;
  try {
    data = file === undefined || file === '-' ? stdinToEof(ctx) : readOperand(ctx, file);
  } catch (e) {
    if (!(e instanceof FsError)) throw e;
    errorMsg(ctx, 'base64', `can't open '${file ?? ''}': ${strerror(e.code)}`);
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

/** `yes [STRING]...`: endless; a limit (steps, time, output) or a full pipe ends it. */
export const yes: Applet = (ctx, argv) => {
  const line = `${argv.length > 1 ? argv.slice(1).join(' ') : 'y'}\n`;
  return produceForever(ctx, line.repeat(Math.max(1, Math.floor(4096 / line.length))));
};
