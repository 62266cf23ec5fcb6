// A layer archive applied as the daemon applies one for `docker import` and `docker load` (moby's
// archive.UnpackLayer, run chrooted in the new layer's directory): member names are cleaned inside the layer's
// root ("../../x" lands at /x, "/abs/x" at /abs/x), a member under a symbolic link goes where the link leads
// within the layer, and what cannot be made fails with the daemon's text. Recorded on 20.10 (docs/archives.md).

import { basename, dirname, resolvePath } from '../fs/path.js';
import { readTar, TarFormatError, type TarEntry } from '../../../tar/tar.js';
import type { Entry } from './entry.js';

const WHITEOUT = '.wh.';
const OPAQUE = '.wh..wh..opq';
// the kernel's limit on symbolic links followed in one lookup
const MAX_LINKS = 40;

/** The daemon's refusal; its message follows "Error processing tar file(exit status 1): ". */
export class UnpackError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnpackError';
  }
}

/**
 * Members in archive order → the layer's diff. A hard link is another name of its target's inode.
 * `whiteouts: false` is ADD's extraction (archive.Untar chrooted in the destination): ".wh." names are files.
 */
export function unpackLayer(members: readonly TarEntry[], options: { whiteouts: boolean } = { whiteouts: true }): Map<string, Entry> {
  const layer = new LayerTree(options.whiteouts);
  for (const m of members) layer.apply(m);
  return layer.out;
}

class LayerTree {
  readonly out = new Map<string, Entry>();
  /** directories implied by deeper members (MkdirAll made them) */
  private readonly implied = new Set<string>(['/']);

  constructor(private readonly whiteouts: boolean) {}

  apply(m: TarEntry): void {
    const name = resolvePath('/', m.path);
    if (name === '/') {
      if (m.type === 'dir') this.setDir('/', m);
      return;
    }
    const base = basename(name);
    const parent = this.resolveDir(dirname(name), () => failure(m, name, 'no such file or directory'));
    const path = parent === '/' ? `/${base}` : `${parent}/${base}`;
    if (this.whiteouts && base === OPAQUE) {
      const dir = this.out.get(parent);
      this.out.set(parent, dir?.kind === 'dir' ? { ...dir, opaque: true } : { kind: 'dir', opaque: true, mode: 0o755, uid: 0, gid: 0, mtime: m.mtime });
      return;
    }
    if (this.whiteouts && base.startsWith(WHITEOUT)) {
      const hidden = parent === '/' ? `/${base.slice(WHITEOUT.length)}` : `${parent}/${base.slice(WHITEOUT.length)}`;
      this.removeBelow(hidden);
      this.implied.delete(hidden);
      this.out.set(hidden, { kind: 'whiteout' });
      return;
    }
    const meta = { mode: m.mode & 0o7777, uid: m.uid, gid: m.gid, mtime: m.mtime };
    const existing = this.kindAt(path);
    if (!(existing === 'dir' && m.type === 'dir')) this.removeBelow(path);
    switch (m.type) {
      case 'dir':
        this.setDir(path, m);
        break;
      case 'file':
        this.set(path, { kind: 'file', data: m.data, ...meta });
        break;
      case 'symlink':
        this.set(path, { kind: 'symlink', target: m.linkname ?? '', ...meta, mode: 0o777 });
        break;
      case 'char':
        this.set(path, { kind: 'char', major: m.devmajor ?? 0, minor: m.devminor ?? 0, ...meta });
        break;
      case 'hardlink': {
        // os.Link(filepath.Join("/", linkname), path): the last component is not followed
        const targetName = resolvePath('/', m.linkname ?? '');
        const why = `link ${targetName} ${name}`;
        const targetDir = this.resolveDir(dirname(targetName), () => new UnpackError(`${why}: no such file or directory`));
        const target = targetDir === '/' ? `/${basename(targetName)}` : `${targetDir}/${basename(targetName)}`;
        const kind = this.kindAt(target);
        if (kind === null) throw new UnpackError(`${why}: no such file or directory`);
        if (kind === 'dir') throw new UnpackError(`${why}: operation not permitted`);
        const existing = this.out.get(target) as Entry;
        if (existing.kind === 'file' || existing.kind === 'symlink') {
          const linked = existing.link ? existing : { ...existing, link: { origin: target } };
          this.out.set(target, linked);
          this.set(path, linked);
        } else this.set(path, { ...existing });
        break;
      }
      default:
        break; // block devices and fifos: the simulator's trees have no place for them
    }
  }

  private setDir(path: string, m: TarEntry): void {
    const existing = this.out.get(path);
    this.set(path, { kind: 'dir', opaque: existing?.kind === 'dir' ? existing.opaque : false, mode: m.mode & 0o7777, uid: m.uid, gid: m.gid, mtime: m.mtime });
  }

  private set(path: string, entry: Entry): void {
    this.out.set(path, entry);
    for (let dir = dirname(path); !this.implied.has(dir); dir = dirname(dir)) this.implied.add(dir);
  }

  private kindAt(path: string): Entry['kind'] | null {
    const entry = this.out.get(path);
    if (entry && entry.kind !== 'whiteout') return entry.kind;
    return this.implied.has(path) ? 'dir' : null;
  }

  // a replaced directory goes with everything in it (os.RemoveAll)
  private removeBelow(path: string): void {
    if (this.kindAt(path) !== 'dir') return;
    const prefix = `${path}/`;
    for (const key of [...this.out.keys()]) if (key.startsWith(prefix)) this.out.delete(key);
    for (const key of [...this.implied]) if (key.startsWith(prefix)) this.implied.delete(key);
  }

  /**
   * Where a member's directory really is, symbolic links of the layer followed (the chroot makes "/" the
   * layer's root); a missing directory is made (MkdirAll), unless a link leads to nothing.
   */
  private resolveDir(dir: string, dangling: () => UnpackError): string {
    let links = 0;
    const walk = (path: string): string => {
      let at = '/';
      for (const part of path.split('/').filter(Boolean)) {
        const next = at === '/' ? `/${part}` : `${at}/${part}`;
        const entry = this.out.get(next);
        if (entry?.kind === 'symlink') {
          if (++links > MAX_LINKS) throw new UnpackError(`${dangling().message.replace(/: [^:]*$/u, '')}: too many levels of symbolic links`);
          const resolved = walk(entry.target.startsWith('/') ? entry.target : resolvePath(at, entry.target));
          if (this.kindAt(resolved) !== 'dir') throw dangling();
          at = resolved;
        } else if (entry !== undefined && entry.kind !== 'dir' && entry.kind !== 'whiteout') {
          throw new UnpackError(dangling().message.replace(/: [^:]*$/u, ': not a directory'));
        } else at = next;
      }
      return at;
    };
    return walk(dir);
  }
}

// the error os.OpenFile, os.Mkdir or os.Symlink gives when the member's directory is not there
function failure(m: TarEntry, name: string, why: string): UnpackError {
  switch (m.type) {
    case 'dir':
      return new UnpackError(`mkdir ${name}: ${why}`);
    case 'symlink':
      return new UnpackError(`symlink ${m.linkname ?? ''} ${name}: ${why}`);
    case 'hardlink':
      return new UnpackError(`link ${resolvePath('/', m.linkname ?? '')} ${name}: ${why}`);
    case 'char':
    case 'block':
    case 'fifo':
      return new UnpackError(`mknod ${name}: ${why}`);
    default:
      return new UnpackError(`open ${name}: ${why}`);
  }
}

/** What the daemon makes of an archive for a layer: the diff, or its whole error text (import and load). */
export function layerFromArchive(data: Uint8Array): { entries: Map<string, Entry> } | { error: string } {
  try {
    return { entries: unpackLayer(readTar(data)) };
  } catch (error) {
    if (error instanceof TarFormatError) return { error: `Error processing tar file(exit status 1): ${error.docker}` };
    if (error instanceof UnpackError) return { error: `Error processing tar file(exit status 1): ${error.message}` };
    throw error;
  }
}
