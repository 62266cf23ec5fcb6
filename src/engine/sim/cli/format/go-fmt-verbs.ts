// How Go's fmt prints one operand under one verb (`%v`, `%d`, `%q`, `%5.2f`, …): templates print every value
// with `%v`, `printf` with whatever the user wrote, and a verb that does not fit the operand's type prints
// Go's `%!d(string=x)` rather than failing.

import { formatFloat, formatFloatV } from './go-float.js';
import { goQuote, goQuoteRune, isGoPrint } from '../../../../go/quote.js';
import {
  GoNil,
  GoStringer,
  goKind,
  goNumber,
  goString,
  goTypeName,
  mapEntries,
  sliceItems,
  structFields,
  utf8Bytes,
} from './go-value.js';

/** One parsed `%…` directive. */
export interface FmtSpec {
  verb: string;
  plus: boolean;
  minus: boolean;
  sharp: boolean;
  space: boolean;
  zero: boolean;
  width?: number;
  prec?: number;
}

/** The `%v` directive with no flags. */
export const PLAIN_V: FmtSpec = { verb: 'v', plus: false, minus: false, sharp: false, space: false, zero: false };

/** Pad to the width in runes, as fmt.pad does. */
function pad(s: string, spec: FmtSpec, zeroOk = spec.zero): string {
  const width = spec.width ?? 0;
  const n = [...s].length;
  if (n >= width) return s;
  const fill = (zeroOk && !spec.minus ? '0' : ' ').repeat(width - n);
  return spec.minus ? s + fill : fill + s;
}

function badVerb(v: unknown, spec: FmtSpec): string {
  if (v === null || v === undefined) return `%!${spec.verb}(<nil>)`;
  return `%!${spec.verb}(${goTypeName(v)}=${formatOperand(v, { ...PLAIN_V })})`;
}

/** Format one operand; composite values apply the verb to each element as fmt does. */
export function formatOperand(v: unknown, spec: FmtSpec, depth = 0): string {
  if (spec.verb === 'T') return pad(goTypeName(v), spec);
  if (v instanceof GoStringer && (spec.verb === 'v' || spec.verb === 's')) return fmtString(v.text, spec) ?? '';
  if (v instanceof GoStringer && spec.verb === 'q') return fmtString(v.text, spec) ?? '';
  switch (goKind(v)) {
    case 'invalid':
    case 'nil':
      if (v instanceof GoNil && v.kind === 'ptr' && spec.verb !== 'v') return badVerb(v, spec);
      return spec.verb === 'v' ? pad('<nil>', spec, false) : badVerb(v, spec);
    case 'bool':
      return spec.verb === 'v' || spec.verb === 't' ? pad(String(v), spec, false) : badVerb(v, spec);
    case 'int':
      return fmtInteger(typeof v === 'bigint' ? v : BigInt(goNumber(v)), spec) ?? badVerb(v, spec);
    case 'float':
      return fmtFloatVerb(goNumber(v), spec) ?? badVerb(v, spec);
    case 'string':
      return fmtString(goString(v), spec) ?? badVerb(v, spec);
    case 'slice':
      return '[' + sliceItems(v).map((e) => formatOperand(e, spec, depth + 1)).join(' ') + ']';
    case 'map':
      return (
        'map[' +
        mapEntries(v)
          .map(([k, e]) => formatOperand(k, spec, depth + 1) + ':' + formatOperand(e, spec, depth + 1))
          .join(' ') +
        ']'
      );
    case 'struct': {
      const fields = structFields(v).map(
        ([k, e]) => (spec.plus && spec.verb === 'v' ? k + ':' : '') + formatOperand(e, spec, depth + 1),
      );
      return '{' + fields.join(' ') + '}';
    }
    default:
      return spec.verb === 'v' || spec.verb === 'p' ? '0xc000010000' : badVerb(v, spec); // a func: an address
  }
}

function fmtInteger(big: bigint, spec: FmtSpec): string | undefined {
  const verb = spec.verb;
  const n = Number(big);
  if (verb === 'c') return pad(String.fromCodePoint(n >= 0 && n <= 0x10ffff ? n : 0xfffd), spec, false);
  if (verb === 'q') return pad(goQuoteRune(n), spec, false);
  if (verb === 'U') {
    const u = 'U+' + big.toString(16).toUpperCase().padStart(4, '0');
    return pad(spec.sharp && isGoPrint(n) ? `${u} '${String.fromCodePoint(n)}'` : u, spec, false);
  }
  const bases: Record<string, number> = { v: 10, d: 10, b: 2, o: 8, O: 8, x: 16, X: 16 };
  const base = bases[verb];
  if (base === undefined) return undefined;
  const neg = big < 0n;
  let digits = (neg ? -big : big).toString(base);
  if (verb === 'X') digits = digits.toUpperCase();
  let prec = spec.prec;
  if (prec === undefined && spec.zero && !spec.minus && spec.width !== undefined) {
    prec = spec.width - (neg || spec.plus || spec.space ? 1 : 0);
  }
  if (prec !== undefined) digits = prec === 0 && big === 0n ? '' : digits.padStart(prec, '0');
  if (spec.sharp || verb === 'O') {
    if (verb === 'x') digits = '0x' + digits;
    else if (verb === 'X') digits = '0X' + digits;
    else if (verb === 'b') digits = '0b' + digits;
    else if (verb === 'o' && !digits.startsWith('0')) digits = '0' + digits;
    else if (verb === 'O') digits = '0o' + digits;
  }
  const sign = neg ? '-' : spec.plus ? '+' : spec.space ? ' ' : '';
  return pad(sign + digits, spec, false);
}

function fmtFloatVerb(x: number, spec: FmtSpec): string | undefined {
  const verb = spec.verb;
  let num: string;
  if (verb === 'v') num = spec.prec === undefined ? formatFloatV(x) : formatFloat(x, 'g', spec.prec);
  else if (verb === 'g' || verb === 'G') num = formatFloat(x, verb, spec.prec ?? -1);
  else if (verb === 'e' || verb === 'E' || verb === 'f') num = formatFloat(x, verb, spec.prec ?? 6);
  else if (verb === 'F') num = formatFloat(x, 'f', spec.prec ?? 6);
  else return undefined;
  let sign = num.startsWith('-') ? '-' : '+';
  if (num.startsWith('-')) num = num.slice(1);
  if (spec.space && sign === '+' && !spec.plus) sign = ' ';
  if (num === 'NaN' || num.endsWith('Inf')) {
    num = num.replace(/^\+/, '');
    return pad(sign === '-' || spec.plus || spec.space ? sign + num : num, spec, false);
  }
  if (spec.plus || sign !== '+') {
    if (spec.zero && !spec.minus && spec.width !== undefined && spec.width > num.length + 1) {
      return sign + '0'.repeat(spec.width - num.length - 1) + num;
    }
    return pad(sign + num, spec);
  }
  return pad(num, spec);
}

function fmtString(s: string, spec: FmtSpec): string | undefined {
  const verb = spec.verb;
  const cut = (t: string) => (spec.prec === undefined ? t : [...t].slice(0, spec.prec).join(''));
  if (verb === 'v' || verb === 's') return pad(cut(s), spec);
  if (verb === 'q') return pad(goQuote(cut(s)), spec);
  if (verb === 'x' || verb === 'X') {
    let bytes = [...utf8Bytes(s)];
    if (spec.prec !== undefined) bytes = bytes.slice(0, spec.prec);
    const hexes = bytes.map((b) => {
      const h = b.toString(16).padStart(2, '0');
      return verb === 'X' ? h.toUpperCase() : h;
    });
    const prefix = spec.sharp ? (verb === 'X' ? '0X' : '0x') : '';
    const out = spec.space ? hexes.map((h) => prefix + h).join(' ') : prefix + hexes.join('');
    return pad(out, spec);
  }
  return undefined;
}
