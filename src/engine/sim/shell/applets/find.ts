// busybox find: paths first, then an expression of tests and actions (-name -iname -path -type -perm -size
// -mtime -mmin -newer -user -group -links -empty -prune -maxdepth -mindepth -depth, -print -print0 -exec … ;/+
// -quit), combined with ! -a -o and parentheses. Directories are walked in sorted order (the Vfs's order).

import { basename } from '../../fs/path.js';
import type { Stat } from '../../fs/vfs.js';
import type { ProcessContext } from '../process.js';
import { compilePattern } from '../sh/pattern.js';
import { groupEntries, passwdEntries } from '../users.js';
import type { Applet } from './lib/common.js';
import { abs, chargeStep, errorMsg, missingError } from './lib/common.js';
import { runProgram } from './lib/exec-program.js';
import { linkCount } from './lib/stat-fields.js';
import { sameFileTest } from '../../fs/inode.js';
import { parseMode } from './lib/mode.js';
import { compilePosix, RegexError } from './lib/posix-regex.js';
import { makePosixRegex, makeRegex, type RegexLike } from '../../../../regex/make-regex.js';
import { showUsage } from './lib/usage.js';

interface Item {
  path: string;
  st: Stat;
  depth: number;
}

type Node =
  | { t: 'and' | 'or'; a: Node; b: Node }
  | { t: 'not'; a: Node }
  | { t: 'test'; fn: (it: Item) => boolean }
  | { t: 'prune' }
  | { t: 'quit' };

class FindError {
  constructor(readonly status: number) {}
}
class Quit {}

const cmpNum = (spec: string, value: number, unit = 1): boolean => {
  const n = Number(spec.replace(/^[+-]/, '')) * unit;
  if (spec.startsWith('+')) return value > n;
  if (spec.startsWith('-')) return value < n;
  return value === n;
};

class FindParser {
  i = 0;
  hasAction = false;
  maxDepth = Infinity;
  minDepth = 0;
  depthFirst = false;
  execPlus: { argv: string[]; files: string[] }[] = [];

  constructor(
    private readonly ctx: ProcessContext,
    private readonly args: string[],
    private readonly status: { code: number },
  ) {}

  private fail(msg: string): never {
    errorMsg(this.ctx, 'find', msg);
    throw new FindError(1);
  }

  private failUsage(msg: string): never {
    showUsage(this.ctx, 'find', msg);
    throw new FindError(1);
  }

  private need(opt: string): string {
    const v = this.args[this.i++];
    if (v === undefined) this.fail(`missing argument to '${opt}'`);
    return v;
  }

  parseOr(): Node | null {
    let left = this.parseAnd();
    while (this.args[this.i] === '-o' || this.args[this.i] === '-or') {
      this.i++;
      const right = this.parseAnd();
      if (!left || !right) this.fail('invalid expression');
      left = { t: 'or', a: left, b: right };
    }
    return left;
  }

  private parseAnd(): Node | null {
    let left = this.parseNot();
    for (;;) {
      const a = this.args[this.i];
      if (a === undefined || a === ')' || a === '-o' || a === '-or') return left;
      if (a === '-a' || a === '-and') this.i++;
      const right = this.parseNot();
      if (!right) return left;
      left = left ? { t: 'and', a: left, b: right } : right;
    }
  }

  private parseNot(): Node | null {
    const a = this.args[this.i];
    if (a === '!' || a === '-not') {
      this.i++;
      const inner = this.parseNot();
      if (!inner) this.fail('invalid expression');
      return { t: 'not', a: inner };
    }
    if (a === '(') {
      this.i++;
      const inner = this.parseOr();
      if (this.args[this.i] !== ')') this.fail('invalid expression');
      this.i++;
      return inner ?? { t: 'test', fn: () => true };
    }
    return this.primary();
  }

  private primary(): Node | null {
    const ctx = this.ctx;
    const a = this.args[this.i++];
    if (a === undefined) return null;
    const test = (fn: (it: Item) => boolean): Node => ({ t: 'test', fn });
    switch (a) {
      case '-name':
      case '-iname': {
        const re = compilePattern(this.need(a));
        const ci = a === '-iname' ? makeRegex(re.source, 'si') : re;
        return test((it) => ci.test(basename(it.path) || it.path));
      }
      case '-path':
      case '-wholename':
      case '-ipath': {
        const re = compilePattern(this.need(a));
        const ci = a === '-ipath' ? makeRegex(re.source, 'si') : re;
        return test((it) => ci.test(it.path));
      }
      case '-regex': {
        const pattern = this.need(a);
        let re: RegexLike;
        try {
          re = compilePosix(pattern, false);
        } catch (e) {
          if (e instanceof RegexError) this.fail(`bad regex '${pattern}'${e.reason ? `: ${e.reason}` : ''}`);
          throw e;
        }
        const whole = makePosixRegex(`^(?:${re.source})$`);
        return test((it) => whole.test(it.path));
      }
      case '-type': {
        const t = this.need(a);
        const kind = { f: 'file', d: 'dir', l: 'symlink', c: 'char', b: 'char' }[t];
        if (!kind && !'bsp'.includes(t)) this.fail(`invalid argument '${t}' to '-type'`);
        return test((it) => it.st.kind === kind && (kind !== 'char' || (t === 'b') === (it.st.block === true)));
      }
      case '-perm': {
        const spec = this.need(a);
        const body = spec.replace(/^[-+/]/, '');
        const mode = parseMode(body, 0);
        if (mode === null) this.fail(`invalid mode '${spec}'`);
        return test((it) => {
          const m = it.st.mode & 0o7777;
          if (spec.startsWith('-')) return (m & mode) === mode;
          if (spec.startsWith('+') || spec.startsWith('/')) return (m & mode) !== 0 || mode === 0;
          return m === mode;
        });
      }
      case '-size': {
        const spec = this.need(a);
        const m = /^([+-]?\d+)([bckwMG]?)$/.exec(spec);
        if (!m) this.fail(`invalid argument '${spec}' to '-size'`);
        const unit = { '': 512, b: 512, c: 1, k: 1024, w: 2, M: 1048576, G: 1073741824 }[m[2] ?? ''] ?? 512;
        const bytes = Number((m[1] ?? '0').replace(/^[+-]/, '')) * unit;
        const sign = (m[1] ?? '')[0];
        return test((it) => (sign === '+' ? it.st.size > bytes : sign === '-' ? it.st.size < bytes : it.st.size === bytes));
      }
      case '-mtime':
      case '-mmin':
      case '-atime':
      case '-amin':
      case '-ctime':
      case '-cmin': {
        const spec = this.need(a);
        const unit = a.endsWith('min') ? 60_000 : 86_400_000;
        return test((it) => cmpNum(spec, Math.floor((ctx.clock.now() - it.st.mtime) / unit)));
      }
      case '-newer': {
        const file = this.need(a);
        const ref = ctx.fs.stat(abs(ctx, file));
        if (!ref) this.fail(`can't stat '${file}': ${missingError(ctx, file)}`);
        return test((it) => it.st.mtime > ref.mtime);
      }
      case '-user':
      case '-group': {
        const name = this.need(a);
        const user = a === '-user';
        const byName = user ? passwdEntries(ctx.fs).find((e) => e.name === name)?.uid : groupEntries(ctx.fs).find((e) => e.name === name)?.gid;
        const id = /^\d+$/.test(name) ? Number(name) : byName;
        if (id === undefined) {
          errorMsg(ctx, 'find', `unknown ${user ? 'user' : 'group'} ${name}`);
          throw new FindError(1);
        }
        return test((it) => (user ? it.st.uid : it.st.gid) === id);
      }
      case '-links': {
        const spec = this.need(a);
        return test((it) => cmpNum(spec, linkCount(ctx, abs(ctx, it.path), it.st)));
      }
      case '-empty':
        return test((it) => (it.st.kind === 'dir' ? ctx.fs.readdir(abs(ctx, it.path)).length === 0 : it.st.kind === 'file' && it.st.size === 0));
      case '-executable':
        return test((it) => (it.st.mode & 0o111) !== 0);
      case '-inum': {
        const n = Number(this.need(a));
        return test((it) => it.st.ino === n);
      }
      case '-samefile': {
        const want = sameFileTest(ctx.fs, abs(ctx, this.need(a)));
        return test((it) => want(it.st, abs(ctx, it.path)));
      }
      case '-maxdepth':
        this.maxDepth = Number(this.need(a));
        return test(() => true);
      case '-mindepth':
        this.minDepth = Number(this.need(a));
        return test(() => true);
      case '-depth':
        this.depthFirst = true;
        return test(() => true);
      case '-xdev':
      case '-follow':
        return test(() => true);
      case '-prune':
        return { t: 'prune' };
      case '-quit':
        return { t: 'quit' };
      case '-print':
      case '-print0': {
        this.hasAction = true;
        const end = a === '-print' ? '\n' : '\0';
        return test((it) => {
          ctx.stdout(it.path + end);
          return true;
        });
      }
      case '-exec':
      case '-ok': {
        this.hasAction = true;
        const cmd: string[] = [];
        for (;;) {
          const w = this.args[this.i++];
          if (w === undefined) this.fail("missing argument to '-exec'");
          if (w === ';') break;
          if (w === '+' && cmd[cmd.length - 1] === '{}') {
            const batch = { argv: cmd.slice(0, -1), files: [] as string[] };
            this.execPlus.push(batch);
            return test((it) => {
              batch.files.push(it.path);
              return true;
            });
          }
          cmd.push(w);
        }
        return test((it) => {
          const argv = cmd.map((w) => w.split('{}').join(it.path));
          const r = runProgram(ctx, argv);
          if (typeof r === 'string') {
            errorMsg(ctx, 'find', `can't execute '${argv[0] ?? ''}': ${r}`);
            this.status.code = 1;
            return false;
          }
          return r === 0;
        });
      }
      default:
        this.failUsage(`unrecognized: ${a}`);
    }
  }
}

function evaluate(n: Node, it: Item, pruned: { v: boolean }): boolean {
  switch (n.t) {
    case 'and':
      return evaluate(n.a, it, pruned) && evaluate(n.b, it, pruned);
    case 'or':
      return evaluate(n.a, it, pruned) || evaluate(n.b, it, pruned);
    case 'not':
      return !evaluate(n.a, it, pruned);
    case 'prune':
      pruned.v = true;
      return true;
    case 'quit':
      throw new Quit();
    case 'test':
      return n.fn(it);
  }
}

/** `find [-HL] [PATH]... [OPTIONS] [ACTIONS]` */
export const find: Applet = (ctx, argv) => {
  let args = argv.slice(1);
  let followTop = false;
  while (args[0] === '-H' || args[0] === '-L') {
    followTop = true;
    args = args.slice(1);
  }
  const paths: string[] = [];
  while (args.length > 0 && !(args[0]?.startsWith('-') && (args[0]?.length ?? 0) > 1) && args[0] !== '!' && args[0] !== '(') paths.push(args.shift() ?? '');
  if (paths.length === 0) paths.push('.');
  const status = { code: 0 };
  const parser = new FindParser(ctx, args, status);
  let expr: Node | null;
  try {
    expr = parser.parseOr();
    if (parser.i < args.length) parser.parseOr();
  } catch (e) {
    if (e instanceof FindError) return e.status;
    throw e;
  }
  const printAll = !parser.hasAction;
  const visit = (path: string, depth: number, follow: boolean): void => {
    chargeStep(ctx);
    const p = abs(ctx, path);
    // "name/" makes lstat(2) follow a symlink and fail on anything but a directory
    const slash = /[^/]\/+$/.test(path);
    const st = follow || slash ? ctx.fs.stat(p) : ctx.fs.lstat(p);
    if (!st || (slash && st.kind !== 'dir')) {
      errorMsg(ctx, 'find', `${path}: ${missingError(ctx, path)}`);
      status.code = 1;
      return;
    }
    const it = { path, st, depth };
    const pruned = { v: false };
    const act = (): void => {
      if (depth < parser.minDepth) return;
      const ok = expr ? evaluate(expr, it, pruned) : true;
      if (ok && printAll) ctx.stdout(`${path}\n`);
    };
    if (!parser.depthFirst) act();
    if (st.kind === 'dir' && !pruned.v && depth < parser.maxDepth) {
      for (const name of ctx.fs.readdir(p)) visit(path.endsWith('/') ? path + name : `${path}/${name}`, depth + 1, false);
    }
    if (parser.depthFirst) act();
  };
  try {
    for (const p of paths) visit(p, 0, followTop);
  } catch (e) {
    if (!(e instanceof Quit)) throw e;
  }
  for (const batch of parser.execPlus) {
    if (batch.files.length === 0) continue;
    const r = runProgram(ctx, [...batch.argv, ...batch.files]);
    if (typeof r === 'string') {
      errorMsg(ctx, 'find', `can't execute '${batch.argv[0] ?? ''}': ${r}`);
      status.code = 1;
    } else if (r !== 0) status.code = 1;
  }
  return status.code;
};

/** `find --help` (busybox 1.35's text, recorded from the real binary; the banner line is printed before it). */
export const findUsage =
  "\nUsage: find [-HL] [PATH]... [OPTIONS] [ACTIONS]\n\nSearch for files and perform actions on them.\nFirst failed action stops processing of current file.\nDefaults: PATH is current directory, action is '-print'\n\n\t-L,-follow\tFollow symlinks\n\t-H\t\t...on command line only\n\t-xdev\t\tDon't descend directories on other filesystems\n\t-maxdepth N\tDescend at most N levels. -maxdepth 0 applies\n\t\t\tactions to command line arguments only\n\t-mindepth N\tDon't act on first N levels\n\t-depth\t\tAct on directory *after* traversing it\n\nActions:\n\t( ACTIONS )\tGroup actions for -o / -a\n\t! ACT\t\tInvert ACT's success/failure\n\tACT1 [-a] ACT2\tIf ACT1 fails, stop, else do ACT2\n\tACT1 -o ACT2\tIf ACT1 succeeds, stop, else do ACT2\n\t\t\tNote: -a has higher priority than -o\n\t-name PATTERN\tMatch file name (w/o directory name) to PATTERN\n\t-iname PATTERN\tCase insensitive -name\n\t-path PATTERN\tMatch path to PATTERN\n\t-ipath PATTERN\tCase insensitive -path\n\t-regex PATTERN\tMatch path to regex PATTERN\n\t-type X\t\tFile type is X (one of: f,d,l,b,c,s,p)\n\t-executable\tFile is executable\n\t-perm MASK\tAt least one mask bit (+MASK), all bits (-MASK),\n\t\t\tor exactly MASK bits are set in file's mode\n\t-mtime DAYS\tmtime is greater than (+N), less than (-N),\n\t\t\tor exactly N days in the past\n\t-atime DAYS\tatime +N/-N/N days in the past\n\t-ctime DAYS\tctime +N/-N/N days in the past\n\t-mmin MINS\tmtime is greater than (+N), less than (-N),\n\t\t\tor exactly N minutes in the past\n\t-amin MINS\tatime +N/-N/N minutes in the past\n\t-cmin MINS\tctime +N/-N/N minutes in the past\n\t-newer FILE\tmtime is more recent than FILE's\n\t-inum N\t\tFile has inode number N\n\t-samefile FILE\tFile is same as FILE\n\t-user NAME/ID\tFile is owned by given user\n\t-group NAME/ID\tFile is owned by given group\n\t-size N[bck]\tFile size is N (c:bytes,k:kbytes,b:512 bytes(def.))\n\t\t\t+/-N: file size is bigger/smaller than N\n\t-links N\tNumber of links is greater than (+N), less than (-N),\n\t\t\tor exactly N\n\t-empty\t\tMatch empty file/directory\n\t-prune\t\tIf current file is directory, don't descend into it\nIf none of the following actions is specified, -print is assumed\n\t-print\t\tPrint file name\n\t-print0\t\tPrint file name, NUL terminated\n\t-exec CMD ARG ;\tRun CMD with all instances of {} replaced by\n\t\t\tfile name. Fails if CMD exits with nonzero\n\t-exec CMD ARG + Run CMD with {} replaced by list of file names\n\t-quit\t\tExit\n";
