// Unix permission checks for processes that do not run as root. The Vfs has no notion of credentials, so a
// non-root process sees the filesystem through this wrapper, which refuses what the kernel would refuse
// (EACCES on search, read and write permission; EPERM on chown and on chmod of someone else's file;
// the sticky bit of /tmp) before delegating to the real Vfs.

import { ancestors, dirname } from '../fs/path.js';
import { FsError } from '../fs/vfs.js';
import type { FsErrorCode, Stat, Vfs, WriteOptions } from '../fs/vfs.js';
import { canAccess } from './permissions.js';
import type { AccessMode } from './permissions.js';

/** The Vfs code for operations only the owner or root may do. */
const EPERM: FsErrorCode = 'EPERM';

/** The Vfs as a process with `uid`/`gid` sees it; root gets the Vfs itself. */
export function withCredentials(fs: Vfs, uid: number, gid: number): Vfs {
  if (uid === 0 || fs instanceof CredentialedVfs) return fs;
  return new CredentialedVfs(fs, uid, gid);
}

class CredentialedVfs implements Vfs {
  constructor(
    private readonly fs: Vfs,
    private readonly uid: number,
    private readonly gid: number,
  ) {}

  private can(st: Stat, want: AccessMode): boolean {
    return canAccess(st, this.uid, this.gid, want);
  }

  // Every directory on the way must be searchable.
  private search(path: string): void {
    for (const dir of ['/', ...ancestors(path)]) {
      const st = this.fs.stat(dir);
      if (st && st.kind === 'dir' && !this.can(st, 1)) throw new FsError('EACCES', path);
    }
  }

  private need(path: string, want: AccessMode): void {
    this.search(path);
    const st = this.fs.stat(path);
    if (st && !this.can(st, want)) throw new FsError('EACCES', path);
  }

  // Creating or removing an entry needs write and search permission on the directory; with the sticky bit
  // only the owner of the entry (or of the directory) may remove or rename it.
  private changeEntry(path: string, removing: boolean): void {
    this.search(path);
    const parent = this.fs.stat(dirname(path));
    if (parent && (!this.can(parent, 2) || !this.can(parent, 1))) throw new FsError('EACCES', path);
    if (removing && parent && parent.mode & 0o1000) {
      const st = this.fs.lstat(path);
      if (st && st.uid !== this.uid && parent.uid !== this.uid) throw new FsError(EPERM, path);
    }
  }

  private owner(path: string): void {
    this.search(path);
    const st = this.fs.stat(path);
    if (st && st.uid !== this.uid) throw new FsError(EPERM, path);
  }

  // stat and lstat see nothing, as for a missing path, behind a directory that is not searchable.
  private searchable(path: string): boolean {
    try {
      this.search(path);
      return true;
    } catch {
      return false;
    }
  }

  lstat(path: string): Stat | null {
    return this.searchable(path) ? this.fs.lstat(path) : null;
  }

  stat(path: string): Stat | null {
    return this.searchable(path) ? this.fs.stat(path) : null;
  }

  readFile(path: string): Uint8Array {
    this.need(path, 4);
    return this.fs.readFile(path);
  }

  // New nodes belong to the process: the Vfs creates them as root.
  private own(path: string): void {
    try {
      this.fs.chown(path, this.uid, this.gid);
    } catch {
      // the node exists; its owner is cosmetic here
    }
  }

  writeFile(path: string, data: Uint8Array, options?: WriteOptions): void {
    const existed = this.fs.stat(path) !== null;
    if (existed) this.need(path, 2);
    else this.changeEntry(path, false);
    this.fs.writeFile(path, data, options);
    if (!existed) this.own(path);
  }

  readdir(path: string): string[] {
    this.need(path, 4);
    return this.fs.readdir(path);
  }

  mkdir(path: string, mode?: number): void {
    this.changeEntry(path, false);
    this.fs.mkdir(path, mode);
    this.own(path);
  }

  unlink(path: string): void {
    this.changeEntry(path, true);
    this.fs.unlink(path);
  }

  rmdir(path: string): void {
    this.changeEntry(path, true);
    this.fs.rmdir(path);
  }

  symlink(target: string, path: string): void {
    this.changeEntry(path, false);
    this.fs.symlink(target, path);
    this.own(path);
  }

  mknodChar(path: string, major: number, minor: number, mode: number, block = false): void {
    this.changeEntry(path, false);
    if (!this.fs.mknodChar) throw new FsError('EPERM', path);
    this.fs.mknodChar(path, major, minor, mode, block);
    this.own(path);
  }

  // the new name needs a writable directory; the inode keeps its owner (a copy, without inodes, is the caller's)
  link(existing: string, path: string): void {
    this.search(existing);
    this.changeEntry(path, false);
    if (this.fs.link) this.fs.link(existing, path);
    else {
      this.fs.writeFile(path, this.fs.readFile(existing), { mode: this.fs.lstat(existing)?.mode ?? 0o644 });
      this.own(path);
    }
  }

  readlink(path: string): string {
    this.search(path);
    return this.fs.readlink(path);
  }

  rename(from: string, to: string): void {
    this.changeEntry(from, true);
    this.changeEntry(to, this.fs.lstat(to) !== null);
    this.fs.rename(from, to);
  }

  chmod(path: string, mode: number): void {
    this.owner(path);
    this.fs.chmod(path, mode);
  }

  chown(path: string, uid: number, gid: number): void {
    this.search(path);
    const st = this.fs.stat(path);
    // Only root may give a file away; the owner may change the group to one of its own groups.
    if (st && (uid !== st.uid || st.uid !== this.uid || gid !== this.gid && gid !== st.gid)) throw new FsError(EPERM, path);
    this.fs.chown(path, uid, gid);
  }

  utimes(path: string, mtime: number): void {
    this.search(path);
    const st = this.fs.stat(path);
    if (st && st.uid !== this.uid && !this.can(st, 2)) throw new FsError('EACCES', path);
    this.fs.utimes(path, mtime);
  }

  realpath(path: string): string {
    this.search(path);
    return this.fs.realpath(path);
  }
}
