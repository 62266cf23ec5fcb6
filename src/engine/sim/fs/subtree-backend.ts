// A view of part of another backend: a bind mount `-v /host/dir:/ctr` is the host backend seen from /host/dir
// (the host side sees every write at once, and the other way round).

import type { LiveEntry } from '../layer/entry.js';
import type { Creator, FsBackend } from './backend.js';
import type { WriteOptions } from './vfs.js';

/** `base` seen from `root`; "/" of this backend is `root` of the base. */
export class SubtreeBackend implements FsBackend {
  constructor(
    private readonly base: FsBackend,
    private readonly root: string,
  ) {}

  get keepsOwnTimes(): boolean {
    return this.base.keepsOwnTimes === true;
  }

  private map(path: string): string {
    if (path === '/') return this.root;
    return this.root === '/' ? path : `${this.root}${path}`;
  }

  get(path: string): LiveEntry | undefined {
    return this.base.get(this.map(path));
  }

  list(path: string): string[] {
    return this.base.list(this.map(path));
  }

  put(path: string, entry: LiveEntry): void {
    this.base.put(this.map(path), entry);
  }

  delete(path: string): void {
    this.base.delete(this.map(path));
  }

  write(path: string, data: Uint8Array, options: WriteOptions, creator: Creator): void {
    this.base.write(this.map(path), data, options, creator);
  }

  merged(path: string): boolean {
    return this.base.merged?.(this.map(path)) ?? false;
  }

  blocks(path: string): number | undefined {
    return this.base.blocks?.(this.map(path));
  }

  dirSize(path: string): number | undefined {
    return this.base.dirSize?.(this.map(path));
  }
}
