// busybox stat: its default listing and -c formats, as busybox 1.35 prints them.

import type { Stat } from '../../fs/vfs.js';
import { groupName, userName } from '../users.js';
import type { Applet } from './lib/common.js';
import { abs, errorMsg, missingError } from './lib/common.js';
import { getopt } from './lib/getopt.js';
import { modeString } from './lib/mode.js';
import { blocksOf, linkCount } from './lib/stat-fields.js';
import { strftime } from './lib/strftime.js';
import { showUsage } from './lib/usage.js';
import { withInvalid } from './lib/owner.js';

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
        F: () => (st.block ? 'block special file' : TYPE_NAMES[st.kind]),
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
        f: () => (st.mode | (st.block ? 0o60000 : { file: 0o100000, dir: 0o40000, symlink: 0o120000, char: 0o20000 }[st.kind])).toString(16),
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
        `  Size: ${String(st.size).padEnd(10)}\tBlocks: ${String(blocksOf(st)).padEnd(10)} IO Block: 4096   ${st.block ? 'block special file' : TYPE_NAMES[st.kind]}\n` +
        `Device: fe00h/65024d\tInode: ${String(st.ino ?? fakeInode(path)).padEnd(11)} Links: ${linkCount(ctx, path, st)}` +
        // busybox adds the device numbers (in hex) on that line for device files
        `${st.device ? `${' '.repeat(Math.max(1, 6 - String(linkCount(ctx, path, st)).length))}Device type: ${st.device[0].toString(16)},${st.device[1].toString(16)}` : ''}\n` +
        `Access: (${st.mode.toString(8).padStart(4, '0')}/${modeString(st)})  Uid: (${String(st.uid).padStart(5)}/${user.padStart(8)})   Gid: (${String(st.gid).padStart(5)}/${group.padStart(8)})\n` +
        `Access: ${t}\nModify: ${t}\nChange: ${t}\n`,
    );
  }
  return status;
});

/** `stat --help` (busybox 1.35's text, recorded from the real binary; the banner line is printed before it). */
export const statUsage =
  "\nUsage: stat [-ltf] [-c FMT] FILE...\n\nDisplay file (default) or filesystem status\n\n\t-c FMT\tUse the specified format\n\t-f\tDisplay filesystem status\n\t-L\tFollow links\n\t-t\tTerse display\n\nFMT sequences for files:\n %a\tAccess rights in octal\n %A\tAccess rights in human readable form\n %b\tNumber of blocks allocated (see %B)\n %B\tSize in bytes of each block reported by %b\n %d\tDevice number in decimal\n %D\tDevice number in hex\n %f\tRaw mode in hex\n %F\tFile type\n %g\tGroup ID\n %G\tGroup name\n %h\tNumber of hard links\n %i\tInode number\n %n\tFile name\n %N\tFile name, with -> TARGET if symlink\n %o\tI/O block size\n %s\tTotal size in bytes\n %t\tMajor device type in hex\n %T\tMinor device type in hex\n %u\tUser ID\n %U\tUser name\n %x\tTime of last access\n %X\tTime of last access as seconds since Epoch\n %y\tTime of last modification\n %Y\tTime of last modification as seconds since Epoch\n %z\tTime of last change\n %Z\tTime of last change as seconds since Epoch\n\nFMT sequences for file systems:\n %a\tFree blocks available to non-superuser\n %b\tTotal data blocks\n %c\tTotal file nodes\n %d\tFree file nodes\n %f\tFree blocks\n %i\tFile System ID in hex\n %l\tMaximum length of filenames\n %n\tFile name\n %s\tBlock size (for faster transfer)\n %S\tFundamental block size (for block counts)\n %t\tType in hex\n %T\tType in human readable form\n";
