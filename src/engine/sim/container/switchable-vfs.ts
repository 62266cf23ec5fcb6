// A Vfs whose target can change while a process runs: a replayed main process works on a scratch copy until
// it reaches the present, then on the container itself. Every context the shell derives keeps this one object,
// so switching here switches them all.

import { FsError, type Stat, type Vfs, type WriteOptions } from '../fs/vfs.js';

/** Forwards every call to `target`. */
export class SwitchableVfs implements Vfs {
  constructor(public target: Vfs) {}

  lstat(path: string): Stat | null {
    return this.target.lstat(path);
  }
  stat(path: string): Stat | null {
    return this.target.stat(path);
  }
  readFile(path: string): Uint8Array {
    return this.target.readFile(path);
  }
  writeFile(path: string, data: Uint8Array, options?: WriteOptions): void {
    this.target.writeFile(path, data, options);
  }
  readdir(path: string): string[] {
    return this.target.readdir(path);
  }
  mkdir(path: string, mode?: number): void {
    this.target.mkdir(path, mode);
  }
  unlink(path: string): void {
    this.target.unlink(path);
  }
  rmdir(path: string): void {
    this.target.rmdir(path);
  }
  symlink(target: string, path: string): void {
    this.target.symlink(target, path);
  }
  readlink(path: string): string {
    return this.target.readlink(path);
  }
  link(existing: string, path: string): void {
    if (this.target.link) this.target.link(existing, path);
    else this.target.writeFile(path, this.target.readFile(existing), { mode: this.target.lstat(existing)?.mode ?? 0o644 });
  }
  mknodChar(path: string, major: number, minor: number, mode: number, block = false): void {
    if (!this.target.mknodChar) throw new FsError('EPERM', path);
    this.target.mknodChar(path, major, minor, mode, block);
  }
  rename(from: string, to: string): void {
    this.target.rename(from, to);
  }
  chmod(path: string, mode: number): void {
    this.target.chmod(path, mode);
  }
  chown(path: string, uid: number, gid: number): void {
    this.target.chown(path, uid, gid);
  }
  utimes(path: string, mtime: number): void {
    this.target.utimes(path, mtime);
  }
  realpath(path: string): string {
    return this.target.realpath(path);
  }
}
