// busybox printf (also the shell's builtin): the format is reused while arguments remain, numbers accept
// 0x/0 prefixes and 'c (character code), bad numbers print "invalid number 'X'" and count as 0.

import { toBytes } from '../io.js';
import type { ProcessContext } from '../process.js';
import { formatFloat, formatInteger, formatString } from './lib/c-format.js';
import type { Conversion } from './lib/c-format.js';
import { processEscape } from './lib/escapes.js';
import { showUsage } from './lib/usage.js';
import { errorMsg } from './lib/common.js';

class Out {
  bytes: number[] = [];
  text(s: string): void {
    for (const b of toBytes(s)) this.bytes.push(b);
  }
}

/** `printf FORMAT [ARG]...`; `prefix` names the program in messages ("printf", or "sh" for the builtin). */
export function printfMain(ctx: ProcessContext, argv: string[], prefix = 'printf', builtin = false): number {
  let args = argv.slice(1);
  if (args[0] === '--') args = args.slice(1);
  if (args.length === 0) {
    if (builtin) {
      errorMsg(ctx, prefix, 'usage: printf FORMAT [ARGUMENT...]');
      return 2;
    }
    return showUsage(ctx, 'printf');
  }
  const format = toBytes(args[0] ?? '');
  let rest = args.slice(1);
  const state = { convErr: false };
  const out = new Out();
  const err = (m: string): void => errorMsg(ctx, prefix, m);
  let result: 'ok' | 'stop' | 'error';
  for (;;) {
    const before = rest.length;
    const r = formatOnce(format, rest, out, state, err);
    result = r.result;
    rest = r.rest;
    if (result !== 'ok' || rest.length === 0 || rest.length === before) break;
  }
  ctx.stdout(Uint8Array.from(out.bytes));
  return result === 'error' || state.convErr ? 1 : 0;
}

function formatOnce(
  f: Uint8Array,
  argsIn: string[],
  out: Out,
  state: { convErr: boolean },
  err: (m: string) => void,
): { result: 'ok' | 'stop' | 'error'; rest: string[] } {
  const args = [...argsIn];
  const dec = new TextDecoder();
  for (let i = 0; i < f.length; i++) {
    const c = f[i] ?? 0;
    if (c === 0x5c) {
      if (f[i + 1] === 0x63) return { result: 'stop', rest: [] };
      const { byte, next } = processEscape(f, i + 1);
      out.bytes.push(byte);
      i = next - 1;
      continue;
    }
    if (c !== 0x25) {
      out.bytes.push(c);
      continue;
    }
    const start = i;
    i++;
    if (f[i] === 0x25) {
      out.bytes.push(0x25);
      continue;
    }
    if (f[i] === 0x62) {
      const arg = args.shift();
      if (arg !== undefined && printEscString(arg, out)) return { result: 'stop', rest: [] };
      continue;
    }
    const conv: Conversion = { flags: '', conv: '' };
    while (i < f.length && '-+ #0'.includes(String.fromCharCode(f[i] ?? 0))) conv.flags += String.fromCharCode(f[i++] ?? 0);
    if (f[i] === 0x2a) {
      i++;
      const a = args.shift();
      if (a !== undefined) conv.width = widthArg(a, err, state);
    } else {
      let w = '';
      while (isDigit(f[i])) w += String.fromCharCode(f[i++] ?? 0);
      if (w) conv.width = Number(w);
    }
    if (conv.width !== undefined && conv.width < 0) {
      conv.flags += '-';
      conv.width = -conv.width;
    }
    if (f[i] === 0x2e) {
      i++;
      if (f[i] === 0x2a) {
        i++;
        const a = args.shift();
        conv.precision = a !== undefined ? widthArg(a, err, state) : 0;
        if (conv.precision < 0) delete conv.precision;
      } else {
        let p = '';
        while (isDigit(f[i])) p += String.fromCharCode(f[i++] ?? 0);
        conv.precision = Number(p || '0');
      }
    }
    const modStart = i;
    while (f[i] === 0x6c || f[i] === 0x4c || f[i] === 0x68 || f[i] === 0x7a) i++;
    const ch = String.fromCharCode(f[i] ?? 0);
    if (i >= f.length || !'diouxXfeEgGcs'.includes(ch)) {
      // busybox deletes the size modifiers from the format in place before complaining
      err(`${dec.decode(f.subarray(start, modStart))}${dec.decode(f.subarray(i))}: invalid format`);
      return { result: 'error', rest: [] };
    }
    conv.conv = ch;
    const arg = args.shift() ?? '';
    if (ch === 's' || ch === 'c') out.text(formatString(conv, arg));
    else if ('diouxX'.includes(ch)) out.text(formatInteger(conv, toInteger(arg, ch === 'd' || ch === 'i', err, state)));
    else out.text(formatFloat(conv, toFloat(arg, err, state)));
  }
  return { result: 'ok', rest: args };
}

function isDigit(b: number | undefined): boolean {
  return b !== undefined && b >= 0x30 && b <= 0x39;
}

function printEscString(s: string, out: Out): boolean {
  const bytes = toBytes(s);
  for (let j = 0; j < bytes.length; j++) {
    const c = bytes[j] ?? 0;
    if (c !== 0x5c) {
      out.bytes.push(c);
      continue;
    }
    let k = j + 1;
    if (bytes[k] === 0x30) {
      if ((bytes[k + 1] ?? 0) >= 0x30 && (bytes[k + 1] ?? 0) < 0x38) k++;
    } else if (bytes[k] === 0x63) return true;
    const { byte, next } = processEscape(bytes, k);
    out.bytes.push(byte);
    j = next - 1;
  }
  return false;
}

function widthArg(a: string, err: (m: string) => void, state: { convErr: boolean }): number {
  if (!/^\s*[+-]?\d+$/.test(a)) {
    err(`invalid number '${a}'`);
    state.convErr = true;
    return 0;
  }
  return Number.parseInt(a, 10);
}

/** bb_strtoll/bb_strtoull with base 0 and busybox's error rules; a leading quote gives the character code. */
function toInteger(argIn: string, signed: boolean, err: (m: string) => void, state: { convErr: boolean }): bigint {
  let arg = argIn.replace(/^\s+/, '');
  if (arg.startsWith('"') || arg.startsWith("'")) return BigInt(toBytes(arg.slice(1))[0] ?? 0);
  if (arg.startsWith('+')) arg = arg.slice(1);
  const m = /^(-?)(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)$/.exec(arg);
  if (!m) {
    err(`invalid number '${argIn.replace(/^\s+/, '')}'`);
    state.convErr = true;
    return 0n;
  }
  const body = m[2] ?? '0';
  let v = body.startsWith('0x') || body.startsWith('0X') ? BigInt(body) : body.length > 1 && body.startsWith('0') ? BigInt(`0o${body.slice(1)}`) : BigInt(body);
  if (m[1] === '-') v = -v;
  const limit = signed ? 1n << 63n : 1n << 64n;
  if ((signed && (v >= limit || v < -limit)) || (!signed && (v >= limit || v < -(1n << 63n)))) {
    err(`invalid number '${argIn}'`);
    state.convErr = true;
    return signed ? (v < 0n ? -limit : limit - 1n) : limit - 1n;
  }
  return v;
}

function toFloat(arg: string, err: (m: string) => void, state: { convErr: boolean }): number {
  if (arg.startsWith('"') || arg.startsWith("'")) return toBytes(arg.slice(1))[0] ?? 0;
  const t = arg.replace(/^\s+/, '');
  const m = /^[+-]?(?:(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?|0[xX][0-9a-fA-F]+|inf(?:inity)?|nan)$/i.exec(t);
  if (!m) {
    err(`invalid number '${arg}'`);
    state.convErr = true;
    return 0;
  }
  if (/^[+-]?0[xX]/.test(t)) return Number.parseInt(t, 16);
  if (/inf/i.test(t)) return t.startsWith('-') ? -Infinity : Infinity;
  if (/nan/i.test(t)) return NaN;
  return Number(t);
}

/** `printf --help` (busybox 1.35's text, recorded from the real binary; the banner line is printed before it). */
export const printfUsage =
  "\nUsage: printf FORMAT [ARG]...\n\nFormat and print ARG(s) according to FORMAT (a-la C printf)\n";
