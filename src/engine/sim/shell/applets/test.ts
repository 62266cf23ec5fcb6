// busybox test / [ / [[ (also the shell's builtins): POSIX's special cases for 0–4 arguments, then the
// recursive -o/-a/!/( ) grammar, with busybox's messages ("missing ]", "X: bad number", "X: unknown operand").

import { makeRegex } from '../../../../regex/make-regex.js';
import { basename } from '../../fs/path.js';
import { FsError, type Stat } from '../../fs/vfs.js';
import type { ProcessContext } from '../process.js';
import { compilePattern } from '../sh/pattern.js';
import { abs, errorMsg } from './lib/common.js';
import { sameFile } from '../../fs/inode.js';

type OpType = 'UNOP' | 'BINOP' | 'BUNOP' | 'BBINOP' | 'PAREN';

const OPS: Record<string, OpType> = {
  '-r': 'UNOP', '-w': 'UNOP', '-x': 'UNOP', '-e': 'UNOP', '-f': 'UNOP', '-d': 'UNOP', '-c': 'UNOP', '-b': 'UNOP',
  '-p': 'UNOP', '-u': 'UNOP', '-g': 'UNOP', '-k': 'UNOP', '-s': 'UNOP', '-t': 'UNOP', '-z': 'UNOP', '-n': 'UNOP',
  '-h': 'UNOP', '-O': 'UNOP', '-G': 'UNOP', '-L': 'UNOP', '-S': 'UNOP',
  '=': 'BINOP', '==': 'BINOP', '!=': 'BINOP', '<': 'BINOP', '>': 'BINOP', '=~': 'BINOP',
  '-eq': 'BINOP', '-ne': 'BINOP', '-ge': 'BINOP', '-gt': 'BINOP', '-le': 'BINOP', '-lt': 'BINOP',
  '-nt': 'BINOP', '-ot': 'BINOP', '-ef': 'BINOP',
  '!': 'BUNOP', '-a': 'BBINOP', '-o': 'BBINOP', '&&': 'BBINOP', '||': 'BBINOP', '(': 'PAREN', ')': 'PAREN',
};

class Leave {
  constructor(readonly status: number) {}
}

/** `test EXPR`, `[ EXPR ]`, `[[ EXPR ]]`; `prefix` names the program in messages ("sh" for the builtin). */
export function testMain(ctx: ProcessContext, argv: string[], prefix?: string): number {
  const arg0 = basename(argv[0] ?? 'test');
  const who = prefix ?? arg0;
  let args = argv.slice(1);
  if (arg0.startsWith('[')) {
    const close = arg0 === '[' ? ']' : ']]';
    if (args[args.length - 1] !== close) {
      errorMsg(ctx, who, `missing ${close}`);
      return 2;
    }
    args = args.slice(0, -1);
  }
  const t = new Tester(ctx, args, arg0 === '[[', who);
  try {
    return t.main();
  } catch (e) {
    if (e instanceof Leave) return e.status;
    throw e;
  }
}

class Tester {
  private pos = 0;
  private lastOp: OpType | null = null;

  constructor(
    private readonly ctx: ProcessContext,
    private args: string[],
    private readonly bash: boolean,
    private readonly who: string,
  ) {}

  private check(s: string | undefined): string {
    this.lastOp = null;
    if (s === undefined) return 'EOI';
    const type = OPS[s];
    if (type === undefined) return 'OPERAND';
    if (s === '=~' && !this.bash) return 'OPERAND';
    if ((s === '-a' || s === '-o') && this.bash) return 'OPERAND';
    if ((s === '&&' || s === '||') && !this.bash) return 'OPERAND';
    this.lastOp = type;
    return s;
  }

  private syntax(op: string | null, msg: string): never {
    this.ctx.stderr(op ? `${this.who}: ${op}: ${msg}\n` : `${this.who}: ${msg}\n`);
    throw new Leave(2);
  }

  // POSIX's argument-count special cases, then the general grammar. As in busybox, the general parse starts
  // from the original first argument (leading "!" are parsed again) and the 4-argument "( x y )" case only
  // truncates the list, which is why `test "(" -n x ")"` reports "closing paren expected".
  main(): number {
    const orig = [...this.args];
    let off = 0;
    let negate = 0;
    for (;;) {
      const n = orig.length - off;
      if (n === 0) return 1 ^ negate;
      if (n === 1) return (orig[off] === '' ? 1 : 0) ^ negate;
      if (n === 3) {
        this.check(orig[off + 1]);
        if (this.lastOp === 'BINOP') {
          this.args = orig.slice(off);
          this.pos = 0;
          return (this.binop() ? 0 : 1) ^ negate;
        }
      } else if (n === 4 && orig[off] === '(' && orig[off + 3] === ')') {
        orig.length = off + 3;
        off++;
      }
      if (orig[off] === '!') {
        off++;
        negate ^= 1;
        continue;
      }
      break;
    }
    this.args = orig;
    this.pos = 0;
    let res = this.oexpr(this.check(this.args[0])) ? 0 : 1;
    if (this.args[this.pos] !== undefined && this.args[++this.pos] !== undefined) {
      errorMsg(this.ctx, this.who, `${this.args[this.pos]}: unknown operand`);
      res = 2;
    }
    return res;
  }

  private oexpr(n: string): boolean {
    const res = this.aexpr(n);
    if (this.check(this.args[++this.pos]) === '-o' || (this.bash && this.args[this.pos] === '||')) {
      const r = this.oexpr(this.check(this.args[++this.pos]));
      return r || res;
    }
    this.pos--;
    return res;
  }

  private aexpr(n: string): boolean {
    const res = this.nexpr(n);
    if (this.check(this.args[++this.pos]) === '-a' || (this.bash && this.args[this.pos] === '&&')) {
      const r = this.aexpr(this.check(this.args[++this.pos]));
      return r && res;
    }
    this.pos--;
    return res;
  }

  private nexpr(n: string): boolean {
    if (n === '!') {
      const next = this.check(this.args[++this.pos]);
      if (next === 'EOI') {
        this.pos--;
        return true;
      }
      return !this.nexpr(next);
    }
    return this.primary(n);
  }

  private primary(n: string): boolean {
    if (n === 'EOI') this.syntax(null, 'argument expected');
    if (n === '(') {
      const res = this.oexpr(this.check(this.args[++this.pos]));
      if (this.check(this.args[++this.pos]) !== ')') this.syntax(null, 'closing paren expected');
      return res;
    }
    const arg0Op = this.lastOp;
    if (this.check(this.args[this.pos + 1]) !== 'EOI') {
      if (this.args[this.pos + 2] !== undefined && this.lastOp === 'BINOP') return this.binop();
    }
    if (arg0Op === 'UNOP') {
      if (this.args[this.pos + 1] === undefined) return (this.args[this.pos] ?? '') !== '';
      this.pos++;
      const operand = this.args[this.pos] ?? '';
      if (n === '-z') return operand === '';
      if (n === '-n') return operand !== '';
      if (n === '-t') return false;
      return this.filstat(operand, n);
    }
    if (this.lastOp === 'BINOP') return this.binop();
    return (this.args[this.pos] ?? '') !== '';
  }

  // strtoll with busybox's checks: leading and trailing white space allowed, nothing else.
  private getn(s: string): bigint {
    const m = /^\s*([+-]?\d+)(.*)$/s.exec(s);
    if (!m) this.syntax(s, 'bad number');
    const v = BigInt(m[1] ?? '0');
    if (v >= 1n << 63n || v < -(1n << 63n)) this.syntax(s, 'out of range');
    if ((m[2] ?? '').trim() !== '') this.syntax(s, 'bad number');
    return v;
  }

  private binop(): boolean {
    const opnd1 = this.args[this.pos] ?? '';
    const op = this.args[++this.pos] ?? '';
    const opnd2 = this.args[++this.pos];
    if (opnd2 === undefined) this.syntax(op, 'argument expected');
    if (/^-(eq|ne|ge|gt|le|lt)$/.test(op)) {
      const a = this.getn(opnd1);
      const b = this.getn(opnd2);
      switch (op) {
        case '-eq': return a === b;
        case '-ne': return a !== b;
        case '-ge': return a >= b;
        case '-gt': return a > b;
        case '-le': return a <= b;
        default: return a < b;
      }
    }
    if (this.bash && (op === '=' || op === '==' || op === '!=')) {
      const m = compilePattern(opnd2).test(opnd1);
      return op === '!=' ? !m : m;
    }
    if (op === '=~') {
      try {
        return makeRegex(opnd2).test(opnd1);
      } catch {
        throw new Leave(2);
      }
    }
    if (op === '=' || op === '==') return opnd1 === opnd2;
    if (op === '!=') return opnd1 !== opnd2;
    if (op === '<') return opnd1 < opnd2;
    if (op === '>') return opnd1 > opnd2;
    const s1 = this.statOf(abs(this.ctx, opnd1));
    const s2 = this.statOf(abs(this.ctx, opnd2));
    if (!s1 || !s2) return false;
    // st_mtime has whole seconds
    const t1 = Math.floor(s1.mtime / 1000);
    const t2 = Math.floor(s2.mtime / 1000);
    if (op === '-nt') return t1 > t2;
    if (op === '-ot') return t1 < t2;
    return sameFile(s1, this.ctx.fs.realpath(abs(this.ctx, opnd1)), s2, this.ctx.fs.realpath(abs(this.ctx, opnd2)));
  }

  // test's stat(2): any failure (a missing file, a symlink loop's ELOOP) makes the test false
  private statOf(path: string): Stat | null {
    try {
      return this.ctx.fs.stat(path);
    } catch (e) {
      if (e instanceof FsError) return null;
      throw e;
    }
  }

  private filstat(name: string, op: string): boolean {
    const path = abs(this.ctx, name);
    if (op === '-h' || op === '-L') return this.ctx.fs.lstat(path)?.kind === 'symlink';
    const st = this.statOf(path);
    if (!st) return false;
    switch (op) {
      case '-e': return true;
      case '-r': return this.access(st, 4);
      case '-w': return this.access(st, 2);
      case '-x': return this.access(st, 1);
      case '-f': return st.kind === 'file';
      case '-d': return st.kind === 'dir';
      case '-c': return st.kind === 'char' && !st.block;
      case '-b': return st.kind === 'char' && st.block === true;
      case '-p': case '-S': return false;
      case '-u': return (st.mode & 0o4000) !== 0;
      case '-g': return (st.mode & 0o2000) !== 0;
      case '-k': return (st.mode & 0o1000) !== 0;
      case '-s': return st.size > 0;
      case '-O': return st.uid === this.ctx.uid;
      case '-G': return st.gid === this.ctx.gid;
      default: return true;
    }
  }

  // test_eaccess: root may read/write anything and execute anything with one x bit.
  private access(st: Stat, mode: number): boolean {
    const uid = this.ctx.uid;
    if (uid === 0) {
      if (mode !== 1) return true;
      if (st.mode & 0o111) return true;
    }
    let m = mode;
    if (st.uid === uid) m <<= 6;
    else if (st.gid === this.ctx.gid) m <<= 3;
    return (st.mode & m) !== 0;
  }
}
