// Turns the tar stream `docker cp CONTAINER:path -` prints into the read facet's answers: the Stat of the copied
// path and of its direct children. docker cp puts the requested path first ("x", "tmp/", or "/" for the root)
// and everything below it after.

import type { Stat } from '../fs-types.js';
import type { TarEntry } from '../../tar/tar.js';

/** The copied path and its direct children, by name. */
export interface ArchiveTree {
  top: TarEntry;
  children: Map<string, TarEntry>;
  /** every member by archive path, to resolve hardlinks */
  byPath: Map<string, TarEntry>;
}

/** Splits a docker cp archive into the top member and its direct children; null for an empty archive. */
export function archiveTree(entries: readonly TarEntry[]): ArchiveTree | null {
  const top = entries[0];
  if (top === undefined) return null;
  const prefix = top.path === '/' ? '/' : `${top.path}/`;
  const children = new Map<string, TarEntry>();
  const byPath = new Map<string, TarEntry>();
  for (const entry of entries) {
    byPath.set(entry.path, entry);
    if (entry === top || !entry.path.startsWith(prefix)) continue;
    const name = entry.path.slice(prefix.length);
    if (name !== '' && !name.includes('/')) children.set(name, entry);
  }
  return { top, children, byPath };
}

/** The Stat of a member, in vfs.ts terms (directories 4096 bytes, symlinks their target's length). */
export function statOf(entry: TarEntry, byPath?: ReadonlyMap<string, TarEntry>): Stat {
  // a second name of a file comes as a hardlink member; it is the same file
  const linked = entry.type === 'hardlink' && entry.linkname !== undefined ? byPath?.get(entry.linkname) : undefined;
  const source = linked ?? entry;
  const base = { mode: source.mode, uid: source.uid, gid: source.gid, mtime: source.mtime };
  switch (source.type) {
    case 'file':
      return { kind: 'file', ...base, size: source.data.length };
    case 'hardlink':
      // the file it names was not in this archive: a file of unknown size
      return { kind: 'file', ...base, size: 0 };
    case 'dir':
      return { kind: 'dir', ...base, size: 4096 };
    case 'symlink':
      return { kind: 'symlink', ...base, size: new TextEncoder().encode(source.linkname ?? '').length, target: source.linkname ?? '' };
    case 'char':
    case 'block':
    case 'fifo':
      // NodeKind has no block devices or fifos; 'char' is the closest "special file"
      return { kind: 'char', ...base, size: 0 };
  }
}
