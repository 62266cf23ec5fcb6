// Applets that change or show file attributes: chmod, chown, chgrp, stat, du. Names resolve through
// /etc/passwd and /etc/group ("chown: unknown user X"); numbers are always accepted.

import type { Stat } from '../../fs/vfs.js';
import { FsError } from '../../fs/vfs.js';
import { strerror } from '../io.js';
import type { ProcessContext } from '../process.js';
import { groupEntries, groupName, passwdEntries, userName } from '../users.js';
import type { Applet } from './lib/common.js';
import { abs, chargeStep, errorMsg, missingError } from './lib/common.js';
import { getopt } from './lib/getopt.js';
import { blocksOf, humanSize, linkCount, modeString } from './ls.js';
import { parseMode } from './lib/mode.js';
import { strftime } from './lib/strftime.js';
import { showUsage } from './lib/usage.js';

// Visits a path and, with -R, everything below it (symlinks are not followed below the top).
function walk(ctx: ProcessContext, path: string, recursive: boolean, visit: (p: string) => void): void {
  chargeStep(ctx);
  visit(path);
  if (!recursive) return;
  const st = ctx.fs.lstat(abs(ctx, path));
  if (st?.kind !== 'dir') return;
  for (const name of ctx.fs.readdir(abs(ctx, path))) walk(ctx, path.endsWith('/') ? path + name : `${path}/${name}`, true, visit);
}

/** `chmod [-Rcvf] MODE[,MODE]... FILE...` */
export const chmod: Applet = (ctx, argv) => withInvalid(chmodMain)(ctx, argv);

const chmodMain: Applet = (ctx, argv) => {
  // A mode like "-x" looks like an option; busybox lets getopt skip it by checking for a mode first.
  const args = argv.slice(1);
  const flags = new Set<string>();
  while (args[0] && /^-[Rcvf]+$/.test(args[0])) for (const c of (args.shift() ?? '').slice(1)) flags.add(c);
  if (args[0] === '--') args.shift();
  const spec = args.shift();
  if (spec === undefined || args.length === 0) return showUsage(ctx, 'chmod');
  let status = 0;
  for (const file of args) {
    const top = ctx.fs.stat(abs(ctx, file));
    if (!top) {
      if (!flags.has('f')) errorMsg(ctx, 'chmod', `${file}: ${missingError(ctx, file)}`);
      status = 1;
      continue;
    }
    walk(ctx, file, flags.has('R'), (p) => {
      const st = p === file ? top : ctx.fs.lstat(abs(ctx, p));
      if (!st || st.kind === 'symlink') return;
      const mode = parseMode(spec, st.mode, st.kind === 'dir', ctx.umask ?? 0o022);
      if (mode === null) {
        errorMsg(ctx, 'chmod', `invalid mode '${spec}'`);
        throw new Invalid();
      }
      try {
        ctx.fs.chmod(abs(ctx, p), mode);
        if (flags.has('v') || (flags.has('c') && mode !== st.mode)) {
          ctx.stdout(`mode of '${p}' changed to ${mode.toString(8).padStart(4, '0')} (${modeString({ ...st, mode }).slice(1)})\n`);
        }
      } catch (e) {
        if (!(e instanceof FsError)) throw e;
        if (!flags.has('f')) errorMsg(ctx, 'chmod', `${p}: ${strerror(e.code)}`);
        status = 1;
      }
    });
  }
  return status;
};

class Invalid {}

function withInvalid(fn: Applet): Applet {
  return (ctx, argv) => {
    try {
      return fn(ctx, argv);
    } catch (e) {
      if (e instanceof Invalid) return 1;
      throw e;
    }
  };
}

function lookupUser(ctx: ProcessContext, name: string): number | null {
  if (/^\d+$/.test(name)) return Number(name);
  return passwdEntries(ctx.fs).find((e) => e.name === name)?.uid ?? null;
}

function lookupGroup(ctx: ProcessContext, name: string): number | null {
  if (/^\d+$/.test(name)) return Number(name);
  return groupEntries(ctx.fs).find((e) => e.name === name)?.gid ?? null;
}

function chownLike(applet: 'chown' | 'chgrp'): Applet {
  return (ctx, argv) => {
    const o = getopt(ctx, applet, argv, { flags: 'RhcvfLHP' });
    if (typeof o === 'number') return o;
    const [spec, ...files] = o.operands;
    if (spec === undefined || files.length === 0) return showUsage(ctx, applet);
    let uid: number | null = -1;
    let gid: number | null = -1;
    if (applet === 'chgrp') {
      gid = lookupGroup(ctx, spec);
      if (gid === null) {
        errorMsg(ctx, 'chgrp', `unknown group ${spec}`);
        return 1;
      }
    } else {
      // "user", ":group", "user:group", "user:" (the user's login group); "." works like ":".
      const m = /^([^:.]*)(?:[:.](.*))?$/.exec(spec);
      const user = m?.[1] ?? '';
      const group = m?.[2];
      if (group === undefined) {
        uid = lookupUser(ctx, user);
        if (uid === null) {
          errorMsg(ctx, 'chown', `unknown user ${user}`);
          return 1;
        }
      } else if (user === '') {
        gid = lookupGroup(ctx, group);
        if (gid === null) {
          errorMsg(ctx, 'chown', `unknown group ${group}`);
          return 1;
        }
      } else {
        uid = lookupUser(ctx, user);
        const login = passwdEntries(ctx.fs).find((e) => e.uid === uid)?.gid;
        gid = group === '' ? (login ?? uid) : lookupGroup(ctx, group);
        if (uid === null || gid === null) {
          errorMsg(ctx, 'chown', `unknown user/group ${spec}`);
          return 1;
        }
      }
    }
    let status = 0;
    for (const file of files) {
      if (!ctx.fs.lstat(abs(ctx, file))) {
        if (!o.has('f')) errorMsg(ctx, applet, `${file}: ${missingError(ctx, file)}`);
        status = 1;
        continue;
      }
      walk(ctx, file, o.has('R'), (p) => {
        const st = ctx.fs.stat(abs(ctx, p)) ?? ctx.fs.lstat(abs(ctx, p));
        if (!st) return;
        try {
          ctx.fs.chown(abs(ctx, p), uid === -1 || uid === null ? st.uid : uid, gid === -1 || gid === null ? st.gid : gid);
        } catch (e) {
          if (!(e instanceof FsError)) throw e;
          if (!o.has('f')) errorMsg(ctx, applet, `${p}: ${strerror(e.code)}`);
          status = 1;
        }
      });
    }
    return status;
  };
}

/** chown, chgrp. */
export const chown = chownLike('chown');
export const chgrp = chownLike('chgrp');

const TYPE_NAMES: Record<Stat['kind'], string> = { file: 'regular file', dir: 'directory', symlink: 'symbolic link', char: 'character special file' };

function fakeInode(path: string): number {
  let h = 5381;
  for (const c of path) h = (Math.imul(h, 33) ^ c.charCodeAt(0)) >>> 0;
  return (h % 4_000_000) + 1_000_000;
}

function isoTime(ms: number): string {
  return `${strftime('%Y-%m-%d %H:%M:%S', ms)}.${String(ms % 1000).padStart(3, '0')}000000 +0000`;
}

/** `stat [-ltfL] [-c FMT] FILE...` */
export const stat: Applet = withInvalid((ctx, argv) => {
  const o = getopt(ctx, 'stat', argv, { flags: 'Lft', args: 'c', long: { format: { key: 'c', arg: true } } });
  if (typeof o === 'number') return o;
  if (o.operands.length === 0) return showUsage(ctx, 'stat');
  let status = 0;
  for (const file of o.operands) {
    const path = abs(ctx, file);
    // a trailing slash makes lstat(2) resolve a symlink to its directory
    const st = o.has('L') || /[^/]\/+$/.test(file) ? ctx.fs.stat(path) : ctx.fs.lstat(path);
    if (!st || (st.kind !== 'dir' && /[^/]\/+$/.test(file))) {
      errorMsg(ctx, 'stat', `can't stat '${file}': ${missingError(ctx, file)}`);
      status = 1;
      continue;
    }
    const user = userName(ctx.fs, st.uid) ?? 'UNKNOWN';
    const group = groupName(ctx.fs, st.gid) ?? 'UNKNOWN';
    const fmt = o.value('c');
    if (fmt !== undefined) {
      const conv: Record<string, () => string> = {
        n: () => file,
        // only a symlink gets quotes
        N: () => (st.kind === 'symlink' ? `'${file}' -> '${st.target ?? ''}'` : file),
        d: () => '65024',
        D: () => 'fe00',
        o: () => '4096',
        s: () => String(st.size),
        a: () => st.mode.toString(8),
        A: () => modeString(st),
        u: () => String(st.uid),
        g: () => String(st.gid),
        U: () => user,
        G: () => group,
        F: () => TYPE_NAMES[st.kind],
        h: () => String(linkCount(ctx, path, st)),
        b: () => String(blocksOf(st)),
        B: () => '512',
        t: () => (st.device?.[0] ?? 0).toString(16),
        T: () => (st.device?.[1] ?? 0).toString(16),
        i: () => String(st.ino ?? fakeInode(path)),
        Y: () => String(Math.floor(st.mtime / 1000)),
        X: () => String(Math.floor(st.mtime / 1000)),
        Z: () => String(Math.floor(st.mtime / 1000)),
        y: () => isoTime(st.mtime),
        x: () => isoTime(st.mtime),
        z: () => isoTime(st.mtime),
        f: () => (st.mode | ({ file: 0o100000, dir: 0o40000, symlink: 0o120000, char: 0o20000 }[st.kind])).toString(16),
        '%': () => '%',
      };
      // printf-style flags and width pass through; an unknown conversion prints its letter
      let newline = '\n';
      const out = fmt.replace(/%([-#+ 0-9.']*)(.|$)/g, (_w, flags: string, c: string) => {
        // a trailing lone '%' is printed, and the newline after the format is lost
        if (c === '') {
          newline = '';
          return '%';
        }
        const fn = conv[c];
        if (!fn || c === '%') return c;
        const v = fn();
        const width = Number(/\d+/.exec(flags.replace(/\..*/, '').replace(/^[-#+ 0']*/, ''))?.[0] ?? 0);
        if (flags.includes('-')) return v.padEnd(width);
        return /^[-#+ ']*0/.test(flags) && /^\d+$/.test(v) ? v.padStart(width, '0') : v.padStart(width);
      });
      ctx.stdout(`${out}${newline}`);
      continue;
    }
    const name = st.kind === 'symlink' ? `'${file}' -> '${st.target ?? ''}'` : file;
    const t = isoTime(st.mtime);
    ctx.stdout(
      `  File: ${name}\n` +
        `  Size: ${String(st.size).padEnd(10)}\tBlocks: ${String(blocksOf(st)).padEnd(10)} IO Block: 4096   ${TYPE_NAMES[st.kind]}\n` +
        `Device: fe00h/65024d\tInode: ${String(st.ino ?? fakeInode(path)).padEnd(11)} Links: ${linkCount(ctx, path, st)}` +
        // busybox adds the device numbers (in hex) on that line for device files
        `${st.device ? `${' '.repeat(Math.max(1, 6 - String(linkCount(ctx, path, st)).length))}Device type: ${st.device[0].toString(16)},${st.device[1].toString(16)}` : ''}\n` +
        `Access: (${st.mode.toString(8).padStart(4, '0')}/${modeString(st)})  Uid: (${String(st.uid).padStart(5)}/${user.padStart(8)})   Gid: (${String(st.gid).padStart(5)}/${group.padStart(8)})\n` +
        `Access: ${t}\nModify: ${t}\nChange: ${t}\n`,
    );
  }
  return status;
});

/** `du [-aHLdclsxhmk] [FILE]...` (1 KiB units, blocks as ext4 allocates them). */
export const du: Applet = (ctx, argv) => {
  const o = getopt(ctx, 'du', argv, { flags: 'aHLclsxhmk', args: 'd' });
  if (typeof o === 'number') return o;
  const files = o.operands.length === 0 ? ['.'] : o.operands;
  const maxDepth = o.value('d') === undefined ? Infinity : Number(o.value('d'));
  const show = (kb: number, p: string): void => {
    const size = o.has('h') ? humanSize(kb * 1024) : o.has('m') ? String(Math.ceil(kb / 1024)) : String(kb);
    ctx.stdout(`${size}\t${p}\n`);
  };
  let status = 0;
  let total = 0;
  const visit = (p: string, depth: number): number => {
    chargeStep(ctx);
    const st = o.has('L') ? ctx.fs.stat(abs(ctx, p)) : ctx.fs.lstat(abs(ctx, p));
    if (!st) {
      errorMsg(ctx, 'du', `${p}: ${missingError(ctx, p)}`);
      status = 1;
      return 0;
    }
    let kb = blocksOf(st) >> 1;
    if (st.kind === 'dir') {
      let names: string[];
      try {
        names = ctx.fs.readdir(abs(ctx, p));
      } catch (e) {
        if (!(e instanceof FsError)) throw e;
        // busybox's du_loop: a folder it cannot open counts, but gets no line of its own
        errorMsg(ctx, 'du', `can't open '${p}': ${strerror(e.code)}`);
        status = 1;
        return kb;
      }
      for (const name of names) kb += visit(p.endsWith('/') ? p + name : `${p}/${name}`, depth + 1);
      if (!o.has('s') ? depth <= maxDepth : depth === 0) show(kb, p);
    } else if ((o.has('a') && depth <= maxDepth) || depth === 0) show(kb, p);
    return kb;
  };
  for (const f of files) total += visit(f, 0);
  if (o.has('c')) show(total, 'total');
  return status;
};
