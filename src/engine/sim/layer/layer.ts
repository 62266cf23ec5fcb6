// A read-only layer as moby's layer store has it: the diff (a path → entry map), its content digest (diffID),
// its chain ID (which also covers every layer below) and its parent. Layers are immutable and shared between
// images, containers and simulator states, never copied.

import { sha256Stream } from './digest.js';
import { diffSize, linkOf, type Entry, type LinkGroup } from './entry.js';
import { MergedIndex, comparePaths } from './merged-index.js';

/** overlay2's limit on lower layers; one more fails with "max depth exceeded". */
export const MAX_LAYER_DEPTH = 125;

/**
 * A layer kept somewhere else (a saved state, the fixture cache) whose digest and size are already known: its
 * entries are read on first use, so a command that never looks inside (`docker ps`) never reads them. `load`
 * must give the entries that hash to `diffId` (the store checks its file's digest before handing them over).
 */
export interface StoredDiff {
  diffId: string;
  size: number;
  load: () => ReadonlyMap<string, Entry>;
}

/** An immutable filesystem diff on top of an optional parent. */
export class Layer {
  readonly diffId: string;
  readonly chainId: string;
  /** number of layers in the chain, this one included */
  readonly depth: number;
  /** bytes Docker counts for this layer (file contents and symlink targets) */
  readonly size: number;
  private cachedIndex: MergedIndex | undefined;
  private diff: ReadonlyMap<string, Entry> | undefined;
  private readonly load: (() => ReadonlyMap<string, Entry>) | undefined;

  constructor(
    readonly parent: Layer | null,
    entries: ReadonlyMap<string, Entry> | StoredDiff,
  ) {
    if (!isStored(entries)) {
      this.diff = entries;
      this.diffId = `sha256:${digestEntries(entries)}`;
      this.size = diffSize(entries.values());
    } else {
      this.load = entries.load;
      this.diffId = entries.diffId;
      this.size = entries.size;
    }
    this.chainId = parent ? `sha256:${sha(`${parent.chainId} ${this.diffId}`)}` : this.diffId;
    this.depth = parent ? parent.depth + 1 : 1;
  }

  /** The diff: path → entry (a stored layer reads it now, once). */
  get entries(): ReadonlyMap<string, Entry> {
    return (this.diff ??= (this.load as () => ReadonlyMap<string, Entry>)());
  }

  /** Whether the entries are in memory (a stored layer nobody has looked into is not). */
  get loaded(): boolean {
    return this.diff !== undefined;
  }

  /** The union of this layer and all below it, built on first use from the nearest cached ancestor. */
  get index(): MergedIndex {
    if (this.cachedIndex) return this.cachedIndex;
    const pending: Layer[] = [];
    let base: MergedIndex = MergedIndex.empty();
    for (let layer: Layer | null = selfOf(this); layer; layer = layer.parent) {
      if (layer.cachedIndex) {
        base = layer.cachedIndex;
        break;
      }
      pending.push(layer);
    }
    for (let i = pending.length - 1; i >= 0; i--) {
      const layer = pending[i] as Layer;
      base = base.derive(layer.entries);
      // Only the requested top keeps its index: caching every intermediate would cost O(depth × files).
      if (i === 0) layer.cachedIndex = base;
    }
    return base;
  }

  /** Every layer of the chain, bottom first. */
  chain(): Layer[] {
    const out: Layer[] = [];
    for (let layer: Layer | null = selfOf(this); layer; layer = layer.parent) out.push(layer);
    return out.reverse();
  }
}

function isStored(entries: ReadonlyMap<string, Entry> | StoredDiff): entries is StoredDiff {
  return typeof (entries as Partial<StoredDiff>).load === 'function';
}

/** Walks start from the layer itself (a function, so the loops need no alias of `this`). */
function selfOf(layer: Layer): Layer | null {
  return layer;
}

function sha(text: string): string {
  const h = sha256Stream();
  h.update(text);
  return h.hex();
}

/** A stable digest of a diff: every path with its kind, metadata and content, in path order. */
function digestEntries(entries: ReadonlyMap<string, Entry>): string {
  const h = sha256Stream();
  // a second name of an inode is a hard link to the first (as the layer's tar has it)
  const firstName = new Map<LinkGroup, string>();
  for (const path of [...entries.keys()].sort(comparePaths)) {
    const e = entries.get(path) as Entry;
    if (e.kind === 'whiteout') {
      h.update(`${path}\0W\n`);
      continue;
    }
    const group = linkOf(e);
    if (group !== undefined) {
      const first = firstName.get(group);
      if (first !== undefined) {
        h.update(`${path}\0hardlink\0${first}\n`);
        continue;
      }
      firstName.set(group, path);
    }
    h.update(`${path}\0${e.kind}\0${e.mode}\0${e.uid}\0${e.gid}\0${e.mtime}\0`);
    if (e.kind === 'file') {
      h.update(`${e.data.length}\0`);
      h.update(e.data);
    } else if (e.kind === 'dir') h.update(e.opaque ? 'O' : '-');
    else if (e.kind === 'symlink') h.update(e.target);
    else h.update(`${e.major},${e.minor}`);
    h.update('\n');
  }
  return h.hex();
}
