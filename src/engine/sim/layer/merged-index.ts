// The flattened view of a stack of layers: one map from path to the visible entry, plus each directory's child
// names. Built once per layer chain and shared by every container and image on top of it, so reading a file
// costs one map lookup whatever the depth of the image.

import { basename, dirname } from '../fs/path.js';
import { linkOf, type Entry, type LinkGroup, type LiveEntry } from './entry.js';

const ROOT: LiveEntry = { kind: 'dir', opaque: false, mode: 0o755, uid: 0, gid: 0, mtime: 0 };

/** Path → visible entry for a whole layer chain; immutable once built. */
export class MergedIndex {
  private readonly nodes: Map<string, LiveEntry>;
  private readonly children: Map<string, Set<string>>;
  /** child-name sets this index may change in place; the others are still shared with the parent index */
  private readonly owned: Set<string>;
  /** directories present in more than one layer: overlayfs merges them (and reports st_nlink 1) */
  private readonly mergedDirs: Set<string>;
  /**
   * st_nlink of each hard-linked inode: the names it has in the layer that holds it (overlay2 shows a lower
   * file's own inode, whatever upper layers hide or add), shared with the parent index until a layer links.
   */
  private links: ReadonlyMap<LinkGroup, number>;

  private constructor(
    nodes: Map<string, LiveEntry>,
    children: Map<string, Set<string>>,
    owned: Set<string>,
    mergedDirs: Set<string>,
    links: ReadonlyMap<LinkGroup, number>,
  ) {
    this.nodes = nodes;
    this.children = children;
    this.owned = owned;
    this.mergedDirs = mergedDirs;
    this.links = links;
  }

  /** The index of an empty filesystem (scratch): just the root directory. */
  static empty(): MergedIndex {
    return new MergedIndex(new Map([['/', ROOT]]), new Map(), new Set(), new Set(), new Map());
  }

  /** A new index: this one with `entries` (one layer's content) applied on top. */
  derive(entries: ReadonlyMap<string, Entry>): MergedIndex {
    // Copying the maps is native and linear; child sets are copied only when a layer changes that directory.
    const next = new MergedIndex(new Map(this.nodes), new Map(this.children), new Set(), new Set(this.mergedDirs), this.links);
    const paths = [...entries.keys()].sort(comparePaths);
    const counts = new Map<LinkGroup, number>();
    for (const path of paths) {
      const entry = entries.get(path) as Entry;
      next.apply(path, entry);
      const group = linkOf(entry);
      if (group !== undefined) counts.set(group, (counts.get(group) ?? 0) + 1);
    }
    if (counts.size > 0) next.links = new Map([...this.links, ...counts]);
    return next;
  }

  /** st_nlink of a hard-linked inode of the chain (1 for a group no layer holds). */
  linkCount(group: LinkGroup): number {
    return this.links.get(group) ?? 1;
  }

  get(path: string): LiveEntry | undefined {
    return this.nodes.get(path);
  }

  /** True for a directory that more than one layer of the chain defines. */
  isMerged(path: string): boolean {
    return this.mergedDirs.has(path);
  }

  /** Child names of a directory, unsorted. */
  childNames(path: string): ReadonlySet<string> {
    return this.children.get(path) ?? EMPTY;
  }

  get size(): number {
    return this.nodes.size;
  }

  private apply(path: string, entry: Entry): void {
    const existing = this.nodes.get(path);
    if (existing?.kind === 'dir' && entry.kind === 'dir' && !entry.opaque) this.mergedDirs.add(path);
    else if (entry.kind !== 'whiteout') this.mergedDirs.delete(path);
    if (path === '/') {
      if (entry.kind === 'dir') this.nodes.set('/', entry);
      return;
    }
    if (entry.kind === 'whiteout') {
      if (existing) this.remove(path);
      return;
    }
    if (existing && (existing.kind === 'dir') !== (entry.kind === 'dir')) this.remove(path);
    else if (existing && entry.kind === 'dir' && entry.opaque) this.removeChildren(path);
    this.ensureDir(dirname(path));
    this.nodes.set(path, entry);
    this.mutableChildren(dirname(path)).add(basename(path));
  }

  /** Tarballs may omit parent directories; extraction creates them, as Docker's does. */
  private ensureDir(path: string): void {
    const existing = this.nodes.get(path);
    if (existing?.kind === 'dir') return;
    this.ensureDir(dirname(path));
    if (existing) this.remove(path);
    this.nodes.set(path, ROOT);
    this.mergedDirs.delete(path);
    this.mutableChildren(dirname(path)).add(basename(path));
  }

  private remove(path: string): void {
    this.mergedDirs.delete(path);
    this.removeChildren(path);
    this.nodes.delete(path);
    this.mutableChildren(dirname(path)).delete(basename(path));
  }

  private removeChildren(path: string): void {
    const names = this.children.get(path);
    if (!names) return;
    for (const name of names) {
      const child = path === '/' ? `/${name}` : `${path}/${name}`;
      this.removeChildren(child);
      this.nodes.delete(child);
    }
    this.children.delete(path);
    this.owned.delete(path);
  }

  private mutableChildren(dir: string): Set<string> {
    let set = this.children.get(dir);
    if (!set) {
      set = new Set();
      this.children.set(dir, set);
      this.owned.add(dir);
    } else if (!this.owned.has(dir)) {
      set = new Set(set);
      this.children.set(dir, set);
      this.owned.add(dir);
    }
    return set;
  }
}

const EMPTY: ReadonlySet<string> = new Set();

/** Orders paths so that a directory always comes before what it contains ("/a" < "/a/b" < "/a-b"). */
export function comparePaths(a: string, b: string): number {
  const x = a.split('/');
  const y = b.split('/');
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) {
    if (x[i] !== y[i]) return (x[i] as string) < (y[i] as string) ? -1 : 1;
  }
  return x.length - y.length;
}
