// C printf conversions (%d %u %o %x %X %c %s %f %e %E %g %G with flags, width and precision), as glibc
// formats them, for printf, seq and stat.

/** A parsed conversion: flags ("-+ #0"), width and precision (undefined = not given). */
export interface Conversion {
  flags: string;
  width?: number;
  precision?: number;
  conv: string;
}

function pad(s: string, c: Conversion, numeric: boolean): string {
  const width = c.width ?? 0;
  if (s.length >= width) return s;
  if (c.flags.includes('-')) return s + ' '.repeat(width - s.length);
  if (numeric && c.flags.includes('0') && (c.precision === undefined || !/[diouxX]/.test(c.conv))) {
    const m = /^([+\- ]|0[xX])?(.*)$/s.exec(s);
    const sign = m?.[1] ?? '';
    return sign + '0'.repeat(width - s.length) + (m?.[2] ?? '');
  }
  return ' '.repeat(width - s.length) + s;
}

/** Formats an integer conversion (d i o u x X); `value` is a 64-bit quantity. */
export function formatInteger(c: Conversion, value: bigint): string {
  let digits: string;
  let sign = '';
  if (c.conv === 'd' || c.conv === 'i') {
    const v = BigInt.asIntN(64, value);
    digits = (v < 0n ? -v : v).toString();
    sign = v < 0n ? '-' : c.flags.includes('+') ? '+' : c.flags.includes(' ') ? ' ' : '';
  } else {
    const v = BigInt.asUintN(64, value);
    digits = v.toString(c.conv === 'o' ? 8 : c.conv === 'u' ? 10 : 16);
    if (c.conv === 'X') digits = digits.toUpperCase();
    if (c.flags.includes('#') && v !== 0n) {
      if (c.conv === 'x') sign = '0x';
      if (c.conv === 'X') sign = '0X';
      if (c.conv === 'o') digits = `0${digits}`;
    }
  }
  if (c.precision !== undefined) {
    if (c.precision === 0 && digits === '0') digits = '';
    if (digits.length < c.precision) digits = '0'.repeat(c.precision - digits.length) + digits;
  }
  return pad(sign + digits, c, true);
}

/** Formats a floating conversion (f e E g G). */
export function formatFloat(c: Conversion, value: number): string {
  const upper = c.conv === 'E' || c.conv === 'G' || c.conv === 'F';
  let body: string;
  const neg = value < 0 || Object.is(value, -0);
  const v = Math.abs(value);
  if (!Number.isFinite(v)) body = Number.isNaN(v) ? 'nan' : 'inf';
  else {
    const prec = c.precision ?? 6;
    switch (c.conv.toLowerCase()) {
      case 'f':
        body = v.toFixed(Math.min(prec, 100));
        if (c.flags.includes('#') && prec === 0) body += '.';
        break;
      case 'e':
        body = expForm(v, prec, c.flags.includes('#'));
        break;
      default: {
        const p = prec === 0 ? 1 : prec;
        const exp = v === 0 ? 0 : Math.floor(Math.log10(Number(v.toExponential(p - 1)))) ;
        if (exp < -4 || exp >= p) body = expForm(v, p - 1, c.flags.includes('#'));
        else body = v.toFixed(Math.max(0, p - 1 - exp));
        if (!c.flags.includes('#') && body.includes('.')) {
          body = body.replace(/(\.\d*?)0+(e|$)/, '$1$2').replace(/\.(e|$)/, '$1');
        }
      }
    }
  }
  if (upper) body = body.toUpperCase();
  const sign = neg ? '-' : c.flags.includes('+') ? '+' : c.flags.includes(' ') ? ' ' : '';
  return pad(sign + body, c, Number.isFinite(v));
}

function expForm(v: number, prec: number, alt: boolean): string {
  let s = v.toExponential(Math.min(prec, 100));
  if (alt && prec === 0) s = s.replace('e', '.e');
  return s.replace(/e([+-])(\d)$/, 'e$10$2');
}

/** Formats %s (precision truncates) and %c (the first byte). */
export function formatString(c: Conversion, value: string): string {
  let s = value;
  if (c.conv === 'c') s = value.slice(0, 1) || '\0';
  else if (c.precision !== undefined) s = s.slice(0, c.precision);
  return pad(s, c, false);
}
