// What a mount is made of. The container's Vfs resolves paths, symlinks and mount points itself and hands each
// backend a path inside that backend with no symlink left in it (the last component is not followed). Backends:
// the overlay of image layers + the container layer, an in-memory tree (volumes, /dev), the sandbox host.

import type { LiveEntry } from '../layer/entry.js';
import type { WriteOptions } from './vfs.js';

/** Owner and time for objects a process creates. */
export interface Creator {
  uid: number;
  gid: number;
  now: number;
}

/** One mounted filesystem, addressed by backend-absolute paths ("/" is the mount's root). */
export interface FsBackend {
  /** the entry at the path, or undefined; never follows a symlink */
  get(path: string): LiveEntry | undefined;
  /** child names of a directory, sorted */
  list(path: string): string[];
  /** creates or replaces an entry; the parent exists and is a directory (the caller checked) */
  put(path: string, entry: LiveEntry): void;
  /** removes an entry and everything below it */
  delete(path: string): void;
  /** file content with the write applied, written back as a new entry */
  write(path: string, data: Uint8Array, options: WriteOptions, creator: Creator): void;
  /**
   * link(2): `to` (new, in an existing directory: the caller checked) becomes another name of the file or
   * symlink at `from`. Without it, the Vfs makes a copy (a filesystem with no inodes of its own).
   */
  link?(from: string, to: string): void;
  /** st_nlink of a file or symlink with other names, else undefined (1) */
  linkCount?(path: string): number | undefined;
  /** true for a directory overlayfs merges from several layers (it reports st_nlink 1 for those) */
  merged?(path: string): boolean;
  /** st_blocks of an entry when the filesystem decides it (overlay's xattr blocks), else undefined */
  blocks?(path: string): number | undefined;
  /** st_size of a directory when the filesystem is not ext4-like (tmpfs counts its entries), else undefined */
  dirSize?(path: string): number | undefined;
  /** st_size of a file when the filesystem does not report its content's length (procfs: 0), else undefined */
  fileSize?(path: string): number | undefined;
  /** bytes the backend holds of its own (a container's upper layer, a volume), where the disk budget counts them all */
  usedBytes?(): number;
  /** true where a real kernel keeps the directory times (the disk host): nothing must write them again */
  readonly keepsOwnTimes?: boolean;
}
