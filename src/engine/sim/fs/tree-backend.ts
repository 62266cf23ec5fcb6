// A plain mutable in-memory tree: the content of a volume, the container's /dev, a bind-mounted file such as
// /etc/hostname, or a whole sandbox host kept in memory. Its root may be a directory or a single file.

import { basename, dirname } from './path.js';
import { diffSize, linkOf, type Entry, type LinkGroup, type LiveEntry } from '../layer/entry.js';
import type { Creator, FsBackend } from './backend.js';
import type { WriteOptions } from './vfs.js';

/** An in-memory filesystem with a child index for listings. */
export class TreeBackend implements FsBackend {
  private readonly nodes = new Map<string, LiveEntry>();
  private readonly children = new Map<string, Set<string>>();
  /** the names of each hard-linked inode; made at the first hard link (most trees, /dev or /etc/hosts, have none) */
  private links: Map<LinkGroup, Set<string>> | undefined;

  constructor(root: LiveEntry = { kind: 'dir', opaque: false, mode: 0o755, uid: 0, gid: 0, mtime: 0 }) {
    this.nodes.set('/', root);
  }

  get(path: string): LiveEntry | undefined {
    return this.nodes.get(path);
  }

  list(path: string): string[] {
    return [...(this.children.get(path) ?? [])].sort();
  }

  put(path: string, entry: LiveEntry): void {
    if (path !== '/') {
      const existing = this.nodes.get(path);
      if (existing?.kind === 'dir' && entry.kind !== 'dir') this.delete(path);
      let set = this.children.get(dirname(path));
      if (!set) this.children.set(dirname(path), (set = new Set()));
      set.add(basename(path));
    }
    this.forget(path);
    const group = linkOf(entry);
    if (group === undefined) {
      this.nodes.set(path, entry);
      return;
    }
    // every name of an inode shows the same file: a write or chmod through one is seen through the others
    this.links ??= new Map();
    let names = this.links.get(group);
    if (!names) this.links.set(group, (names = new Set()));
    names.add(path);
    for (const name of names) this.nodes.set(name, entry);
  }

  delete(path: string): void {
    for (const name of this.children.get(path) ?? []) this.delete(path === '/' ? `/${name}` : `${path}/${name}`);
    this.children.delete(path);
    if (path === '/') return;
    this.forget(path);
    this.nodes.delete(path);
    this.children.get(dirname(path))?.delete(basename(path));
  }

  link(from: string, to: string): void {
    const entry = this.nodes.get(from);
    if (entry?.kind !== 'file' && entry?.kind !== 'symlink') throw new Error(`link: ${from} is not a file`);
    const linked = entry.link ? entry : { ...entry, link: { origin: from } };
    this.put(from, linked);
    this.put(to, linked);
  }

  linkCount(path: string): number | undefined {
    const group = linkOf(this.nodes.get(path));
    return group === undefined ? undefined : this.links?.get(group)?.size;
  }

  // the path stops being a name of the inode it held
  private forget(path: string): void {
    // without a hard link put in this tree, no path is a name of one
    if (this.links === undefined) return;
    const group = linkOf(this.nodes.get(path));
    if (group === undefined) return;
    const names = this.links.get(group);
    names?.delete(path);
    if (names?.size === 0) this.links.delete(group);
  }

  write(path: string, data: Uint8Array, options: WriteOptions, creator: Creator): void {
    this.put(path, writtenFile(this.nodes.get(path), data, options, creator));
  }

  /** Every entry, path first; used to snapshot a volume or to seed it from an image. */
  *entries(): IterableIterator<[string, LiveEntry]> {
    yield* this.nodes.entries();
  }

  /** Copies a subtree of another index into this tree (a volume filled from the image at first mount). */
  fill(source: Iterable<[string, Entry]>): void {
    for (const [path, entry] of source) if (entry.kind !== 'whiteout') this.put(path, entry);
  }

  /** Bytes stored (file contents and symlink targets), as `docker system df` counts them. */
  get size(): number {
    return diffSize([...this.nodes.values()].filter((e) => e.kind === 'file'));
  }

  usedBytes(): number {
    return this.size;
  }
}

/** The file entry that results from writing `data` to `existing` (or to a new file). */
export function writtenFile(
  existing: LiveEntry | undefined,
  data: Uint8Array,
  options: WriteOptions,
  creator: Creator,
): LiveEntry {
  if (existing?.kind === 'file') {
    const next = options.append ? concat(existing.data, data) : data;
    return { ...existing, data: next, mtime: creator.now };
  }
  return {
    kind: 'file',
    data,
    mode: options.mode ?? 0o644,
    uid: creator.uid,
    gid: creator.gid,
    mtime: creator.now,
  };
}

/**
 * How far each buffer that appends grow into is filled. A file's data is an immutable view of it: an append
 * writes past the end of the newest view and hands out a longer one, so `yes > f` or a loop of `>>` costs time
 * in proportion to what is written, not its square (the older, shorter views never see the new bytes).
 */
const filled = new WeakMap<ArrayBufferLike, number>();

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const n = a.length + b.length;
  if (a.byteOffset === 0 && filled.get(a.buffer) === a.length && a.buffer.byteLength >= n) {
    new Uint8Array(a.buffer, a.length, b.length).set(b);
    filled.set(a.buffer, n);
    return new Uint8Array(a.buffer, 0, n);
  }
  // small files get no spare room; a growing one gets as much again, so appends double it at most log n times
  const room = n < 65536 ? n : n * 2;
  const out = new Uint8Array(new ArrayBuffer(room), 0, n);
  out.set(a, 0);
  out.set(b, a.length);
  if (room > n) filled.set(out.buffer, n);
  return out;
}
