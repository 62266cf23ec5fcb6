// The filesystem a container process sees. The simulator's union filesystem implements it, the shell and the
// applets consume it, and tests can implement it over a plain Map. Paths are absolute and normalised ("/a/b",
// never "a/./b" or "/a/"); resolving "..", "." and the working directory is the caller's job (see path.ts).

import { FsError, STRERROR, type FsErrorCode, type NodeKind, type Stat } from '../../fs-types.js';

// the shared types, re-exported so the simulator's modules keep importing them from the filesystem they use
export { FsError, STRERROR, type FsErrorCode, type NodeKind, type Stat };

/**
 * The most one simulated file may hold: the room on the simulated disk. A write past it fails as a full disk
 * does (ENOSPC), so no input (`dd if=/dev/zero of=/big bs=1M count=4000`) can take the machine's memory.
 */
export const FILE_SIZE_LIMIT = 64 * 1024 * 1024;

/**
 * The most one writable filesystem (a container's layer, a volume, the sandbox host) may take in what its
 * processes write: past it every write fails with ENOSPC, as on a full disk (a loop of 64 MiB files ends there).
 */
export const DISK_LIMIT = 256 * 1024 * 1024;

/** Options for creating or writing a file. */
export interface WriteOptions {
  /** append instead of truncating (">>") */
  append?: boolean;
  /** mode for a file that does not exist yet (default 0o644) */
  mode?: number;
}

/**
 * A process's view of a filesystem. Every mutating call throws FsError (EROFS on a read-only mount or
 * --read-only root, ENOENT when the parent is missing, …) and never half-applies. Symlinks in intermediate
 * components are always followed; the last component is followed by everything except lstat, readlink,
 * unlink, symlink and rename.
 */
export interface Vfs {
  lstat(path: string): Stat | null;
  stat(path: string): Stat | null;
  readFile(path: string): Uint8Array;
  writeFile(path: string, data: Uint8Array, options?: WriteOptions): void;
  /** names in the directory, sorted by byte order, without "." and ".." */
  readdir(path: string): string[];
  /** one directory; EEXIST if it exists (mkdir -p is the caller's loop) */
  mkdir(path: string, mode?: number): void;
  /** removes a file, symlink or char device; EISDIR for directories */
  unlink(path: string): void;
  /** removes an empty directory; ENOTEMPTY otherwise */
  rmdir(path: string): void;
  symlink(target: string, path: string): void;
  readlink(path: string): string;
  /** link(2): a second name for a file or symlink; absent on a Vfs with no inodes (ln then copies) */
  link?(existing: string, path: string): void;
  /** mknod(2) of a character (or, with block, a block) device; absent on a Vfs that holds no device nodes */
  mknodChar?(path: string, major: number, minor: number, mode: number, block?: boolean): void;
  rename(from: string, to: string): void;
  chmod(path: string, mode: number): void;
  chown(path: string, uid: number, gid: number): void;
  /** sets mtime, as touch does on an existing file */
  utimes(path: string, mtime: number): void;
  /** the resolved absolute path (all symlinks followed); ENOENT if a component is missing */
  realpath(path: string): string;
}
