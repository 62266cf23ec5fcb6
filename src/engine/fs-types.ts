// The file metadata and errors both engines speak: the simulator's filesystem produces them, the real engine's
// read facet builds the same from `docker cp` archives and the host disk, and the checks read them through the
// Engine interface. They live here, beside engine.ts, so that neither engine imports the other's code for them.

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
  /**
   * st_ino when the filesystem tells names of one inode apart from other files (hard links share it); absent:
   * the caller derives a stand-in from the path (inode numbers differ between engines: only equality counts).
   */
  ino?: number;
  /** a character device's major and minor numbers (st_rdev) */
  device?: readonly [number, number];
  /** a device (kind 'char') that is a block device */
  block?: true;
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
