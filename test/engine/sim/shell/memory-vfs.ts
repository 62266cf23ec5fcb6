// A small in-memory Vfs for the shell tests: a Map of normalised path → node, with symlinks, char devices and
// read-only subtrees (EROFS), so every applet can be tested without the union filesystem.

import { FsError } from '../../../../src/engine/sim/fs/vfs.js';
import type { NodeKind, Stat, Vfs, WriteOptions } from '../../../../src/engine/sim/fs/vfs.js';
import { basename, dirname, isWithin } from '../../../../src/engine/sim/fs/path.js';

interface Node {
  kind: NodeKind;
  mode: number;
  uid: number;
  gid: number;
  mtime: number;
  data?: Uint8Array;
  target?: string;
}

/** Options for building a MemoryVfs. */
export interface MemoryVfsOptions {
  /** subtrees where every change throws EROFS (like a `:ro` bind mount) */
  readOnly?: string[];
  /** mtime given to new and touched nodes */
  now?: () => number;
}

/** Plain-data description of a tree for `MemoryVfs.from`: a string is a file, `{dir}`, `{link}`, `{char}` the rest. */
export type TreeSpec = Record<
  string,
  string | Uint8Array | { dir: true; mode?: number } | { link: string } | { char: true } | { file: string | Uint8Array; mode: number }
>;

const enc = new TextEncoder();

/** A Vfs over a Map; the test double for the union filesystem. */
export class MemoryVfs implements Vfs {
  readonly nodes = new Map<string, Node>();
  private readonly readOnly: string[];
  private readonly now: () => number;

  constructor(options: MemoryVfsOptions = {}) {
    this.readOnly = options.readOnly ?? [];
    this.now = options.now ?? (() => Date.UTC(2026, 10, 22, 21, 26, 0));
    this.nodes.set('/', this.node('dir', 0o755));
  }

  /** Builds a tree; parents are created as 0755 directories. */
  static from(spec: TreeSpec, options: MemoryVfsOptions = {}): MemoryVfs {
    const fs = new MemoryVfs(options);
    for (const [path, value] of Object.entries(spec)) {
      fs.ensureParents(path);
      if (typeof value === 'string' || value instanceof Uint8Array) {
        fs.nodes.set(path, { ...fs.node('file', 0o644), data: typeof value === 'string' ? enc.encode(value) : value });
      } else if ('dir' in value) fs.nodes.set(path, fs.node('dir', value.mode ?? 0o755));
      else if ('link' in value) fs.nodes.set(path, { ...fs.node('symlink', 0o777), target: value.link });
      else if ('char' in value) fs.nodes.set(path, fs.node('char', 0o666));
      else {
        const data = typeof value.file === 'string' ? enc.encode(value.file) : value.file;
        fs.nodes.set(path, { ...fs.node('file', value.mode), data });
      }
    }
    return fs;
  }

  private node(kind: NodeKind, mode: number): Node {
    return { kind, mode, uid: 0, gid: 0, mtime: this.now() };
  }

  private ensureParents(path: string): void {
    const parts = path.split('/').filter(Boolean);
    let cur = '';
    for (const part of parts.slice(0, -1)) {
      cur += `/${part}`;
      if (!this.nodes.has(cur)) this.nodes.set(cur, this.node('dir', 0o755));
    }
  }

  /** Resolves symlinks in every component (and the last one when `follow`); returns the real path. */
  private resolve(path: string, follow: boolean, depth = 0): string {
    if (depth > 40) throw new FsError('ELOOP', path);
    const parts = path.split('/').filter(Boolean);
    let cur = '';
    for (let i = 0; i < parts.length; i++) {
      const next = `${cur}/${parts[i]}`;
      const node = this.nodes.get(next);
      const last = i === parts.length - 1;
      if (node?.kind === 'symlink' && (!last || follow)) {
        const target = node.target ?? '';
        const base = target.startsWith('/') ? target : `${cur}/${target}`;
        const rest = parts.slice(i + 1).join('/');
        const joined = normalise(rest ? `${base}/${rest}` : base);
        return this.resolve(joined, follow, depth + 1);
      }
      if (!last) {
        if (!node) throw new FsError('ENOENT', path);
        if (node.kind !== 'dir') throw new FsError('ENOTDIR', path);
      }
      cur = next;
    }
    return cur === '' ? '/' : cur;
  }

  private get(path: string, follow: boolean): Node {
    const node = this.nodes.get(this.resolve(path, follow));
    if (!node) throw new FsError('ENOENT', path);
    return node;
  }

  private checkWritable(real: string, path: string): void {
    if (this.readOnly.some((root) => isWithin(root, real))) throw new FsError('EROFS', path);
  }

  private parentOf(real: string, path: string): Node {
    const parent = this.nodes.get(dirname(real));
    if (!parent) throw new FsError('ENOENT', path);
    if (parent.kind !== 'dir') throw new FsError('ENOTDIR', path);
    return parent;
  }

  private statOf(node: Node): Stat {
    const size = node.kind === 'dir' ? 4096 : node.kind === 'symlink' ? (node.target ?? '').length : (node.data?.length ?? 0);
    const stat: Stat = { kind: node.kind, mode: node.mode, uid: node.uid, gid: node.gid, size, mtime: node.mtime };
    if (node.target !== undefined) stat.target = node.target;
    return stat;
  }

  lstat(path: string): Stat | null {
    try {
      return this.statOf(this.get(path, false));
    } catch {
      return null;
    }
  }

  stat(path: string): Stat | null {
    try {
      return this.statOf(this.get(path, true));
    } catch {
      return null;
    }
  }

  readFile(path: string): Uint8Array {
    const node = this.get(path, true);
    if (node.kind === 'dir') throw new FsError('EISDIR', path);
    return node.data ?? new Uint8Array();
  }

  writeFile(path: string, data: Uint8Array, options: WriteOptions = {}): void {
    const real = this.resolve(path, true);
    const existing = this.nodes.get(real);
    if (existing?.kind === 'dir') throw new FsError('EISDIR', path);
    this.parentOf(real, path);
    this.checkWritable(real, path);
    if (existing?.kind === 'char') return;
    if (existing) {
      existing.data = options.append ? concat(existing.data ?? new Uint8Array(), data) : data.slice();
      existing.mtime = this.now();
    } else {
      this.nodes.set(real, { ...this.node('file', options.mode ?? 0o644), data: data.slice() });
    }
  }

  readdir(path: string): string[] {
    const real = this.resolve(path, true);
    const node = this.nodes.get(real);
    if (!node) throw new FsError('ENOENT', path);
    if (node.kind !== 'dir') throw new FsError('ENOTDIR', path);
    const prefix = real === '/' ? '/' : `${real}/`;
    const names: string[] = [];
    for (const key of this.nodes.keys()) {
      if (key !== real && key.startsWith(prefix) && !key.slice(prefix.length).includes('/')) names.push(basename(key));
    }
    return names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  }

  mkdir(path: string, mode = 0o755): void {
    const real = this.resolve(path, false);
    if (this.nodes.has(real)) throw new FsError('EEXIST', path);
    this.parentOf(real, path);
    this.checkWritable(real, path);
    this.nodes.set(real, this.node('dir', mode));
  }

  unlink(path: string): void {
    const real = this.resolve(path, false);
    const node = this.nodes.get(real);
    if (!node) throw new FsError('ENOENT', path);
    if (node.kind === 'dir') throw new FsError('EISDIR', path);
    this.checkWritable(real, path);
    this.nodes.delete(real);
  }

  rmdir(path: string): void {
    const real = this.resolve(path, false);
    const node = this.nodes.get(real);
    if (!node) throw new FsError('ENOENT', path);
    if (node.kind !== 'dir') throw new FsError('ENOTDIR', path);
    if (real === '/') throw new FsError('EBUSY', path);
    if (this.readdir(real).length > 0) throw new FsError('ENOTEMPTY', path);
    this.checkWritable(real, path);
    this.nodes.delete(real);
  }

  symlink(target: string, path: string): void {
    const real = this.resolve(path, false);
    if (this.nodes.has(real)) throw new FsError('EEXIST', path);
    this.parentOf(real, path);
    this.checkWritable(real, path);
    this.nodes.set(real, { ...this.node('symlink', 0o777), target });
  }

  readlink(path: string): string {
    const node = this.get(path, false);
    if (node.kind !== 'symlink') throw new FsError('EINVAL', path);
    return node.target ?? '';
  }

  rename(from: string, to: string): void {
    const src = this.resolve(from, false);
    const dst = this.resolve(to, false);
    const node = this.nodes.get(src);
    if (!node) throw new FsError('ENOENT', from);
    this.parentOf(dst, to);
    this.checkWritable(src, from);
    this.checkWritable(dst, to);
    const existing = this.nodes.get(dst);
    if (existing?.kind === 'dir' && node.kind !== 'dir') throw new FsError('EISDIR', to);
    if (existing?.kind === 'dir' && this.readdir(dst).length > 0) throw new FsError('ENOTEMPTY', to);
    if (existing && existing.kind !== 'dir' && node.kind === 'dir') throw new FsError('ENOTDIR', to);
    if (isWithin(src, dst) && src !== dst) throw new FsError('EINVAL', to);
    const moved: [string, Node][] = [];
    for (const [key, value] of this.nodes) {
      if (isWithin(src, key)) moved.push([key, value]);
    }
    for (const [key] of moved) this.nodes.delete(key);
    for (const [key, value] of moved) this.nodes.set(dst + key.slice(src.length), value);
  }

  chmod(path: string, mode: number): void {
    const real = this.resolve(path, true);
    const node = this.get(path, true);
    this.checkWritable(real, path);
    node.mode = mode & 0o7777;
  }

  chown(path: string, uid: number, gid: number): void {
    const real = this.resolve(path, true);
    const node = this.get(path, true);
    this.checkWritable(real, path);
    node.uid = uid;
    node.gid = gid;
  }

  utimes(path: string, mtime: number): void {
    const real = this.resolve(path, true);
    const node = this.get(path, true);
    this.checkWritable(real, path);
    node.mtime = mtime;
  }

  realpath(path: string): string {
    const real = this.resolve(path, true);
    if (!this.nodes.has(real)) throw new FsError('ENOENT', path);
    return real;
  }

  /** Test helper: creates a character device node (the Vfs interface has no mknod). */
  mkchar(path: string): void {
    this.nodes.set(path, this.node('char', 0o666));
  }

  /** Test helper: file content as text. */
  text(path: string): string {
    return new TextDecoder().decode(this.readFile(path));
  }
}

function normalise(path: string): string {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return `/${out.join('/')}`;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}
