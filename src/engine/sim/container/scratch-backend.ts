// A throwaway copy-on-write layer over a mounted backend. A main process replayed up to where it stood writes
// here (what it did then is already in the container), and so does a process run ahead only to learn when it
// would end; the backend underneath never changes.

import { dirname } from '../fs/path.js';
import type { Creator, FsBackend } from '../fs/backend.js';
import { writtenFile } from '../fs/tree-backend.js';
import type { WriteOptions } from '../fs/vfs.js';
import type { LiveEntry } from '../layer/entry.js';

/** Reads fall through to `base` unless this layer changed the path; writes stay here. */
export class ScratchBackend implements FsBackend {
  /** null: removed here */
  private readonly upper = new Map<string, LiveEntry | null>();
  /** paths removed here: nothing of `base` below them shows any more, even once they are created again */
  private readonly hidden = new Set<string>();

  constructor(private readonly base: FsBackend) {}

  get(path: string): LiveEntry | undefined {
    const own = this.upper.get(path);
    if (own !== undefined) return own ?? undefined;
    return this.hiddenBelow(path) ? undefined : this.base.get(path);
  }

  list(path: string): string[] {
    const names = new Set(this.hidden.has(path) || this.hiddenBelow(path) ? [] : this.base.list(path));
    for (const [p, entry] of this.upper) {
      if (p === '/' || dirname(p) !== path) continue;
      const name = p.slice(path === '/' ? 1 : path.length + 1);
      if (entry) names.add(name);
      else names.delete(name);
    }
    return [...names].sort();
  }

  // a name this layer did not touch keeps the link count the container shows (the copy here is throwaway)
  linkCount(path: string): number | undefined {
    return this.upper.has(path) ? undefined : this.base.linkCount?.(path);
  }

  put(path: string, entry: LiveEntry): void {
    const before = this.get(path);
    // a directory replaced by something else takes its children with it
    if (before?.kind === 'dir' && entry.kind !== 'dir') this.delete(path);
    this.upper.set(path, entry);
  }

  delete(path: string): void {
    for (const p of [...this.upper.keys()]) if (p.startsWith(path === '/' ? '/' : `${path}/`)) this.upper.delete(p);
    this.upper.set(path, null);
    this.hidden.add(path);
  }

  write(path: string, data: Uint8Array, options: WriteOptions, creator: Creator): void {
    this.put(path, writtenFile(this.get(path), data, options, creator));
  }

  merged(path: string): boolean {
    return !this.upper.has(path) && (this.base.merged?.(path) ?? false);
  }

  blocks(path: string): number | undefined {
    return this.upper.has(path) ? undefined : this.base.blocks?.(path);
  }

  dirSize(path: string): number | undefined {
    return this.upper.has(path) ? undefined : this.base.dirSize?.(path);
  }

  /** true when the path lies below a path removed here */
  private hiddenBelow(path: string): boolean {
    for (let p = path; p !== '/'; ) {
      p = dirname(p);
      if (this.hidden.has(p)) return true;
    }
    return false;
  }
}
