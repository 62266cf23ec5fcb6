// A container's writable layer over its image (overlay2's upperdir over the lowerdirs): reads fall through to
// the image's merged index, writes copy the entry and its parent directories up, deletions leave whiteouts,
// and a directory re-created over a deleted one is opaque. `changes()` is `docker diff`; the upper map is what
// `docker commit` turns into a new layer.

import { ancestors, basename, dirname } from '../fs/path.js';
import type { Creator, FsBackend } from '../fs/backend.js';
import { writtenFile } from '../fs/tree-backend.js';
import type { WriteOptions } from '../fs/vfs.js';
import { diffSize, entrySize, linkOf, unlinked, withMeta, type Entry, type EntryMeta, type LinkGroup, type LiveEntry } from './entry.js';
import { comparePaths, type MergedIndex } from './merged-index.js';

/** One line of `docker diff`. */
export interface Change {
  path: string;
  kind: 'A' | 'C' | 'D';
}

/** The overlay of a mutable upper layer on an immutable lower index. */
export class RwLayer implements FsBackend {
  private readonly upper = new Map<string, Entry>();
  private readonly upperChildren = new Map<string, Set<string>>();
  /** the names of each hard-linked inode of the upper layer */
  private readonly upperLinks = new Map<LinkGroup, Set<string>>();
  /** upper paths copied up from a lower layer (trusted.overlay.origin) */
  private readonly origin = new Set<string>();
  /** upper directories a copied-up child was put in (trusted.overlay.impure) */
  private readonly impure = new Set<string>();
  /**
   * What the upper directory itself says about `/` (it is the container's root: made when the container was,
   * changed when entries come and go or by chmod). Not an entry of the layer, so no diff or commit sees it.
   */
  rootMeta: Partial<EntryMeta> | undefined;

  constructor(readonly lower: MergedIndex) {}

  /**
   * A container layer restored from saved entries (whiteouts and opaque directories included) and the
   * directories that had an external xattr block (`xattrBlockDirs()` when it was saved).
   */
  static restore(lower: MergedIndex, entries: ReadonlyMap<string, Entry>, xattrBlockDirs: readonly string[] = [], rootMeta?: Partial<EntryMeta>): RwLayer {
    const rw = new RwLayer(lower);
    rw.rootMeta = rootMeta;
    for (const path of [...entries.keys()].sort(comparePaths)) rw.setUpper(path, entries.get(path) as Entry);
    for (const dir of xattrBlockDirs) {
      rw.origin.add(dir);
      rw.impure.add(dir);
    }
    return rw;
  }

  get(path: string): LiveEntry | undefined {
    const own = this.upper.get(path);
    if (own) return own.kind === 'whiteout' ? undefined : own;
    const below = this.lowerVisible(path) ? this.lower.get(path) : undefined;
    return path === '/' && below && this.rootMeta ? withMeta(below, this.rootMeta) : below;
  }

  list(path: string): string[] {
    const names = new Set<string>();
    const own = this.upper.get(path);
    const lowerShows = this.lowerVisible(path) && !(own?.kind === 'dir' && own.opaque) && own?.kind !== 'whiteout';
    if (lowerShows && this.lower.get(path)?.kind === 'dir') for (const n of this.lower.childNames(path)) names.add(n);
    for (const n of this.upperChildren.get(path) ?? []) {
      if (this.upper.get(join(path, n))?.kind === 'whiteout') names.delete(n);
      else names.add(n);
    }
    return [...names].sort();
  }

  put(path: string, entry: LiveEntry): void {
    if (path === '/' && entry.kind === 'dir' && !this.upper.has('/')) {
      this.rootMeta = { mode: entry.mode, uid: entry.uid, gid: entry.gid, mtime: entry.mtime };
      return;
    }
    this.copyUpParents(path);
    const lowerEntry = this.lowerVisible(path) ? this.lower.get(path) : undefined;
    const previous = this.upper.get(path);
    // changing an object only a lower layer has (write, chmod, touch) copies it up first
    if (previous === undefined && lowerEntry !== undefined && lowerEntry.kind === entry.kind) this.markCopiedUp(path);
    // A directory created where the lower layers had something deleted or of another kind must hide it.
    const hidesLower =
      entry.kind === 'dir' && lowerEntry !== undefined && (previous?.kind === 'whiteout' || lowerEntry.kind !== 'dir');
    if (previous && previous.kind !== 'whiteout' && previous.kind === 'dir' && entry.kind !== 'dir') {
      this.dropUpperBelow(path);
    }
    // An inode of a lower layer changed here is copied up as a file of its own (overlay2 on 20.10 keeps no
    // index): its other names keep the lower inode, its link count becomes 1 (recorded: docs/archives.md).
    const group = linkOf(entry);
    if (group !== undefined && !this.upperLinks.has(group)) {
      this.setUpper(path, unlinked(entry));
      return;
    }
    this.setUpper(path, hidesLower ? { ...entry, opaque: true } : entry);
    // every name of an upper inode shows the same file
    if (group !== undefined) for (const name of [...(this.upperLinks.get(group) ?? [])]) if (name !== path) this.upper.set(name, entry);
  }

  link(from: string, to: string): void {
    const own = this.upper.get(from);
    const entry = this.get(from);
    if (entry?.kind !== 'file' && entry?.kind !== 'symlink') throw new Error(`link: ${from} is not a file`);
    const group = own !== undefined ? linkOf(own) : undefined;
    if (group !== undefined && this.upperLinks.has(group)) {
      this.put(to, entry);
      return;
    }
    // link(2) on a lower file copies it up first; the upper copy and the new name are one inode
    const fresh: LinkGroup = { origin: from };
    this.upperLinks.set(fresh, new Set());
    const linked = { ...unlinked(entry), link: fresh };
    this.put(from, linked);
    this.put(to, linked);
  }

  linkCount(path: string): number | undefined {
    const own = this.upper.get(path);
    if (own) {
      const group = linkOf(own);
      return group === undefined ? undefined : this.upperLinks.get(group)?.size;
    }
    const group = linkOf(this.get(path));
    return group === undefined ? undefined : this.lower.linkCount(group);
  }

  delete(path: string): void {
    this.copyUpParents(path);
    this.dropUpperBelow(path);
    this.origin.delete(path);
    this.impure.delete(path);
    if (this.lowerVisible(path) && this.lower.get(path)) this.setUpper(path, { kind: 'whiteout' });
    else this.unsetUpper(path);
  }

  write(path: string, data: Uint8Array, options: WriteOptions, creator: Creator): void {
    this.put(path, writtenFile(this.get(path), data, options, creator));
  }

  /** overlayfs merges a directory of the container layer with the same one below it, or one merged below. */
  merged(path: string): boolean {
    const own = this.upper.get(path);
    const below = this.lowerVisible(path) ? this.lower.get(path) : undefined;
    if (own) return own.kind === 'dir' && !own.opaque && below?.kind === 'dir';
    return below?.kind === 'dir' && this.lower.isMerged(path);
  }

  /** st_blocks when the overlay's xattrs decide it (see the header comment), else undefined. */
  blocks(path: string): number | undefined {
    return this.origin.has(path) && this.impure.has(path) && this.upper.get(path)?.kind === 'dir' ? 16 : undefined;
  }

  /** The directories that have an external xattr block, for saving with the layer's entries. */
  xattrBlockDirs(): string[] {
    return [...this.origin].filter((p) => this.blocks(p) !== undefined).sort(comparePaths);
  }

  /**
   * `docker diff`: A for added, C for changed, D for deleted. A directory copied up is C when its mode or owner
   * changed or something below it is a change; one whose only trace is its time (a file made and removed in it,
   * `touch`) is not listed, as 20.10's overlay2 diff skips it (recorded).
   */
  changes(): Change[] {
    const out: Change[] = [];
    const paths = [...this.upper.keys()].sort(comparePaths);
    const listed = new Set<string>();
    // deepest first, so a directory knows whether anything below it is listed
    for (let i = paths.length - 1; i >= 0; i--) {
      const path = paths[i] as string;
      const entry = this.upper.get(path) as Entry;
      const below = this.lowerVisible(path) ? this.lower.get(path) : undefined;
      const quiet = below !== undefined && !listed.has(path) && unchangedCopy(entry, below);
      if (quiet) continue;
      listed.add(path);
      for (let dir = dirname(path); dir !== '/' && !listed.has(dir); dir = dirname(dir)) listed.add(dir);
    }
    for (const path of paths) {
      if (!listed.has(path)) continue;
      const entry = this.upper.get(path) as Entry;
      if (entry.kind === 'whiteout') out.push({ path, kind: 'D' });
      else out.push({ path, kind: this.lowerVisible(path) && this.lower.get(path) ? 'C' : 'A' });
    }
    return out;
  }

  /** The container layer's own entries, for `docker commit` (a new Layer is made from a copy). */
  snapshot(): Map<string, Entry> {
    return new Map(this.upper);
  }

  /** Bytes in the container layer (`docker ps -s`). */
  get size(): number {
    return diffSize(this.upper.values());
  }

  usedBytes(): number {
    return this.size;
  }

  /** False when a whiteout, an opaque directory or a replaced non-directory above hides the lower path. */
  private lowerVisible(path: string): boolean {
    for (const dir of ancestors(path)) {
      const own = this.upper.get(dir);
      if (!own) continue;
      if (own.kind !== 'dir' || own.opaque) return false;
    }
    return true;
  }

  /** overlay copies every parent directory into the upper layer before it creates or changes a child. */
  private copyUpParents(path: string): void {
    for (const dir of ancestors(path)) {
      if (this.upper.has(dir)) continue;
      const lowerDir = this.lower.get(dir);
      if (lowerDir) {
        this.setUpper(dir, lowerDir);
        this.markCopiedUp(dir);
      }
    }
  }

  private markCopiedUp(path: string): void {
    this.origin.add(path);
    this.impure.add(dirname(path));
  }

  private setUpper(path: string, entry: Entry): void {
    this.forgetLink(path);
    const group = linkOf(entry);
    if (group !== undefined) {
      let names = this.upperLinks.get(group);
      if (!names) this.upperLinks.set(group, (names = new Set()));
      names.add(path);
    }
    this.upper.set(path, entry);
    let set = this.upperChildren.get(dirname(path));
    if (!set) this.upperChildren.set(dirname(path), (set = new Set()));
    set.add(basename(path));
  }

  // the path stops being a name of the upper inode it held
  private forgetLink(path: string): void {
    const group = linkOf(this.upper.get(path));
    if (group === undefined) return;
    const names = this.upperLinks.get(group);
    names?.delete(path);
    if (names?.size === 0) this.upperLinks.delete(group);
  }

  private unsetUpper(path: string): void {
    this.forgetLink(path);
    this.upper.delete(path);
    this.upperChildren.get(dirname(path))?.delete(basename(path));
  }

  private dropUpperBelow(path: string): void {
    for (const name of this.upperChildren.get(path) ?? []) {
      const child = join(path, name);
      this.dropUpperBelow(child);
      this.forgetLink(child);
      this.upper.delete(child);
      this.origin.delete(child);
      this.impure.delete(child);
    }
    this.upperChildren.delete(path);
  }
}

/**
 * A copy-up that changed nothing moby's overlay diff compares: a directory with its mode and owner (its time
 * does not count), anything else with its mode, owner, time and size too (a lower file copied up only to be
 * hard-linked is not a change; recorded on 20.10).
 */
function unchangedCopy(entry: Entry, below: LiveEntry): boolean {
  if (entry.kind === 'whiteout' || entry.kind !== below.kind) return false;
  if (entry.mode !== below.mode || entry.uid !== below.uid || entry.gid !== below.gid) return false;
  if (entry.kind === 'dir') return !entry.opaque;
  return entry.mtime === below.mtime && entrySize(entry) === entrySize(below);
}

function join(dir: string, name: string): string {
  return dir === '/' ? `/${name}` : `${dir}/${name}`;
}
