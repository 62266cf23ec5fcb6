// Go's time.ParseDuration (Go 1.19, which built Docker 20.10.24) and strconv.ParseInt(s, 10, 32), for
// HEALTHCHECK's --interval/--timeout/--start-period/--retries. Their error texts reach the user unchanged.

import { goQuote } from '../../../../go/quote.js';

const UNITS: Record<string, bigint> = {
  ns: 1n,
  us: 1000n,
  '\u00b5s': 1000n,
  '\u03bcs': 1000n,
  ms: 1000000n,
  s: 1000000000n,
  m: 60000000000n,
  h: 3600000000000n,
};

const MAX = 1n << 63n;

/** Parses `1h2m3.5s`-style text into nanoseconds; throws Error with Go's text. */
export function parseGoDuration(orig: string): number {
  const invalid = (): Error => new Error(`time: invalid duration ${timeQuote(orig)}`);
  let s = orig;
  let neg = false;
  if (s !== '' && (s[0] === '-' || s[0] === '+')) {
    neg = s[0] === '-';
    s = s.slice(1);
  }
  if (s === '0') return 0;
  if (s === '') throw invalid();
  let total = 0n;
  while (s !== '') {
    if (!(s[0] === '.' || isDigit(s[0]))) throw invalid();
    const intMatch = /^[0-9]*/.exec(s)?.[0] ?? '';
    const whole = BigInt(intMatch || '0');
    if (whole > MAX) throw invalid();
    s = s.slice(intMatch.length);
    let fraction = '';
    let post = false;
    if (s.startsWith('.')) {
      s = s.slice(1);
      fraction = /^[0-9]*/.exec(s)?.[0] ?? '';
      post = fraction.length > 0;
      s = s.slice(fraction.length);
    }
    if (intMatch === '' && !post) throw invalid();
    let i = 0;
    while (i < s.length && s[i] !== '.' && !isDigit(s[i])) i++;
    if (i === 0) throw new Error(`time: missing unit in duration ${timeQuote(orig)}`);
    const unitText = s.slice(0, i);
    s = s.slice(i);
    const unit = UNITS[unitText];
    if (unit === undefined) {
      throw new Error(`time: unknown unit ${timeQuote(unitText)} in duration ${timeQuote(orig)}`);
    }
    if (whole > MAX / unit) throw invalid();
    let v = whole * unit;
    if (fraction !== '') {
      // Go keeps at most the digits that fit in an int64 and scales with float64; this is close enough for ns.
      v += BigInt(Math.floor(Number(`0.${fraction}`) * Number(unit)));
      if (v > MAX) throw invalid();
    }
    total += v;
    if (total > MAX) throw invalid();
  }
  if (!neg && total > MAX - 1n) throw invalid();
  return Number(neg ? -total : total);
}

/** strconv.ParseInt(s, 10, 32); throws Error with Go's text. */
export function parseGoInt32(s: string): number {
  const fail = (why: string): Error => new Error(`strconv.ParseInt: parsing ${goQuote(s)}: ${why}`);
  if (!/^[+-]?[0-9]+$/.test(s)) throw fail('invalid syntax');
  const n = BigInt(s);
  if (n > 2147483647n || n < -2147483648n) throw fail('value out of range');
  return Number(n);
}

function isDigit(ch: string): boolean {
  return ch >= '0' && ch <= '9';
}

// The time package's own quoting: non-ASCII and control bytes as \xNN, `"` and `\` escaped.
function timeQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0) as number;
    if (cp >= 0x80 || cp < 0x20) {
      for (const b of new TextEncoder().encode(ch)) out += `\\x${b.toString(16).padStart(2, '0')}`;
    } else {
      out += ch === '"' || ch === '\\' ? `\\${ch}` : ch;
    }
  }
  return `${out}"`;
}
