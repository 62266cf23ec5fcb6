// `$(( … ))` and `let`: C integer expressions on 64-bit signed values (BigInt, wrapped like ash's arith_t),
// with assignments, ++/--, short-circuit && || ?:, and variables evaluated recursively as ash does.

/** An arithmetic failure; the message is ash's ("arithmetic syntax error", "divide by zero"). */
export class ArithError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ArithError';
  }
}

/** How the evaluator reads and writes shell variables. */
export interface ArithVars {
  get(name: string): string | undefined;
  set(name: string, value: string): void;
}

type Tok = { k: 'num'; v: bigint } | { k: 'id'; v: string } | { k: 'op'; v: string } | { k: 'end' };

const OPS = ['<<=', '>>=', '**', '++', '--', '<<', '>>', '<=', '>=', '==', '!=', '&&', '||', '+=', '-=', '*=', '/=', '%=', '&=', '^=', '|=',
  '+', '-', '*', '/', '%', '<', '>', '&', '^', '|', '!', '~', '?', ':', '=', '(', ')', ','];

const wrap = (v: bigint): bigint => BigInt.asIntN(64, v);

/** Evaluates an expression (after shell expansion) and returns its value. */
export function evalArith(text: string, vars: ArithVars, depth = 0): bigint {
  if (depth > 100) throw new ArithError('expression recursion loop detected');
  const toks = tokenize(text);
  if (toks.length === 1) return 0n;
  const ev = new Evaluator(toks, vars, depth);
  const v = ev.comma();
  if (ev.peek().k !== 'end') throw new ArithError('arithmetic syntax error');
  return v;
}

function tokenize(text: string): Tok[] {
  const toks: Tok[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i] ?? '';
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (/[0-9]/.test(c)) {
      const m = /^[0-9A-Za-z_#]+/.exec(text.slice(i))?.[0] ?? c;
      toks.push({ k: 'num', v: parseNumber(m) });
      i += m.length;
      continue;
    }
    if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i))?.[0] ?? c;
      toks.push({ k: 'id', v: m });
      i += m.length;
      continue;
    }
    const op = OPS.find((o) => text.startsWith(o, i));
    if (!op) throw new ArithError('arithmetic syntax error');
    toks.push({ k: 'op', v: op });
    i += op.length;
  }
  toks.push({ k: 'end' });
  return toks;
}

function parseNumber(s: string): bigint {
  let m: RegExpExecArray | null;
  if ((m = /^0[xX]([0-9a-fA-F]+)$/.exec(s))) return wrap(BigInt(`0x${m[1]}`));
  if (/^0[0-7]*$/.test(s)) return wrap(BigInt(`0o${s.slice(1) || '0'}`));
  if (/^[1-9][0-9]*$/.test(s)) return wrap(BigInt(s));
  if ((m = /^([0-9]+)#([0-9A-Za-z@_]+)$/.exec(s))) {
    const base = Number(m[1]);
    if (base < 2 || base > 64) throw new ArithError('arithmetic syntax error');
    let v = 0n;
    for (const ch of m[2] ?? '') {
      const d = digitValue(ch, base);
      if (d < 0 || d >= base) throw new ArithError('arithmetic syntax error');
      v = v * BigInt(base) + BigInt(d);
    }
    return wrap(v);
  }
  throw new ArithError('arithmetic syntax error');
}

function digitValue(ch: string, base: number): number {
  if (/[0-9]/.test(ch)) return ch.charCodeAt(0) - 48;
  if (/[a-z]/.test(ch)) return ch.charCodeAt(0) - 87;
  if (/[A-Z]/.test(ch)) return base <= 36 ? ch.charCodeAt(0) - 55 : ch.charCodeAt(0) - 29;
  if (ch === '@') return 62;
  return 63;
}

class Evaluator {
  private i = 0;
  private noeval = 0;

  constructor(
    private readonly toks: Tok[],
    private readonly vars: ArithVars,
    private readonly depth: number,
  ) {}

  peek(): Tok {
    return this.toks[this.i] ?? { k: 'end' };
  }

  private isOp(v: string): boolean {
    const t = this.peek();
    return t.k === 'op' && t.v === v;
  }

  private take(v: string): boolean {
    if (!this.isOp(v)) return false;
    this.i++;
    return true;
  }

  private lookup(name: string): bigint {
    if (this.noeval) return 0n;
    const raw = this.vars.get(name);
    if (raw === undefined || raw.trim() === '') return 0n;
    return evalArith(raw, this.vars, this.depth + 1);
  }

  private assign(name: string, v: bigint): bigint {
    if (!this.noeval) this.vars.set(name, wrap(v).toString());
    return wrap(v);
  }

  comma(): bigint {
    let v = this.assignment();
    while (this.take(',')) v = this.assignment();
    return v;
  }

  private assignment(): bigint {
    const t = this.peek();
    const next = this.toks[this.i + 1];
    if (t.k === 'id' && next?.k === 'op' && /^(=|\*=|\/=|%=|\+=|-=|<<=|>>=|&=|\^=|\|=)$/.test(next.v)) {
      this.i += 2;
      const rhs = this.assignment();
      if (next.v === '=') return this.assign(t.v, rhs);
      return this.assign(t.v, this.binary(next.v.slice(0, -1), this.lookup(t.v), rhs));
    }
    return this.ternary();
  }

  private ternary(): bigint {
    const cond = this.binaryLevel(0);
    if (!this.take('?')) return cond;
    if (cond === 0n) this.noeval++;
    const a = this.comma();
    if (cond === 0n) this.noeval--;
    if (!this.take(':')) throw new ArithError('arithmetic syntax error');
    if (cond !== 0n) this.noeval++;
    const b = this.assignmentOrTernary();
    if (cond !== 0n) this.noeval--;
    return cond !== 0n ? a : b;
  }

  private assignmentOrTernary(): bigint {
    return this.assignment();
  }

  private static readonly LEVELS: string[][] = [
    ['||'], ['&&'], ['|'], ['^'], ['&'], ['==', '!='], ['<', '<=', '>', '>='], ['<<', '>>'], ['+', '-'], ['*', '/', '%'],
  ];

  private binaryLevel(level: number): bigint {
    const ops = Evaluator.LEVELS[level];
    if (!ops) return this.power();
    let left = this.binaryLevel(level + 1);
    for (;;) {
      const t = this.peek();
      if (t.k !== 'op' || !ops.includes(t.v)) return left;
      this.i++;
      if (t.v === '&&' || t.v === '||') {
        const skip = t.v === '&&' ? left === 0n : left !== 0n;
        if (skip) this.noeval++;
        const right = this.binaryLevel(level + 1);
        if (skip) this.noeval--;
        left = t.v === '&&' ? (left !== 0n && right !== 0n ? 1n : 0n) : left !== 0n || right !== 0n ? 1n : 0n;
        continue;
      }
      left = this.binary(t.v, left, this.binaryLevel(level + 1));
    }
  }

  private binary(op: string, a: bigint, b: bigint): bigint {
    switch (op) {
      case '+': return wrap(a + b);
      case '-': return wrap(a - b);
      case '*': return wrap(a * b);
      case '/':
      case '%':
        if (b === 0n) {
          if (this.noeval) return 0n;
          throw new ArithError('divide by zero');
        }
        return wrap(op === '/' ? a / b : a % b);
      case '<<': return wrap(a << (b & 63n));
      case '>>': return wrap(a >> (b & 63n));
      case '<': return a < b ? 1n : 0n;
      case '<=': return a <= b ? 1n : 0n;
      case '>': return a > b ? 1n : 0n;
      case '>=': return a >= b ? 1n : 0n;
      case '==': return a === b ? 1n : 0n;
      case '!=': return a !== b ? 1n : 0n;
      case '&': return a & b;
      case '^': return a ^ b;
      case '|': return a | b;
      case '**':
        if (b < 0n) throw new ArithError('exponent less than 0');
        return wrap(a ** b);
      default:
        throw new ArithError('arithmetic syntax error');
    }
  }

  private power(): bigint {
    const base = this.unary();
    if (this.take('**')) return this.binary('**', base, this.power());
    return base;
  }

  private unary(): bigint {
    const t = this.peek();
    if (t.k === 'op') {
      if (t.v === '++' || t.v === '--') {
        this.i++;
        const id = this.peek();
        if (id.k !== 'id') throw new ArithError('arithmetic syntax error');
        this.i++;
        return this.assign(id.v, this.lookup(id.v) + (t.v === '++' ? 1n : -1n));
      }
      if (t.v === '+' || t.v === '-' || t.v === '!' || t.v === '~') {
        this.i++;
        const v = this.unary();
        if (t.v === '-') return wrap(-v);
        if (t.v === '!') return v === 0n ? 1n : 0n;
        if (t.v === '~') return ~v;
        return v;
      }
    }
    return this.postfix();
  }

  private postfix(): bigint {
    const t = this.peek();
    if (t.k === 'num') {
      this.i++;
      return t.v;
    }
    if (t.k === 'id') {
      this.i++;
      const v = this.lookup(t.v);
      if (this.isOp('++') || this.isOp('--')) {
        const inc = this.isOp('++') ? 1n : -1n;
        this.i++;
        this.assign(t.v, v + inc);
      }
      return v;
    }
    if (this.take('(')) {
      const v = this.comma();
      if (!this.take(')')) throw new ArithError('arithmetic syntax error');
      return v;
    }
    throw new ArithError('arithmetic syntax error');
  }
}
