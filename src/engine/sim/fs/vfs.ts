// The filesystem a container process sees. The simulator's union filesystem implements it, the shell and the
// applets consume it, and tests can implement it over a plain Map. Paths are absolute and normalised ("/a/b",
// never "a/./b" or "/a/"); resolving "..", "." and the working directory is the caller's job (see path.ts).

/** What kind of object a path names; whiteouts never reach a Vfs user. */
export type NodeKind = 'file' | 'dir' | 'symlink' | 'char';

/** lstat/stat result: plain data, like the fields `ls -l` and `stat` print. */
export interface Stat {
  kind: NodeKind;
  /** permission bits only (0o755), never the type bits */
  mode: number;
  uid: number;
  gid: number;
  /** bytes for files, target length for symlinks, 4096 for directories (as ext4 and overlay2 report) */
  size: number;
  /** milliseconds since the epoch */
  mtime: number;
  /** symlink target, as stored */
  target?: string;
  /**
   * st_nlink when the filesystem decides it: overlayfs reports 1 for a directory merged from several layers.
   * Absent: the caller counts as ext4 does (2 + subdirectories for a directory, 1 for anything else).
   */
  nlink?: number;
  /** a character device's major and minor numbers (st_rdev) */
  device?: readonly [number, number];
  /** st_blocks (512-byte units) when the filesystem decides it; absent: as ext4 allocates them (see blocksOf) */
  blocks?: number;
}

/** errno names the simulator uses; the shell turns them into busybox's texts. */
export type FsErrorCode =
  | 'ENOENT'
  | 'EEXIST'
  | 'ENOTDIR'
  | 'EISDIR'
  | 'ENOTEMPTY'
  | 'EROFS'
  | 'EACCES'
  | 'ELOOP'
  | 'EINVAL'
  | 'EXDEV'
  | 'EBUSY'
  | 'EPERM'
  | 'ENOSPC';

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

/** A failed filesystem call; `path` is the path as the caller gave it. */
export class FsError extends Error {
  constructor(
    readonly code: FsErrorCode,
    readonly path: string,
  ) {
    super(`${code}: ${path}`);
    this.name = 'FsError';
  }
}

/** errno → the strerror text glibc prints (the reference's busybox-static is built on glibc). */
export const STRERROR: Record<FsErrorCode, string> = {
  ENOENT: 'No such file or directory',
  EEXIST: 'File exists',
  ENOTDIR: 'Not a directory',
  EISDIR: 'Is a directory',
  ENOTEMPTY: 'Directory not empty',
  EROFS: 'Read-only file system',
  EACCES: 'Permission denied',
  ELOOP: 'Too many levels of symbolic links',
  EINVAL: 'Invalid argument',
  EXDEV: 'Invalid cross-device link',
  EBUSY: 'Device or resource busy',
  EPERM: 'Operation not permitted',
  ENOSPC: 'No space left on device',
};

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
  rename(from: string, to: string): void;
  chmod(path: string, mode: number): void;
  chown(path: string, uid: number, gid: number): void;
  /** sets mtime, as touch does on an existing file */
  utimes(path: string, mtime: number): void;
  /** the resolved absolute path (all symlinks followed); ENOENT if a component is missing */
  realpath(path: string): string;
}
