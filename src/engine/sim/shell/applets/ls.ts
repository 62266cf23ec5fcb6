// busybox ls: one name per line when stdout is not a terminal (docker exec without -t), columns on a tty,
// the -l layout "%-10s %4u %-8.8s %-8.8s %9u mmm dd hh:mm name", "total N" in KiB, -a/-A/-d/-R/-1/-F/-p/-h/
// -n/-i/-s/-S/-t/-r/-X, and "ls: NAME: strerror" for missing operands.

import type { Stat } from '../../fs/vfs.js';
import type { ProcessContext } from '../process.js';
import { groupName, userName } from '../users.js';
import { abs, errorMsg, missingError } from './lib/common.js';
import { getopt } from './lib/getopt.js';
import type { Opts } from './lib/getopt.js';
import { humanSize } from './lib/human-size.js';
import { modeString } from './lib/mode.js';
import { blocksOf, linkCount } from './lib/stat-fields.js';
import { strftime } from './lib/strftime.js';

interface Entry {
  /** path as it is displayed in headers and used for stat */
  full: string;
  /** name printed on the line */
  name: string;
  st: Stat;
}


// "Nov 22 21:26" within six months of now, else "Nov 22  2025" (UTC, as in a container without TZ).
function lsTime(mtime: number, now: number): string {
  const age = (now - mtime) / 1000;
  if (age < (3600 * 24 * 365) / 2 && age > -15 * 60) return strftime('%b %e %H:%M', mtime);
  return `${strftime('%b %e', mtime)} ${strftime('%Y', mtime).padStart(5, ' ')}`;
}


class Lister {
  status = 0;
  constructor(
    private readonly ctx: ProcessContext,
    private readonly o: Opts,
    private readonly long: boolean,
  ) {}

  stat(full: string, name: string, follow: boolean): Entry | null {
    const path = abs(this.ctx, full);
    // a trailing slash makes lstat(2) resolve a symlink to its directory
    const st = follow || this.o.has('L') || /[^/]\/+$/.test(full) ? this.ctx.fs.stat(path) : this.ctx.fs.lstat(path);
    if (!st || (st.kind !== 'dir' && /[^/]\/+$/.test(full))) {
      errorMsg(this.ctx, 'ls', `${full}: ${missingError(this.ctx, full)}`);
      this.status = 1;
      return null;
    }
    return { full, name, st };
  }

  sort(entries: Entry[]): Entry[] {
    const o = this.o;
    const sizeOrTime = o.last('t', 'S');
    const cmp = (a: Entry, b: Entry): number => {
      let dif = 0;
      if (o.has('dirs-first')) dif = (b.st.kind === 'dir' ? 1 : 0) - (a.st.kind === 'dir' ? 1 : 0);
      if (dif === 0) {
        if (sizeOrTime === 'S') dif = b.st.size - a.st.size;
        else if (sizeOrTime === 't') dif = b.st.mtime - a.st.mtime;
        else if (o.has('X')) dif = strcmp(ext(a.name), ext(b.name));
        if (dif === 0) dif = strcmp(a.name, b.name);
      }
      return o.has('r') ? -dif : dif;
    };
    return [...entries].sort(cmp);
  }

  line(e: Entry): string {
    const o = this.o;
    let out = '';
    if (o.has('i')) out += `${String(e.st.ino ?? inode(e.full)).padStart(7)} `;
    if (o.has('s')) out += `${String(blocksOf(e.st) >> 1).padStart(6)} `;
    if (this.long) {
      const path = abs(this.ctx, e.full);
      out += `${modeString(e.st).padEnd(10)} ${String(linkCount(this.ctx, path, e.st)).padStart(4)} `;
      if (o.has('n')) out += `${String(e.st.uid).padEnd(8)} ${String(e.st.gid).padEnd(8)} `;
      else {
        const u = (userName(this.ctx.fs, e.st.uid) ?? String(e.st.uid)).slice(0, 8);
        const g = (groupName(this.ctx.fs, e.st.gid) ?? String(e.st.gid)).slice(0, 8);
        out += o.has('g') ? `${g.padEnd(8)} ` : `${u.padEnd(8)} ${g.padEnd(8)} `;
      }
      if (e.st.kind === 'char') {
        const [maj, min] = e.st.device ?? [0, 0];
        out += `${String(maj).padStart(4)}, ${String(min).padStart(3)} `;
      } else if (o.has('h')) out += `${humanSize(e.st.size).padStart(7)} `;
      else out += `${String(e.st.size).padStart(9)} `;
      out += o.has('full-time') ? `${strftime('%Y-%m-%d %H:%M:%S %z', e.st.mtime)} ` : `${lsTime(e.st.mtime, this.ctx.clock.now())} `;
    }
    out += printName(e.name, o.has('Q'));
    let suffixStat = e.st;
    if (this.long && e.st.kind === 'symlink') {
      const target = e.st.target ?? safeReadlink(this.ctx, abs(this.ctx, e.full));
      out += ` -> ${printName(target, o.has('Q'))}`;
      suffixStat = this.ctx.fs.stat(abs(this.ctx, e.full)) ?? e.st;
    }
    if (o.has('F') || o.has('p')) out += typeChar(suffixStat, o.has('F'));
    return out;
  }

  display(entries: Entry[]): void {
    const sorted = this.sort(entries);
    if (this.long || this.o.last('1', 'C', 'x', 'l') === '1' || !this.columns()) {
      for (const e of sorted) this.ctx.stdout(`${this.line(e)}\n`);
      return;
    }
    this.displayColumns(sorted);
  }

  private columns(): boolean {
    const c = this.o.last('1', 'C', 'x');
    if (c === 'C' || c === 'x') return true;
    return this.ctx.tty === true;
  }

  // The multi-column layout busybox uses on a terminal (80 columns, names padded to the widest + 2).
  private displayColumns(entries: Entry[]): void {
    if (entries.length === 0) return;
    const names = entries.map((e) => this.line(e));
    const width = Number(this.o.value('w') ?? 80) - 1;
    const colWidth = Math.max(...names.map((n) => n.length)) + 2;
    const ncols = Math.max(1, Math.floor((width + 1) / colWidth) || 1);
    const nrows = Math.ceil(names.length / ncols);
    const byLines = this.o.last('C', 'x') === 'x';
    let out = '';
    for (let r = 0; r < nrows; r++) {
      let row = '';
      for (let c = 0; c < ncols; c++) {
        const i = byLines ? r * ncols + c : c * nrows + r;
        const name = names[i];
        if (name === undefined) continue;
        const nextIndex = byLines ? i + 1 : (c + 1) * nrows + r;
        const isLast = c === ncols - 1 || names[nextIndex] === undefined;
        row += isLast ? name : name.padEnd(colWidth);
      }
      out += `${row}\n`;
    }
    this.ctx.stdout(out);
  }

  listDir(dir: Entry, showHeader: boolean, first: boolean): void {
    const o = this.o;
    if (showHeader || o.has('R')) {
      if (!first) this.ctx.stdout('\n');
      this.ctx.stdout(`${dir.full}:\n`);
    }
    const path = abs(this.ctx, dir.full);
    let names: string[];
    try {
      names = this.ctx.fs.readdir(path);
    } catch {
      errorMsg(this.ctx, 'ls', `can't open '${dir.full}': Permission denied`);
      this.status = 1;
      return;
    }
    const all = o.has('a');
    const almost = o.has('A');
    const list: Entry[] = [];
    const prefix = dir.full.endsWith('/') ? dir.full : `${dir.full}/`;
    for (const name of all ? ['.', '..', ...names] : names) {
      if (name.startsWith('.') && !all && !almost) continue;
      const e = this.stat(`${prefix}${name}`, name, false);
      if (e) list.push(e);
    }
    if (o.has('s') || this.long) {
      const total = list.reduce((n, e) => n + blocksOf(e.st), 0) >> 1;
      this.ctx.stdout(o.has('h') ? `total ${humanSize(total * 1024, 0)}\n` : `total ${total}\n`);
    }
    this.display(list);
    if (o.has('R')) {
      const subdirs = this.sort(list.filter((e) => e.st.kind === 'dir' && e.name !== '.' && e.name !== '..'));
      for (const sub of subdirs) this.listDir(sub, true, false);
    }
  }
}

function strcmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function ext(name: string): string {
  const i = name.indexOf('.');
  return i === -1 ? '' : name.slice(i);
}

/** print_name: printable_string2 (no unicode: every byte below space, DEL and above becomes '?'), -Q quoting. */
function printName(name: string, quote: boolean): string {
  let out = '';
  for (const ch of name) {
    const code = ch.codePointAt(0) ?? 0;
    if (code < 0x20 || code === 0x7f) out += '?';
    else if (code >= 0x80) out += '?'.repeat(new TextEncoder().encode(ch).length);
    else out += quote && (ch === '"' || ch === '\\') ? `\\${ch}` : ch;
  }
  return quote ? `"${out}"` : out;
}

function typeChar(st: Stat, full: boolean): string {
  if (st.kind === 'dir') return '/';
  if (!full) return '';
  if (st.kind === 'symlink') return '@';
  if (st.kind === 'file' && st.mode & 0o111) return '*';
  return '';
}

function safeReadlink(ctx: ProcessContext, path: string): string {
  try {
    return ctx.fs.readlink(path);
  } catch {
    return '';
  }
}

// A stable stand-in for inode numbers (the Vfs has none).
function inode(path: string): number {
  let h = 2166136261;
  for (const c of path) h = Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0;
  return (h % 9000000) + 1000;
}

/** `ls [-1AaCxdLHRFplinshrSXvctu] [-w WIDTH] [FILE]...` */
export function ls(ctx: ProcessContext, argv: string[]): number {
  const o = getopt(ctx, 'ls', argv, {
    // busybox 1.35's ls_options "Cadi1lgnsxAkFpRQctuSXrvhLHT:w:" (-k and -T are accepted and ignored)
    flags: '1AaCxdLHRFplinshrSXvctugkQ',
    args: 'wT',
    long: { 'full-time': { key: 'full-time' }, 'group-directories-first': { key: 'dirs-first' }, color: { key: 'color' } },
  });
  if (typeof o === 'number') return o;
  // -n and -g imply -l; -C and -x cancel an earlier -l (busybox's "C-xl:x-Cl:l-xC").
  const long = ['l', 'n', 'g', 'full-time'].includes(o.last('l', 'n', 'g', 'full-time', 'C', 'x') ?? '');
  const lister = new Lister(ctx, o, long);
  const operands = o.operands.length === 0 ? ['.'] : o.operands;
  const followArgs = !(o.has('l') || o.has('n') || o.has('g') || o.has('i') || o.has('s') || o.has('F')) || o.has('H');
  const entries: Entry[] = [];
  for (const op of operands) {
    const e = lister.stat(op, op, followArgs);
    if (e) entries.push(e);
  }
  if (entries.length === 0) return lister.status;
  const showHeader = operands.length > 1;
  if (o.has('d')) {
    lister.display(entries);
    return lister.status;
  }
  const dirs = entries.filter((e) => e.st.kind === 'dir');
  const plain = entries.filter((e) => e.st.kind !== 'dir');
  if (plain.length > 0) lister.display(plain);
  let first = plain.length === 0;
  for (const d of lister.sort(dirs)) {
    lister.listDir(d, showHeader, first);
    first = false;
  }
  return lister.status;
}

/** `ls --help` (busybox 1.35's text, recorded from the real binary; the banner line is printed before it). */
export const lsUsage =
  "\nUsage: ls [-1AaCxdLHRFplinshrSXvctu] [-w WIDTH] [FILE]...\n\nList directory contents\n\n\t-1\tOne column output\n\t-a\tInclude names starting with .\n\t-A\tLike -a, but exclude . and ..\n\t-x\tList by lines\n\t-d\tList directory names, not contents\n\t-L\tFollow symlinks\n\t-H\tFollow symlinks on command line\n\t-R\tRecurse\n\t-p\tAppend / to directory names\n\t-F\tAppend indicator (one of */=@|) to names\n\t-l\tLong format\n\t-i\tList inode numbers\n\t-n\tList numeric UIDs and GIDs instead of names\n\t-s\tList allocated blocks\n\t-lc\tList ctime\n\t-lu\tList atime\n\t--full-time\tList full date/time\n\t-h\tHuman readable sizes (1K 243M 2G)\n\t--group-directories-first\n\t-S\tSort by size\n\t-X\tSort by extension\n\t-v\tSort by version\n\t-t\tSort by mtime\n\t-tc\tSort by ctime\n\t-tu\tSort by atime\n\t-r\tReverse sort order\n\t-w N\tFormat N columns wide\n\t--color[={always,never,auto}]\n";
