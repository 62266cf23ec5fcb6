// busybox expr: | & = > >= < <= != + - * / % : and match/substr/index/length, with integer or string
// comparison; prints the result, exits 1 when it is 0 or empty, 2 on errors ("expr: syntax error").

import type { Applet } from './lib/common.js';
import { compilePosix, RegexError } from './lib/posix-regex.js';
import { makePosixRegex, type RegexLike } from '../../../../regex/make-regex.js';
import { errorMsg } from './lib/common.js';

class ExprError {
  constructor(readonly message: string) {}
}

type Val = string | bigint;

const isInt = (v: Val): boolean => typeof v === 'bigint' || /^[+-]?\d+$/.test(v);
const toInt = (v: Val): bigint => {
  if (typeof v === 'bigint') return v;
  if (!/^[+-]?\d+$/.test(v)) throw new ExprError('non-numeric argument');
  return BigInt(v);
};
const isNull = (v: Val): boolean => (typeof v === 'bigint' ? v === 0n : v === '' || /^[+-]?0+$/.test(v));
const str = (v: Val): string => (typeof v === 'bigint' ? v.toString() : v);

class Expr {
  i = 0;
  constructor(private readonly a: string[]) {}

  private peek(): string | undefined {
    return this.a[this.i];
  }

  private take(...ops: string[]): string | undefined {
    const t = this.a[this.i];
    if (t !== undefined && ops.includes(t) && this.i + 1 <= this.a.length) {
      this.i++;
      return t;
    }
    return undefined;
  }

  or(): Val {
    let l = this.and();
    while (this.take('|')) {
      const r = this.and();
      l = !isNull(l) ? l : !isNull(r) ? r : 0n;
    }
    return l;
  }

  private and(): Val {
    let l = this.cmp();
    while (this.take('&')) {
      const r = this.cmp();
      l = isNull(l) || isNull(r) ? 0n : l;
    }
    return l;
  }

  private cmp(): Val {
    let l = this.add();
    for (;;) {
      const op = this.take('=', '==', '!=', '<', '<=', '>', '>=');
      if (!op) return l;
      const r = this.add();
      let c: number;
      if (isInt(l) && isInt(r)) {
        const x = toInt(l);
        const y = toInt(r);
        c = x < y ? -1 : x > y ? 1 : 0;
      } else c = str(l) < str(r) ? -1 : str(l) > str(r) ? 1 : 0;
      const res = { '=': c === 0, '==': c === 0, '!=': c !== 0, '<': c < 0, '<=': c <= 0, '>': c > 0, '>=': c >= 0 }[op];
      l = res ? 1n : 0n;
    }
  }

  private add(): Val {
    let l = this.mul();
    for (;;) {
      const op = this.take('+', '-');
      if (!op) return l;
      const r = this.mul();
      l = op === '+' ? toInt(l) + toInt(r) : toInt(l) - toInt(r);
    }
  }

  private mul(): Val {
    let l = this.match();
    for (;;) {
      const op = this.take('*', '/', '%');
      if (!op) return l;
      const r = this.match();
      const x = toInt(l);
      const y = toInt(r);
      if (op !== '*' && y === 0n) throw new ExprError('division by zero');
      l = op === '*' ? x * y : op === '/' ? x / y : x % y;
    }
  }

  private match(): Val {
    let l = this.primary();
    while (this.take(':')) l = regexMatch(str(l), str(this.primary()));
    return l;
  }

  private primary(): Val {
    const t = this.a[this.i++];
    if (t === undefined) throw new ExprError('syntax error');
    if (t === '(') {
      const v = this.or();
      if (this.a[this.i++] !== ')') throw new ExprError('syntax error');
      return v;
    }
    const arg = (): string => {
      const v = this.a[this.i++];
      if (v === undefined) throw new ExprError('syntax error');
      return v;
    };
    switch (t) {
      case 'match': {
        const s = arg();
        return regexMatch(s, arg());
      }
      case 'substr': {
        const s = arg();
        const pos = Number(toInt(arg()));
        const len = Number(toInt(arg()));
        return pos < 1 || len < 1 ? '' : s.slice(pos - 1, pos - 1 + len);
      }
      case 'index': {
        const s = arg();
        const chars = arg();
        const idx = [...s].findIndex((c) => chars.includes(c));
        return BigInt(idx + 1);
      }
      case 'length':
        return BigInt(arg().length);
      case '+':
        // GNU's "+ TOKEN" quoting is not in this busybox: a leading + is a syntax error
        throw new ExprError('syntax error');
      default:
        return t;
    }
  }

  done(): boolean {
    return this.peek() === undefined;
  }
}

function regexMatch(s: string, pattern: string): Val {
  let re: RegexLike;
  try {
    re = compilePosix(pattern, false);
  } catch (e) {
    if (e instanceof RegexError) throw new ExprError(`bad regex '${pattern}'${e.reason ? `: ${e.reason}` : ''}`);
    throw e;
  }
  const m = makePosixRegex(`^(?:${re.source})`).exec(s);
  if (re.source.includes('(')) return m?.[1] ?? '';
  return BigInt(m ? m[0].length : 0);
}

/** `expr EXPRESSION` */
export const expr: Applet = (ctx, argv) => {
  const args = argv.slice(1);
  if (args.length === 0) {
    ctx.stderr('expr: too few arguments\n');
    return 2;
  }
  try {
    const e = new Expr(args);
    const v = e.or();
    if (!e.done()) throw new ExprError('syntax error');
    ctx.stdout(`${str(v)}\n`);
    return isNull(v) ? 1 : 0;
  } catch (err) {
    if (!(err instanceof ExprError)) throw err;
    errorMsg(ctx, 'expr', err.message);
    return 2;
  }
};

/** `expr --help` (busybox 1.35's text, recorded from the real binary; the banner line is printed before it). */
export const exprUsage =
  "\nUsage: expr EXPRESSION\n\nPrint the value of EXPRESSION\n\nEXPRESSION may be:\n\tARG1 | ARG2\tARG1 if it is neither null nor 0, otherwise ARG2\n\tARG1 & ARG2\tARG1 if neither argument is null or 0, otherwise 0\n\tARG1 < ARG2\t1 if ARG1 is less than ARG2, else 0. Similarly:\n\tARG1 <= ARG2\n\tARG1 = ARG2\n\tARG1 != ARG2\n\tARG1 >= ARG2\n\tARG1 > ARG2\n\tARG1 + ARG2\tSum of ARG1 and ARG2. Similarly:\n\tARG1 - ARG2\n\tARG1 * ARG2\n\tARG1 / ARG2\n\tARG1 % ARG2\n\tSTRING : REGEXP\t\tAnchored pattern match of REGEXP in STRING\n\tmatch STRING REGEXP\tSame as STRING : REGEXP\n\tsubstr STRING POS LEN\tSubstring of STRING, POS counts from 1\n\tindex STRING CHARS\tIndex in STRING where any CHARS is found, or 0\n\tlength STRING\t\tLength of STRING\n\tquote TOKEN\t\tInterpret TOKEN as a string, even if\n\t\t\t\tit is a keyword like 'match' or an\n\t\t\t\toperator like '/'\n\t(EXPRESSION)\t\tValue of EXPRESSION\n\nBeware that many operators need to be escaped or quoted for shells.\nComparisons are arithmetic if both ARGs are numbers, else\nlexicographical. Pattern matches return the string matched between\n\\( and \\) or null; if \\( and \\) are not used, they return the number\nof characters matched or 0.\n";
