// The sandbox host on disk: a directory that stands in for the host's `/` (DRYDOCK_HOST_ROOT), so that
// `-v /myDataVolume:/dataVolumeContainer` and `docker cp` touch that directory and never the real `/` unless
// `/` itself was asked for. Node's fs is used here and only here.

import {
  chmodSync,
  chownSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  rmSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
  type Stats,
} from 'node:fs';
import { join } from 'node:path';
import type { Creator, FsBackend } from '../fs/backend.js';
import type { WriteOptions } from '../fs/vfs.js';
import type { LiveEntry } from '../layer/entry.js';

/** A real directory as a simulator filesystem backend. */
export class DiskHostBackend implements FsBackend {
  /** the host's kernel dates its directories itself (and with the real clock, not the simulator's) */
  readonly keepsOwnTimes = true;

  constructor(readonly root: string) {}

  private real(path: string): string {
    return path === '/' ? this.root : join(this.root, path);
  }

  get(path: string): LiveEntry | undefined {
    let st: Stats;
    try {
      st = lstatSync(this.real(path));
    } catch {
      return undefined;
    }
    const meta = { mode: st.mode & 0o7777, uid: st.uid, gid: st.gid, mtime: Math.floor(st.mtimeMs) };
    if (st.isDirectory()) return { kind: 'dir', opaque: false, ...meta };
    if (st.isSymbolicLink()) return { kind: 'symlink', target: readlinkSync(this.real(path)), ...meta };
    if (st.isCharacterDevice()) return { kind: 'char', major: 0, minor: 0, ...meta };
    return { kind: 'file', data: new Uint8Array(readFileSync(this.real(path))), ...meta };
  }

  list(path: string): string[] {
    try {
      return readdirSync(this.real(path)).sort();
    } catch {
      return [];
    }
  }

  put(path: string, entry: LiveEntry): void {
    const real = this.real(path);
    const existing = this.get(path);
    if (existing && (existing.kind !== entry.kind || entry.kind === 'symlink')) {
      if (!(existing.kind === 'dir' && entry.kind === 'dir')) rmSync(real, { recursive: true, force: true });
    }
    switch (entry.kind) {
      case 'dir':
        mkdirSync(real, { recursive: true, mode: entry.mode });
        chmodSync(real, entry.mode);
        break;
      case 'file':
        writeFileSync(real, entry.data, { mode: entry.mode });
        chmodSync(real, entry.mode);
        break;
      case 'symlink':
        symlinkSync(entry.target, real);
        return;
      case 'char':
        throw new Error(`cannot create a device node on the host: ${path}`);
    }
    try {
      chownSync(real, entry.uid, entry.gid);
    } catch {
      // Without root the owner stays the current user, as a rootless daemon would leave it.
    }
    utimesSync(real, entry.mtime / 1000, entry.mtime / 1000);
  }

  delete(path: string): void {
    if (path === '/') throw new Error('refusing to delete the host root');
    rmSync(this.real(path), { recursive: true, force: true });
  }

  write(path: string, data: Uint8Array, options: WriteOptions, creator: Creator): void {
    const real = this.real(path);
    const existing = this.get(path);
    writeFileSync(real, data, { flag: options.append ? 'a' : 'w', mode: options.mode ?? 0o644 });
    if (!existing) {
      try {
        chownSync(real, creator.uid, creator.gid);
      } catch {
        // see put()
      }
    }
  }
}
