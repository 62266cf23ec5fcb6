// Go's strconv as the docker CLI uses it: docker's error texts embed Go-quoted strings and Go's number-parsing
// errors verbatim ("strconv.ParseInt: parsing \"x\": invalid syntax"), so the simulator must produce the same.

/** A Go error text, or a parsed value. */
export type GoResult<T> = { ok: true; value: T } | { ok: false; error: string };

import { goQuote } from '../go/quote.js';

export { goQuote, goQuoteRune } from '../go/quote.js';

/** strconv.ParseBool. */
export function parseGoBool(s: string): GoResult<boolean> {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(s)) return { ok: true, value: true };
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(s)) return { ok: true, value: false };
  return { ok: false, error: `strconv.ParseBool: parsing ${goQuote(s)}: invalid syntax` };
}

// Go's underscoreOK: with base 0, underscores may only separate digits (or follow the base prefix).
function underscoreOK(s: string): boolean {
  let saw = '^';
  let i = 0;
  if (s.length >= 1 && (s[0] === '-' || s[0] === '+')) s = s.slice(1);
  let hexPrefix = false;
  if (s.length >= 2 && s[0] === '0' && 'bBoOxX'.includes(s[1] ?? '')) {
    i = 2;
    saw = '0';
    hexPrefix = s[1] === 'x' || s[1] === 'X';
  }
  for (; i < s.length; i++) {
    const c = s[i] ?? '';
    if ((c >= '0' && c <= '9') || (hexPrefix && /[a-fA-F]/.test(c))) {
      saw = '0';
      continue;
    }
    if (c === '_') {
      if (saw !== '0') return false;
      saw = '_';
      continue;
    }
    if (saw === '_') return false;
    saw = '!';
  }
  return saw !== '_';
}

// The digits of an unsigned number in base 0 (prefix decides), or null for a syntax error.
function parseUnsignedBase0(s: string): bigint | null {
  if (s === '') return null;
  let base = 10;
  let digits = s;
  let prefixed = false;
  if (s[0] === '0') {
    if (s.length >= 3 && (s[1] === 'x' || s[1] === 'X')) [base, digits, prefixed] = [16, s.slice(2), true];
    else if (s.length >= 3 && (s[1] === 'o' || s[1] === 'O')) [base, digits, prefixed] = [8, s.slice(2), true];
    else if (s.length >= 3 && (s[1] === 'b' || s[1] === 'B')) [base, digits, prefixed] = [2, s.slice(2), true];
    else [base, digits] = [8, s.slice(1)];
  }
  let value = 0n;
  let sawUnderscore = false;
  for (const c of digits) {
    if (c === '_') {
      sawUnderscore = true;
      continue;
    }
    const d = parseInt(c, 36);
    if (Number.isNaN(d) || d >= base) return null;
    value = value * BigInt(base) + BigInt(d);
  }
  if (prefixed && digits.replaceAll('_', '') === '') return null;
  if (sawUnderscore && !underscoreOK(s)) return null;
  return value;
}

/** strconv.ParseInt(s, 0, bitSize): pflag's int and int64 flags. */
export function parseGoInt(s: string, bitSize = 64): GoResult<number> {
  const err = (why: string): GoResult<number> => ({ ok: false, error: `strconv.ParseInt: parsing ${goQuote(s)}: ${why}` });
  let body = s;
  let negative = false;
  if (body[0] === '+' || body[0] === '-') {
    negative = body[0] === '-';
    body = body.slice(1);
  }
  const magnitude = parseUnsignedBase0(body);
  if (magnitude === null) return err('invalid syntax');
  const limit = 1n << BigInt(bitSize - 1);
  if ((!negative && magnitude >= limit) || (negative && magnitude > limit)) return err('value out of range');
  return { ok: true, value: Number(negative ? -magnitude : magnitude) };
}

/** strconv.ParseUint(s, 0, bitSize): pflag's uint, uint16 and uint64 flags. */
export function parseGoUint(s: string, bitSize = 64): GoResult<number> {
  const err = (why: string): GoResult<number> => ({ ok: false, error: `strconv.ParseUint: parsing ${goQuote(s)}: ${why}` });
  const magnitude = parseUnsignedBase0(s);
  if (magnitude === null) return err('invalid syntax');
  if (magnitude >= 1n << BigInt(bitSize)) return err('value out of range');
  return { ok: true, value: Number(magnitude) };
}

/** strconv.ParseUint(s, 10, bitSize), the decimal-only form port numbers and ulimits use. */
export function parseGoDecimalUint(s: string, bitSize: number, fn = 'ParseUint'): GoResult<number> {
  const err = (why: string): GoResult<number> => ({ ok: false, error: `strconv.${fn}: parsing ${goQuote(s)}: ${why}` });
  if (!/^[0-9]+$/.test(s)) return err('invalid syntax');
  if (BigInt(s) >= 1n << BigInt(bitSize)) return err('value out of range');
  return { ok: true, value: Number(s) };
}

/** strconv.ParseInt(s, 10, bitSize), the decimal-only signed form (ulimit values, strconv.Atoi, HEALTHCHECK --retries). */
export function parseGoDecimalInt(s: string, fn = 'ParseInt', bitSize = 64): GoResult<number> {
  const err = (why: string): GoResult<number> => ({ ok: false, error: `strconv.${fn}: parsing ${goQuote(s)}: ${why}` });
  if (!/^[+-]?[0-9]+$/.test(s)) return err('invalid syntax');
  const v = BigInt(s);
  const limit = 1n << BigInt(bitSize - 1);
  if (v >= limit || v < -limit) return err('value out of range');
  return { ok: true, value: Number(v) };
}
