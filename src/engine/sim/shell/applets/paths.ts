// Applets about names and paths: basename, dirname, readlink, realpath, which, unlink, mktemp, truncate.

import { FsError } from '../../fs/vfs.js';
import { strerror } from '../io.js';
import type { ProcessContext } from '../process.js';
import { DEFAULT_PATH } from '../resolve-executable.js';
import type { Applet } from './lib/common.js';
import { abs, errorMsg } from './lib/common.js';
import { getopt } from './lib/getopt.js';
import { showUsage } from './lib/usage.js';

/** POSIX basename of an operand ("/a/b/" → "b", "/" → "/"). */
function baseOf(s: string): string {
  const t = s.replace(/\/+$/, '');
  if (t === '') return s === '' ? '' : '/';
  return t.slice(t.lastIndexOf('/') + 1);
}

/** POSIX dirname of an operand ("a" → ".", "/a/b/" → "/a"). */
function dirOf(s: string): string {
  if (s === '//') return '//';
  const t = s.replace(/\/+$/, '');
  if (t === '') return s.startsWith('/') ? '/' : '.';
  const i = t.lastIndexOf('/');
  if (i === -1) return '.';
  return t.slice(0, i).replace(/\/+$/, '') || '/';
}

/** `basename FILE [SUFFIX] | -a FILE... | -s SUFFIX FILE...` */
export const basenameApplet: Applet = (ctx, argv) => {
  const o = getopt(ctx, 'basename', argv, { flags: 'az', args: 's' });
  if (typeof o === 'number') return o;
  const suffix = o.value('s');
  const multi = o.has('a') || suffix !== undefined;
  const args = o.operands;
  if (args.length === 0 || (!multi && args.length > 2)) return showUsage(ctx, 'basename');
  const strip = (name: string, suf: string | undefined): string => (suf && name !== suf && name.endsWith(suf) ? name.slice(0, -suf.length) : name);
  const names = multi ? args.map((a) => strip(baseOf(a), suffix)) : [strip(baseOf(args[0] ?? ''), args[1])];
  ctx.stdout(names.map((n) => `${n}\n`).join(''));
  return 0;
};

/** `dirname FILENAME...` */
export const dirnameApplet: Applet = (ctx, argv) => {
  const args = argv.slice(1).filter((a) => a !== '--');
  if (args.length === 0) return showUsage(ctx, 'dirname');
  ctx.stdout(args.map((a) => `${dirOf(a)}\n`).join(''));
  return 0;
};

// xmalloc_realpath_coreutils (readlink -f and realpath alike): a dangling symlink is resolved through its
// target (a relative one from the working directory); when only the last component is missing, the real path of everything before the last slash plus
// "/" plus that component, which is how busybox ends up printing "//nope" for "/bin/../nope". A relative
// name without a slash ("nope") that does not exist fails; "/nope" is itself.
function canonical(ctx: ProcessContext, path: string, depth = 0): string | null {
  if (path === '') return null;
  try {
    return ctx.fs.realpath(abs(ctx, path));
  } catch {
    if (depth > 40) return null;
    const link = ctx.fs.lstat(abs(ctx, path));
    if (link?.kind === 'symlink') {
      let target: string;
      try {
        target = ctx.fs.readlink(abs(ctx, path));
      } catch {
        return null;
      }
      // busybox resolves a relative target against the working directory, not the link's own
      return canonical(ctx, target.startsWith('/') ? target : `${ctx.cwd.replace(/\/+$/, '')}/${target}`, depth + 1);
    }
    let p = path;
    while (p.startsWith('//')) p = p.slice(1);
    let i = p.length - 1;
    while (i > 0 && p[i] === '/') i--;
    const lastSlash = p.slice(0, i + 1).lastIndexOf('/');
    if (lastSlash <= 0) return p.startsWith('/') ? p : null;
    try {
      return `${ctx.fs.realpath(abs(ctx, p.slice(0, lastSlash)))}/${p.slice(lastSlash + 1)}`;
    } catch {
      return null;
    }
  }
}

/** `readlink [-fnv] FILE` */
export const readlink: Applet = (ctx, argv) => {
  const o = getopt(ctx, 'readlink', argv, { flags: 'fnvsq' });
  if (typeof o === 'number') return o;
  const file = o.operands[0];
  if (file === undefined) return showUsage(ctx, 'readlink');
  let out: string | null;
  if (o.has('f')) out = canonical(ctx, file);
  else {
    try {
      out = ctx.fs.readlink(abs(ctx, file));
    } catch {
      out = null;
    }
  }
  if (out === null) return 1;
  ctx.stdout(o.has('n') ? out : `${out}\n`);
  return 0;
};

/** `realpath FILE...` */
export const realpath: Applet = (ctx, argv) => {
  const files = argv.slice(1);
  if (files.length === 0) return showUsage(ctx, 'realpath');
  let status = 0;
  for (const f of files) {
    const r = canonical(ctx, f);
    if (r === null) {
      errorMsg(ctx, 'realpath', `${f}: No such file or directory`);
      status = 1;
    } else ctx.stdout(`${r}\n`);
  }
  return status;
};

/** `which [-a] COMMAND...` */
export const which: Applet = (ctx, argv) => {
  const o = getopt(ctx, 'which', argv, { flags: 'a' });
  if (typeof o === 'number') return o;
  if (o.operands.length === 0) return showUsage(ctx, 'which');
  const dirs = (ctx.env.get('PATH') ?? DEFAULT_PATH).split(':');
  let status = 0;
  for (const name of o.operands) {
    const candidates = name.includes('/') ? [name] : dirs.map((d) => `${d === '' ? '.' : d.replace(/\/+$/, '')}/${name}`);
    let found = false;
    for (const c of candidates) {
      const st = ctx.fs.stat(abs(ctx, c));
      if (st?.kind === 'file' && st.mode & 0o111) {
        ctx.stdout(`${c}\n`);
        found = true;
        if (!o.has('a')) break;
      }
    }
    if (!found) status = 1;
  }
  return status;
};

/** `unlink FILE` */
export const unlink: Applet = (ctx, argv) => {
  const args = argv.slice(1);
  if (args.length !== 1) return showUsage(ctx, 'unlink');
  try {
    ctx.fs.unlink(abs(ctx, args[0] ?? ''));
    return 0;
  } catch (e) {
    if (!(e instanceof FsError)) throw e;
    errorMsg(ctx, 'unlink', `can't remove file '${args[0] ?? ''}': ${strerror(e.code)}`);
    return 1;
  }
};

let tmpCounter = 0;

/** `mktemp [-dt] [-p DIR] [TEMPLATE]` */
export const mktemp: Applet = (ctx, argv) => {
  const o = getopt(ctx, 'mktemp', argv, { flags: 'dqtu', args: 'p' });
  if (typeof o === 'number') return o;
  const template = o.operands[0] ?? 'tmp.XXXXXX';
  const dir = o.value('p') ?? (o.has('t') || o.operands.length === 0 ? (ctx.env.get('TMPDIR') ?? '/tmp') : undefined);
  const full = dir !== undefined && !template.startsWith('/') ? `${dir}/${template}` : template;
  // mkstemp(3) wants the name to end in six X's; busybox then reports a null name
  const m = /XXXXXX$/.exec(full);
  if (!m) {
    if (!o.has('q')) ctx.stderr('mktemp: (null): Invalid argument\n');
    return 1;
  }
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  for (let attempt = 0; attempt < 100; attempt++) {
    let seed = (ctx.clock.now() + ++tmpCounter * 7919 + attempt) >>> 0;
    let suffix = '';
    for (let i = 0; i < m[0].length; i++) {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      suffix += chars[(seed >>> 16) % chars.length];
    }
    const name = full.slice(0, m.index) + suffix;
    const p = abs(ctx, name);
    if (ctx.fs.lstat(p)) continue;
    try {
      if (o.has('d')) ctx.fs.mkdir(p, 0o700);
      else ctx.fs.writeFile(p, new Uint8Array(), { mode: 0o600 });
    } catch (e) {
      if (!(e instanceof FsError)) throw e;
      if (!o.has('q')) errorMsg(ctx, 'mktemp', `${strerror(e.code)}`);
      return 1;
    }
    ctx.stdout(`${name}\n`);
    return 0;
  }
  return 1;
};

/** `truncate [-c] -s SIZE FILE...` */
export const truncate: Applet = (ctx, argv) => {
  const o = getopt(ctx, 'truncate', argv, { flags: 'c', args: 's' });
  if (typeof o === 'number') return o;
  const spec = o.value('s');
  if (spec === undefined || o.operands.length === 0) return showUsage(ctx, 'truncate');
  const m = /^(\d+)([kKmMgG]?)$/.exec(spec);
  if (!m) {
    errorMsg(ctx, 'truncate', `invalid number '${spec}'`);
    return 1;
  }
  const size = Number(m[1]) * ({ '': 1, k: 1024, K: 1024, m: 1048576, M: 1048576, g: 1073741824, G: 1073741824 }[m[2] ?? ''] ?? 1);
  let status = 0;
  for (const f of o.operands) {
    const p = abs(ctx, f);
    try {
      const st = ctx.fs.stat(p);
      if (!st && o.has('c')) continue;
      const old = st ? ctx.fs.readFile(p) : new Uint8Array();
      const data = new Uint8Array(size);
      data.set(old.subarray(0, size));
      ctx.fs.writeFile(p, data);
    } catch (e) {
      if (!(e instanceof FsError)) throw e;
      errorMsg(ctx, 'truncate', `${f}: ${strerror(e.code)}`);
      status = 1;
    }
  }
  return status;
};
