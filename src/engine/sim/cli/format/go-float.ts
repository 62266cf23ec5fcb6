// strconv.FormatFloat for float64: docker's sizes come from `%.3g` (`1.98MB`, and `1e+03kB` just below a
// megabyte), templates print floats with `%v`, and Go rounds exact halves to even where JavaScript's
// toPrecision rounds them up (1.125 → Go "1.12", JS "1.13"). So digits are computed from the exact binary value.

/** Decimal digits of a non-negative finite double and the decimal point position: value = 0.d1d2… × 10^dp. */
interface Digits {
  d: string;
  dp: number;
}

/** The shortest digits that read back as the same double (Go and JavaScript agree on these). */
function shortestDigits(x: number): Digits {
  if (x === 0) return { d: '0', dp: 1 };
  const [mant = '0', exp = '0'] = x.toExponential().split('e');
  return { d: mant.replace('.', ''), dp: Number(exp) + 1 };
}

/** Every decimal digit of a non-negative finite double (a double has a finite decimal expansion). */
function exactDigits(x: number): Digits {
  if (x === 0) return { d: '0', dp: 1 };
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const biased = Number((bits >> 52n) & 0x7ffn);
  let mant = bits & ((1n << 52n) - 1n);
  let exp = biased - 1075;
  if (biased === 0) exp = -1074;
  else mant |= 1n << 52n;
  let digits: string;
  let dp: number;
  if (exp >= 0) {
    digits = (mant << BigInt(exp)).toString();
    dp = digits.length;
  } else {
    // mant / 2^k = mant * 5^k / 10^k
    const k = -exp;
    digits = (mant * 5n ** BigInt(k)).toString();
    dp = digits.length - k;
  }
  const trimmed = digits.replace(/0+$/, '');
  const lead = trimmed.length - trimmed.replace(/^0+/, '').length;
  return { d: trimmed.slice(lead) || '0', dp: dp - lead };
}

/** Round to nd significant digits, halves to even (Go's decimal.Round on the exact value). */
function roundDigits(a: Digits, nd: number): Digits {
  if (nd < 0) return { d: '0', dp: a.dp };
  if (nd >= a.d.length) return a;
  const next = a.d.charCodeAt(nd) - 48;
  let up = next > 5 || (next === 5 && nd + 1 < a.d.length);
  if (next === 5 && nd + 1 === a.d.length) up = nd > 0 && (a.d.charCodeAt(nd - 1) - 48) % 2 === 1;
  if (!up) {
    const d = a.d.slice(0, nd).replace(/0+$/, '');
    return d === '' ? { d: '0', dp: a.dp } : { d, dp: a.dp };
  }
  const chars = a.d.slice(0, nd).split('').map(Number);
  let i = chars.length - 1;
  while (i >= 0 && chars[i] === 9) {
    chars.pop();
    i--;
  }
  if (i < 0) return { d: '1', dp: a.dp + 1 };
  chars[i] = (chars[i] ?? 0) + 1;
  return { d: chars.join(''), dp: a.dp };
}

function digitAt(a: Digits, i: number): string {
  return i < a.d.length && a.d !== '0' ? (a.d[i] ?? '0') : '0';
}

function fmtE(a: Digits, prec: number, e: 'e' | 'E'): string {
  let s = digitAt(a, 0);
  if (prec > 0) {
    s += '.';
    for (let i = 1; i <= prec; i++) s += digitAt(a, i);
  }
  const exp = a.d === '0' ? 0 : a.dp - 1;
  const abs = Math.abs(exp);
  return `${s}${e}${exp < 0 ? '-' : '+'}${abs < 10 ? '0' : ''}${abs}`;
}

function fmtF(a: Digits, prec: number): string {
  let s = '';
  if (a.dp > 0) for (let i = 0; i < a.dp; i++) s += a.d === '0' ? '0' : digitAt(a, i);
  else s = '0';
  if (prec > 0) {
    s += '.';
    for (let i = 0; i < prec; i++) {
      const j = a.dp + i;
      s += j < 0 ? '0' : digitAt(a, j);
    }
  }
  return s;
}

/** strconv.FormatFloat(x, fmt, prec, 64); prec -1 means the shortest representation. */
export function formatFloat(x: number, fmt: 'e' | 'E' | 'f' | 'g' | 'G', prec: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? '+Inf' : '-Inf';
  const neg = x < 0 || Object.is(x, -0);
  const abs = Math.abs(x);
  const shortest = prec < 0;
  let digs: Digits;
  if (shortest) {
    digs = shortestDigits(abs);
    if (fmt === 'e' || fmt === 'E') prec = digs.d.length - 1;
    else if (fmt === 'f') prec = Math.max(digs.d.length - digs.dp, 0);
    else prec = digs.d.length;
  } else {
    const exact = exactDigits(abs);
    if (fmt === 'e' || fmt === 'E') digs = roundDigits(exact, prec + 1);
    else if (fmt === 'f') digs = roundDigits(exact, exact.dp + prec);
    else {
      if (prec === 0) prec = 1;
      digs = roundDigits(exact, prec);
    }
  }
  let out: string;
  if (fmt === 'e' || fmt === 'E') out = fmtE(digs, prec, fmt);
  else if (fmt === 'f') out = fmtF(digs, prec);
  else {
    let eprec = prec;
    const nd = digs.d === '0' ? 0 : digs.d.length;
    if (eprec > nd && nd >= digs.dp) eprec = nd;
    if (shortest) eprec = 6;
    const exp = digs.dp - 1;
    if (digs.d !== '0' && (exp < -4 || exp >= eprec)) {
      out = fmtE(digs, Math.min(prec, Math.max(nd, 1)) - 1, fmt === 'g' ? 'e' : 'E');
    } else {
      out = fmtF(digs, Math.max((prec > digs.dp ? Math.max(nd, 1) : prec) - digs.dp, 0));
    }
  }
  return neg ? '-' + out : out;
}

/** How Go's `%v` prints a float64: shortest digits, exponent form below 1e-4 and from 1e+06. */
export function formatFloatV(x: number): string {
  return formatFloat(x, 'g', -1);
}

/** How encoding/json writes a float64: plain digits, exponent form below 1e-6 and from 1e21, `e-7` not `e-07`. */
export function formatFloatJson(x: number): string {
  const abs = Math.abs(x);
  if (abs !== 0 && (abs < 1e-6 || abs >= 1e21)) {
    return formatFloat(x, 'e', -1).replace(/e([-+])0(\d)$/, 'e$1$2');
  }
  return formatFloat(x, 'f', -1);
}
