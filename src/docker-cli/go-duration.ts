// Go's time.ParseDuration, for duration flags (`--health-interval 5s`): docker prints Go's own error texts
// ("time: unknown unit \"x\" in duration \"5x\"") when a value does not parse.

import type { GoResult } from './go-strconv.js';

const UNIT_NANOS: Record<string, bigint> = {
  ns: 1n,
  us: 1000n,
  'µs': 1000n, // U+00B5 micro sign
  'μs': 1000n, // U+03BC Greek mu
  ms: 1000000n,
  s: 1000000000n,
  m: 60000000000n,
  h: 3600000000000n,
};

const MAX_INT64 = (1n << 63n) - 1n;

// time.quote: ASCII kept (with " and \ escaped), everything else written byte by byte as \xNN.
function timeQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp >= 0x80 || cp < 0x20) {
      for (const b of new TextEncoder().encode(ch)) out += '\\x' + b.toString(16).padStart(2, '0');
    } else {
      out += ch === '"' || ch === '\\' ? '\\' + ch : ch;
    }
  }
  return out + '"';
}

/** Parses a Go duration ("1h30m", "-1.5s", "0") into nanoseconds, or Go's error text. */
export function parseGoDuration(orig: string): GoResult<bigint> {
  const invalid: GoResult<bigint> = { ok: false, error: 'time: invalid duration ' + timeQuote(orig) };
  let s = orig;
  let negative = false;
  if (s !== '' && (s[0] === '-' || s[0] === '+')) {
    negative = s[0] === '-';
    s = s.slice(1);
  }
  if (s === '0') return { ok: true, value: 0n };
  if (s === '') return invalid;
  let total = 0n;
  while (s !== '') {
    if (!(s[0] === '.' || (s[0] !== undefined && s[0] >= '0' && s[0] <= '9'))) return invalid;
    const intPart = /^[0-9]*/.exec(s)?.[0] ?? '';
    s = s.slice(intPart.length);
    let fracPart = '';
    if (s[0] === '.') {
      s = s.slice(1);
      fracPart = /^[0-9]*/.exec(s)?.[0] ?? '';
      s = s.slice(fracPart.length);
    }
    if (intPart === '' && fracPart === '') return invalid; // "." alone
    const unit = /^[^0-9.]*/.exec(s)?.[0] ?? '';
    s = s.slice(unit.length);
    if (unit === '') return { ok: false, error: `time: missing unit in duration ${timeQuote(orig)}` };
    const per = UNIT_NANOS[unit];
    if (per === undefined) return { ok: false, error: `time: unknown unit ${timeQuote(unit)} in duration ${timeQuote(orig)}` };
    const whole = BigInt(intPart === '' ? '0' : intPart);
    if (whole > (MAX_INT64 + 1n) / per) return invalid;
    let v = whole * per;
    if (fracPart !== '') {
      // Go scales the fraction in float64 (float64(f) * (float64(unit) / scale)) and truncates; the digits it
      // keeps stop where they would overflow an int64, as in time.leadingFraction
      const { digits, scale } = leadingFraction(fracPart);
      v += BigInt(Math.trunc(Number(digits) * (Number(per) / scale)));
      if (v > MAX_INT64 + 1n) return invalid;
    }
    total += v;
    if (total > MAX_INT64 + 1n) return invalid;
  }
  if (!negative && total > MAX_INT64) return invalid;
  return { ok: true, value: negative ? -total : total };
}

function leadingFraction(fraction: string): { digits: bigint; scale: number } {
  let digits = 0n;
  let scale = 1;
  for (const ch of fraction) {
    if (digits > MAX_INT64 / 10n) break;
    const next = digits * 10n + BigInt(ch);
    if (next > MAX_INT64 + 1n) break;
    digits = next;
    scale *= 10;
  }
  return { digits, scale };
}

/** time.Duration.String: `1h2m3.5s`, `1.5ms`, `0s` (what `%v` and `%q` print for a duration). */
export function formatGoDuration(nanos: bigint | number): string {
  let u = BigInt(nanos);
  const neg = u < 0n;
  if (neg) u = -u;
  let out: string;
  if (u < 1000000000n) {
    if (u === 0n) return '0s';
    const [prec, unit] = u < 1000n ? [0, 'ns'] : u < 1000000n ? [3, 'µs'] : [6, 'ms'];
    out = `${fraction(u, prec)}${unit}`;
  } else {
    const seconds = u / 1000000000n;
    const frac = fraction(u % 1000000000n, 9);
    out = `${seconds % 60n}${frac.startsWith('0') ? frac.slice(1) : frac}s`;
    const minutes = seconds / 60n;
    if (minutes > 0n) {
      out = `${minutes % 60n}m${out}`;
      const hours = minutes / 60n;
      if (hours > 0n) out = `${hours}h${out}`;
    }
  }
  return neg ? `-${out}` : out;
}

// v / 10^prec with the trailing zeros of the fraction dropped (and its point, when nothing is left)
function fraction(v: bigint, prec: number): string {
  const scale = 10n ** BigInt(prec);
  const whole = v / scale;
  const rest = prec === 0 ? '' : String(v % scale).padStart(prec, '0').replace(/0+$/, '');
  return rest ? `${whole}.${rest}` : String(whole);
}
