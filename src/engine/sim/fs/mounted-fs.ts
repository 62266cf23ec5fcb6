// The Vfs a container process sees: a root backend plus mounts (volumes, bind mounts, /etc/hostname, /dev),
// with the kernel's path walk: symlinks followed in every component (and in the last one unless asked not
// to), mount points crossed, read-only mounts refused with EROFS, renames across mounts refused with EXDEV.

import { dirname, isWithin, resolvePath } from './path.js';
import { entryStat, linkOf, unlinked, withMeta, type LiveEntry } from '../layer/entry.js';
import { linkInode } from './inode.js';
import type { Creator, FsBackend } from './backend.js';
import { DISK_LIMIT, FILE_SIZE_LIMIT, FsError, type Stat, type Vfs, type WriteOptions } from './vfs.js';

/**
 * The bytes each writable backend holds, held to DISK_LIMIT: a container's layer and a volume count all their
 * files from the first write a process makes (so a state saved and loaded again by another `drydock docker`
 * cannot grow past the budget), the host what processes wrote since it was loaded, less what they removed.
 * Kept beside the backends, so each stays as it is.
 */
const diskUsage = new WeakMap<object, number>();

/** What `backend` holds now, as the budget counts it (measured once, then followed write by write). */
function usedBytes(backend: FsBackend): number {
  let used = diskUsage.get(backend);
  if (used === undefined) {
    used = backend.usedBytes?.() ?? 0;
    diskUsage.set(backend, used);
  }
  return used;
}

/** A backend mounted at a container path. */
export interface Mount {
  destination: string;
  backend: FsBackend;
  readOnly: boolean;
}

/** Where a path walk ended: the backend, the path inside it, and the entry there (if any). */
interface Resolved {
  full: string;
  mount: Mount;
  inner: string;
  entry: LiveEntry | undefined;
}

const MAX_SYMLINKS = 40;
const ZERO = new Uint8Array(0);

/** A mount table with POSIX path resolution, implementing the Vfs the shell runs on. */
export class MountedFs implements Vfs {
  private readonly mounts = new Map<string, Mount>();

  constructor(
    root: FsBackend,
    rootReadOnly: boolean,
    private readonly creator: () => Creator,
  ) {
    this.mounts.set('/', { destination: '/', backend: root, readOnly: rootReadOnly });
  }

  /** Adds a mount; later mounts at the same destination replace earlier ones. */
  mount(destination: string, backend: FsBackend, readOnly: boolean): void {
    this.mounts.set(destination, { destination, backend, readOnly });
  }

  mountPoints(): Mount[] {
    return [...this.mounts.values()];
  }

  lstat(path: string): Stat | null {
    return this.statOf(this.resolve(path, false));
  }

  stat(path: string): Stat | null {
    return this.statOf(this.resolve(path, true));
  }

  private statOf(r: Resolved | null): Stat | null {
    if (!r?.entry) return null;
    let st = entryStat(r.entry);
    if (r.entry.kind === 'dir' && r.mount.backend.merged?.(r.inner)) st = { ...st, nlink: 1 };
    const group = linkOf(r.entry);
    if (group !== undefined) st = { ...st, ino: linkInode(group), nlink: r.mount.backend.linkCount?.(r.inner) ?? 1 };
    const size = r.entry.kind === 'dir' ? r.mount.backend.dirSize?.(r.inner) : r.entry.kind === 'file' ? r.mount.backend.fileSize?.(r.inner) : undefined;
    if (size !== undefined) st = { ...st, size };
    const blocks = r.mount.backend.blocks?.(r.inner);
    return blocks === undefined ? st : { ...st, blocks };
  }

  readFile(path: string): Uint8Array {
    const r = this.must(path, true);
    if (r.entry.kind === 'dir') throw new FsError('EISDIR', path);
    if (r.entry.kind === 'char') return ZERO;
    if (r.entry.kind !== 'file') throw new FsError('EINVAL', path);
    return r.entry.data;
  }

  writeFile(path: string, data: Uint8Array, options: WriteOptions = {}): void {
    const r = this.walk(path, true);
    if (r.entry?.kind === 'dir') throw new FsError('EISDIR', path);
    if (r.entry?.kind === 'char') return; // /dev/null swallows everything
    this.writable(r, path);
    const old = r.entry?.kind === 'file' ? r.entry.data.length : 0;
    const size = (options.append ? old : 0) + data.length;
    const used = usedBytes(r.mount.backend);
    if (size > FILE_SIZE_LIMIT || (size > old && used + size - old > DISK_LIMIT)) throw new FsError('ENOSPC', path);
    diskUsage.set(r.mount.backend, Math.max(0, used + size - old));
    const c = this.creator();
    r.mount.backend.write(r.inner, data, options, c);
    if (!r.entry) this.touchParent(r, c.now);
  }

  readdir(path: string): string[] {
    const r = this.must(path, true);
    if (r.entry.kind !== 'dir') throw new FsError('ENOTDIR', path);
    return r.mount.backend.list(r.inner);
  }

  mkdir(path: string, mode = 0o755): void {
    const r = this.walk(path, false);
    if (r.entry) throw new FsError('EEXIST', path);
    this.writable(r, path);
    const c = this.creator();
    r.mount.backend.put(r.inner, { kind: 'dir', opaque: false, mode, uid: c.uid, gid: c.gid, mtime: c.now });
    this.touchParent(r, c.now);
  }

  unlink(path: string): void {
    const r = this.walk(path, false);
    this.writable(r, path);
    if (!r.entry) throw new FsError('ENOENT', path);
    if (r.entry.kind === 'dir') throw new FsError('EISDIR', path);
    if (this.isMountPoint(r)) throw new FsError('EBUSY', path);
    if (r.entry.kind === 'file') diskUsage.set(r.mount.backend, Math.max(0, usedBytes(r.mount.backend) - r.entry.data.length));
    r.mount.backend.delete(r.inner);
    this.touchParent(r, this.creator().now);
  }

  rmdir(path: string): void {
    const r = this.walk(path, false);
    this.writable(r, path);
    if (!r.entry) throw new FsError('ENOENT', path);
    if (r.entry.kind !== 'dir') throw new FsError('ENOTDIR', path);
    if (this.isMountPoint(r) || r.full === '/') throw new FsError('EBUSY', path);
    if (r.mount.backend.list(r.inner).length > 0) throw new FsError('ENOTEMPTY', path);
    r.mount.backend.delete(r.inner);
    this.touchParent(r, this.creator().now);
  }

  symlink(target: string, path: string): void {
    const r = this.walk(path, false);
    if (r.entry) throw new FsError('EEXIST', path);
    this.writable(r, path);
    const c = this.creator();
    r.mount.backend.put(r.inner, { kind: 'symlink', target, mode: 0o777, uid: c.uid, gid: c.gid, mtime: c.now });
    this.touchParent(r, c.now);
  }

  /** mknod(2) of a character (or block) device node, owned by the creator. */
  mknodChar(path: string, major: number, minor: number, mode: number, block = false): void {
    const r = this.walk(path, false);
    if (r.entry) throw new FsError('EEXIST', path);
    this.writable(r, path);
    const c = this.creator();
    r.mount.backend.put(r.inner, { kind: 'char', major, minor, ...(block ? { block: true as const } : {}), mode, uid: c.uid, gid: c.gid, mtime: c.now });
    this.touchParent(r, c.now);
  }

  /** link(2): another name for a file or symlink (the last component of `existing` is not followed). */
  link(existing: string, path: string): void {
    const a = this.must(existing, false);
    const b = this.walk(path, false);
    if (b.entry) throw new FsError('EEXIST', path);
    this.writable(b, path);
    if (a.entry.kind === 'dir') throw new FsError('EPERM', path);
    if (a.mount !== b.mount) throw new FsError('EXDEV', path);
    const c = this.creator();
    if (a.mount.backend.link && (a.entry.kind === 'file' || a.entry.kind === 'symlink')) a.mount.backend.link(a.inner, b.inner);
    else b.mount.backend.put(b.inner, unlinked(a.entry));
    this.touchParent(b, c.now);
  }

  readlink(path: string): string {
    const r = this.must(path, false);
    if (r.entry.kind !== 'symlink') throw new FsError('EINVAL', path);
    return r.entry.target;
  }

  rename(from: string, to: string): void {
    const a = this.walk(from, false);
    const b = this.walk(to, false);
    this.writable(a, from);
    if (!a.entry) throw new FsError('ENOENT', from);
    this.writable(b, to);
    if (a.mount !== b.mount || this.isMountPoint(a) || this.isMountPoint(b)) throw new FsError('EXDEV', from);
    if (a.full === b.full) return;
    if (a.entry.kind === 'dir' && isWithin(a.full, b.full)) throw new FsError('EINVAL', to);
    if (b.entry) {
      if (b.entry.kind === 'dir' && a.entry.kind !== 'dir') throw new FsError('EISDIR', to);
      if (b.entry.kind !== 'dir' && a.entry.kind === 'dir') throw new FsError('ENOTDIR', to);
      if (b.entry.kind === 'dir' && b.mount.backend.list(b.inner).length > 0) throw new FsError('ENOTEMPTY', to);
    }
    moveTree(a.mount.backend, a.inner, b.inner);
    const now = this.creator().now;
    this.touchParent(a, now);
    this.touchParent(b, now);
  }

  chmod(path: string, mode: number): void {
    this.changeMeta(path, { mode });
  }

  chown(path: string, uid: number, gid: number): void {
    this.changeMeta(path, { uid, gid });
  }

  utimes(path: string, mtime: number): void {
    this.changeMeta(path, { mtime });
  }

  realpath(path: string): string {
    return this.must(path, true).full;
  }

  /** The walk, for callers that need the backend (docker cp, commit of mount points). */
  locate(path: string, followLast: boolean): Resolved {
    return this.walk(path, followLast);
  }

  private changeMeta(path: string, meta: Partial<Pick<LiveEntry, 'mode' | 'uid' | 'gid' | 'mtime'>>): void {
    const r = this.must(path, true);
    this.writable(r, path);
    r.mount.backend.put(r.inner, withMeta(r.entry, meta));
  }

  // A directory's mtime is the time an entry was last added to it or removed from it (the container's root
  // included: the container layer keeps it as its rootMeta). A disk the kernel dates itself is left alone.
  private touchParent(r: Resolved, now: number): void {
    if (r.inner === '/' || r.mount.backend.keepsOwnTimes === true) return;
    const parent = dirname(r.inner);
    const entry = r.mount.backend.get(parent);
    if (entry?.kind === 'dir') r.mount.backend.put(parent, withMeta(entry, { mtime: now }));
  }

  private must(path: string, followLast: boolean): Resolved & { entry: LiveEntry } {
    const r = this.walk(path, followLast);
    if (!r.entry) throw new FsError('ENOENT', path);
    return r as Resolved & { entry: LiveEntry };
  }

  private resolve(path: string, followLast: boolean): Resolved | null {
    return this.walk(path, followLast, true);
  }

  private writable(r: Resolved, path: string): void {
    if (r.mount.readOnly) throw new FsError('EROFS', path);
  }

  private isMountPoint(r: Resolved): boolean {
    return r.full !== '/' && this.mounts.has(r.full);
  }

  /**
   * The kernel's path walk: component by component, crossing mounts and following symlinks. `soft`: a missing
   * or non-directory component answers null instead of throwing (lstat and stat are called a lot).
   */
  private walk(path: string, followLast: boolean): Resolved;
  private walk(path: string, followLast: boolean, soft: true): Resolved | null;
  private walk(path: string, followLast: boolean, soft = false): Resolved | null {
    const original = path;
    // "name/" asks for a directory: the last component is followed, and must be one (path_resolution(7))
    const wantsDir = path.length > 1 && path.endsWith('/');
    if (wantsDir) followLast = true;
    let parts = resolvePath('/', path).split('/').filter(Boolean);
    let links = 0;
    let cur = '/';
    // the mount `cur` lies in, the nearest mount point at or above it, followed step by step down the walk
    const root = this.mounts.get('/');
    if (!root) throw new Error('no root mount');
    let at = root;
    for (let i = 0; i < parts.length; i++) {
      const next = cur === '/' ? `/${parts[i]}` : `${cur}/${parts[i]}`;
      const last = i === parts.length - 1;
      at = this.mounts.get(next) ?? at;
      const mount = at;
      const inner = mount.destination === '/' ? next : next.slice(mount.destination.length) || '/';
      const entry = mount.backend.get(inner);
      if (!entry) {
        if (last) return { full: next, mount, inner, entry };
        if (soft) return null;
        throw new FsError('ENOENT', original);
      }
      if (entry.kind === 'symlink' && (!last || followLast)) {
        if (++links > MAX_SYMLINKS) throw new FsError('ELOOP', original);
        const target = resolvePath(cur, entry.target);
        parts = [...target.split('/').filter(Boolean), ...parts.slice(i + 1)];
        cur = '/';
        at = root;
        i = -1;
        continue;
      }
      if (!last && entry.kind !== 'dir') {
        if (soft) return null;
        throw new FsError('ENOTDIR', original);
      }
      cur = next;
    }
    const mount = at;
    const inner = mount.destination === '/' ? cur : cur.slice(mount.destination.length) || '/';
    const entry = mount.backend.get(inner);
    if (wantsDir && entry && entry.kind !== 'dir') {
      if (soft) return null;
      throw new FsError('ENOTDIR', original);
    }
    return { full: cur, mount, inner, entry };
  }
}

/** Moves an entry and its subtree to a new path inside one backend. */
function moveTree(backend: FsBackend, from: string, to: string): void {
  const entry = backend.get(from);
  if (!entry) return;
  backend.put(to, entry);
  if (entry.kind === 'dir') {
    for (const name of backend.list(from)) moveTree(backend, child(from, name), child(to, name));
  }
  backend.delete(from);
}

function child(dir: string, name: string): string {
  return dir === '/' ? `/${name}` : `${dir}/${name}`;
}

