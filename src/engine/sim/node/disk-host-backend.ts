// The sandbox host on disk: a directory that stands in for the host's `/` (DRYDOCK_HOST_ROOT), so that
// `-v /myDataVolume:/dataVolumeContainer` and `docker cp` touch that directory and never the real `/` unless
// `/` itself was asked for. Node's fs is used here and only here.

import {
  chmodSync,
  chownSync,
  linkSync,
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
import { join, posix } from 'node:path';
import type { Creator, FsBackend } from '../fs/backend.js';
import { resolveInRoot, type LinkLookup } from '../../root-path.js';
import type { WriteOptions } from '../fs/vfs.js';
import type { LinkGroup, LiveEntry } from '../layer/entry.js';

/** A real directory as a simulator filesystem backend. */
export class DiskHostBackend implements FsBackend {
  /** the host's kernel dates its directories itself (and with the real clock, not the simulator's) */
  readonly keepsOwnTimes = true;

  /** one group per inode of the disk that has several names (a build context's hard links, `ln` on the host) */
  private readonly groups = new Map<string, LinkGroup>();

  constructor(readonly root: string) {}

  // lstat of a path whose parents hold no symlink any more (resolveInRoot walks one component at a time)
  private readonly lookup: LinkLookup = (path) => {
    try {
      const real = join(this.root, path);
      return lstatSync(real).isSymbolicLink() ? { kind: 'symlink', target: readlinkSync(real) } : { kind: 'other' };
    } catch {
      return undefined;
    }
  };

  /**
   * The machine path of a host path, its parents' symlinks followed inside the root as a chroot does (the last
   * component is not followed unless `followLast`): the kernel never gets to follow a link out of the root.
   */
  private real(path: string, followLast = false): string {
    const inside = resolveInRoot(this.lookup, path, followLast);
    if (inside === null) throw Object.assign(new Error(`${path}: too many levels of symbolic links`), { code: 'ELOOP' });
    return inside === '/' ? this.root : join(this.root, inside);
  }

  /** The host path a path leads to once every symlink is followed inside the root (null: a loop). */
  resolve(path: string): string | null {
    return resolveInRoot(this.lookup, posix.normalize(`/${path}`), true);
  }

  get(path: string): LiveEntry | undefined {
    let st: Stats;
    let real: string;
    try {
      real = this.real(path);
      st = lstatSync(real);
    } catch {
      return undefined;
    }
    const meta = { mode: st.mode & 0o7777, uid: st.uid, gid: st.gid, mtime: Math.floor(st.mtimeMs) };
    if (st.isDirectory()) return { kind: 'dir', opaque: false, ...meta };
    if (st.isSymbolicLink()) return { kind: 'symlink', target: readlinkSync(real), ...meta };
    if (st.isCharacterDevice()) return { kind: 'char', major: 0, minor: 0, ...meta };
    if (!st.isFile()) return undefined; // a socket or FIFO: reading it could block for ever
    try {
      const data = new Uint8Array(readFileSync(real));
      if (st.nlink < 2) return { kind: 'file', data, ...meta };
      const key = `${st.dev}:${st.ino}`;
      let link = this.groups.get(key);
      if (!link) this.groups.set(key, (link = { origin: path }));
      return { kind: 'file', data, ...meta, link };
    } catch {
      return undefined;
    }
  }

  link(from: string, to: string): void {
    linkSync(this.real(from), this.real(to));
  }

  linkCount(path: string): number | undefined {
    try {
      const n = lstatSync(this.real(path)).nlink;
      return n > 1 ? n : undefined;
    } catch {
      return undefined;
    }
  }

  list(path: string): string[] {
    try {
      return readdirSync(this.real(path, true)).sort();
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
    // writeFileSync follows a last-component symlink itself, so that one is resolved inside the root too
    const real = this.real(path, true);
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
