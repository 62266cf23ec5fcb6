// What a layer stores at one path. Mirrors the tar entries of a Docker layer: regular files, directories
// (possibly opaque: ".wh..wh..opq"), symlinks, character devices, and whiteouts (".wh.<name>") that hide a
// path of a lower layer. Entries are immutable values: a change makes a new entry, so layers can share them.

import type { Stat } from '../fs/vfs.js';

/** Ownership, permission bits and modification time, common to every stored object. */
export interface EntryMeta {
  readonly mode: number;
  readonly uid: number;
  readonly gid: number;
  readonly mtime: number;
}

/**
 * One inode with several names (hard links). Entries are values, so the names of one inode are the paths whose
 * entries carry the same group (compared by identity); the filesystem holding them keeps them equal and counts
 * them (st_nlink). `origin` is the name the link was first made from: what the inode number is derived from.
 */
export interface LinkGroup {
  readonly origin: string;
}

/** A regular file; `data` is never mutated in place. */
export interface FileEntry extends EntryMeta {
  readonly kind: 'file';
  readonly data: Uint8Array;
  /** set when the file has (or had) other names in its filesystem */
  readonly link?: LinkGroup;
}

/** A directory; `opaque` hides everything below it in lower layers. */
export interface DirEntry extends EntryMeta {
  readonly kind: 'dir';
  readonly opaque: boolean;
}

/** A symbolic link. */
export interface SymlinkEntry extends EntryMeta {
  readonly kind: 'symlink';
  readonly target: string;
  /** a hard link to a symbolic link (link(2) does not follow it) */
  readonly link?: LinkGroup;
}

/** A character device (/dev/null, /dev/zero; overlay's own whiteouts are 0/0 devices), or a block device. */
export interface CharEntry extends EntryMeta {
  readonly kind: 'char';
  readonly major: number;
  readonly minor: number;
  /** a block device node (S_IFBLK): made by mknod, kept and listed as such */
  readonly block?: true;
}

/** A deletion marker hiding the path (and everything below it) in lower layers. */
export interface WhiteoutEntry {
  readonly kind: 'whiteout';
}

/** Any stored object. */
export type Entry = FileEntry | DirEntry | SymlinkEntry | CharEntry | WhiteoutEntry;

/** A visible (non-whiteout) entry. */
export type LiveEntry = Exclude<Entry, WhiteoutEntry>;

/** The size Docker counts for an entry: file bytes, symlink target length, nothing for the rest. */
export function entrySize(entry: Entry): number {
  if (entry.kind === 'file') return entry.data.length;
  if (entry.kind === 'symlink') return new TextEncoder().encode(entry.target).length;
  return 0;
}

/** The lstat view of a visible entry. */
export function entryStat(entry: LiveEntry): Stat {
  const base = { mode: entry.mode, uid: entry.uid, gid: entry.gid, mtime: entry.mtime };
  switch (entry.kind) {
    case 'file':
      return { kind: 'file', size: entry.data.length, ...base };
    case 'dir':
      return { kind: 'dir', size: 4096, ...base };
    case 'symlink':
      return { kind: 'symlink', size: entry.target.length, target: entry.target, ...base };
    case 'char':
      return { kind: 'char', size: 0, device: [entry.major, entry.minor], ...(entry.block ? { block: true as const } : {}), ...base };
  }
}

/** The same entry with other metadata (chmod, chown, touch). */
export function withMeta<T extends LiveEntry>(entry: T, meta: Partial<EntryMeta>): T {
  return { ...entry, ...meta };
}

/** The link group of an entry, if it has one. */
export function linkOf(entry: Entry | undefined): LinkGroup | undefined {
  return entry !== undefined && (entry.kind === 'file' || entry.kind === 'symlink') ? entry.link : undefined;
}

/** The same entry as an inode of its own (overlay's copy-up, a copy): no link group. */
export function unlinked<T extends Entry>(entry: T): T {
  if (linkOf(entry) === undefined) return entry;
  const { link: _dropped, ...rest } = entry as T & { link?: LinkGroup };
  return rest as T;
}

/**
 * Bytes Docker counts for a diff: each inode once (moby's directory.Size skips a hard link it has seen), so a
 * file with two names counts once.
 */
export function diffSize(entries: Iterable<Entry>): number {
  let size = 0;
  const seen = new Set<LinkGroup>();
  for (const entry of entries) {
    const group = linkOf(entry);
    if (group !== undefined) {
      if (seen.has(group)) continue;
      seen.add(group);
    }
    size += entrySize(entry);
  }
  return size;
}

