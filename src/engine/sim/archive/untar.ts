// `docker cp - CONTAINER:DIR`: the archive extracted member by member as moby's archive.Untar does it inside
// the container's root (chrootarchive), so nothing can land outside the container: names that climb out of
// DIR, symbolic links that point out of it and hard links to outside are refused with the daemon's texts, a
// member under a symbolic link goes where the link leads inside the container, and members before a failure
// stay written. Texts recorded on 20.10 (docs/archives.md).

import { goQuote } from '../../../go/quote.js';
import { dirname, resolvePath } from '../fs/path.js';
import { FsError, type FsErrorCode, type Vfs } from '../fs/vfs.js';
import type { TarEntry } from '../../../tar/tar-entry.js';
import { readTarPrefix } from '../../../tar/tar-reader.js';

/** The daemon's refusal; its message follows "Error processing tar file(exit status 1): ". */
export class UntarError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UntarError';
  }
}

/** How cp extracts: the archive's owners kept (`cp -a`) or everything made the container root's. */
export interface UntarOptions {
  keepOwner: boolean;
}

// Go's syscall.Errno texts (lower case, unlike glibc's strerror)
const ERRNO: Partial<Record<FsErrorCode, string>> = {
  ENOENT: 'no such file or directory',
  EEXIST: 'file exists',
  ENOTDIR: 'not a directory',
  EISDIR: 'is a directory',
  ENOTEMPTY: 'directory not empty',
  EACCES: 'permission denied',
  ELOOP: 'too many levels of symbolic links',
  EINVAL: 'invalid argument',
  EPERM: 'operation not permitted',
};

/** Extracts the archive bytes into `dest` (a directory that exists); throws UntarError, or FsError for EROFS. */
export function untarInto(fs: Vfs, dest: string, archive: Uint8Array, options: UntarOptions): void {
  const { entries, error } = readTarPrefix(archive);
  const dirs: TarEntry[] = [];
  const paths: string[] = [];
  const fail = (message: string): never => {
    finishDirs(fs, dirs, paths);
    throw new UntarError(message);
  };
  for (const m of entries) {
    const name = goClean(m.path);
    if (!m.path.endsWith('/')) {
      // the parent is made first (MkdirAllAndChownNew), before the name is checked: as the daemon does
      const parentPath = goJoin(dest, dirname2(name));
      // only a parent that does not exist is made: another lstat error (a symbolic link loop) is left for the
      // member's own open to report, as `os.IsNotExist(err)` leaves it in moby's Unpack
      if (lstatOrError(fs, parentPath) === null) {
        try {
          mkdirAll(fs, parentPath);
        } catch (e) {
          fail(osError('mkdir', parentPath, e));
        }
      }
    }
    const path = goJoin(dest, name);
    if (path !== dest && !path.startsWith(dest === '/' ? '/' : `${dest}/`)) fail(`${goQuote(name)} is outside of ${goQuote(dest)}`);
    // os.Lstat's error (a loop on the way) is ignored by Unpack; createTarFile's open then fails with it
    const found = lstatOrError(fs, path);
    const existing = found instanceof FsError ? null : found;
    if (existing) {
      if (existing.kind === 'dir' && m.type !== 'dir') fail(`cannot overwrite directory ${goQuote(path)} with non-directory ${goQuote(dest)}`);
      if (existing.kind !== 'dir' && m.type === 'dir') fail(`cannot overwrite non-directory ${goQuote(path)} with directory ${goQuote(dest)}`);
      if (existing.kind === 'dir' && name === '.') continue;
      if (!(existing.kind === 'dir' && m.type === 'dir')) removeAll(fs, path);
    }
    if (!create(fs, dest, path, m, fail)) continue;
    // a hard link to a symbolic link is a symbolic link: moby Lchowns it and skips chmod and chtimes
    // (handleLChmod), which would follow it, so neither is done to it here either
    const madeSymlink = m.type === 'symlink' || (m.type === 'hardlink' && lstatKind(fs, path) === 'symlink');
    if (!madeSymlink) {
      // Lchown to the archive's owner with cp -a, to the container's root otherwise
      fs.chown(path, options.keepOwner ? m.uid : 0, options.keepOwner ? m.gid : 0);
      fs.chmod(path, m.mode & 0o7777);
    }
    if (m.type === 'dir') {
      dirs.push(m);
      paths.push(path);
    } else if (!madeSymlink) fs.utimes(path, m.mtime);
  }
  finishDirs(fs, dirs, paths);
  if (error) throw new UntarError(error.docker);
}

// directory times last, so the files made in them do not move them again; a directory a later member replaced
// (by a link to a file) fails as Go's os.Chtimes does, and Unpack returns that error
function finishDirs(fs: Vfs, dirs: readonly TarEntry[], paths: readonly string[]): void {
  dirs.forEach((m, i) => {
    const path = paths[i] as string;
    try {
      fs.utimes(path, m.mtime);
    } catch (e) {
      throw new UntarError(osError('chtimes', path, e));
    }
  });
}

/** createTarFile: false when the member is skipped (devices and fifos the simulator cannot make). */
function create(fs: Vfs, dest: string, path: string, m: TarEntry, fail: (message: string) => never): boolean {
  const mode = m.mode & 0o7777;
  switch (m.type) {
    case 'dir':
      if (lstatKind(fs, path) !== 'dir') attempt(() => fs.mkdir(path, mode), () => osError('mkdir', path), fail);
      return true;
    case 'file':
      attempt(() => fs.writeFile(path, m.data, { mode }), () => osError('open', path), fail);
      return true;
    case 'symlink': {
      const linkname = m.linkname ?? '';
      // the check is a string prefix of the joined path, exactly as moby's
      if (!goJoin(dirname(path), linkname).startsWith(dest)) fail(`invalid symlink ${goQuote(path)} -> ${goQuote(linkname)}`);
      attempt(() => fs.symlink(linkname, path), () => `symlink ${linkname} ${path}`, fail);
      return true;
    }
    case 'hardlink': {
      const linkname = m.linkname ?? '';
      const target = goJoin(dest, linkname);
      if (!target.startsWith(dest)) fail(`invalid hardlink ${goQuote(target)} -> ${goQuote(linkname)}`);
      const why = `link ${target} ${path}`;
      // os.Link's error: a loop on the way to the target is its own (ELOOP), as a missing target is ENOENT
      const found = lstatOrError(fs, target);
      if (found instanceof FsError) fail(`${why}: ${ERRNO[found.code] ?? found.code}`);
      const st = found as Exclude<typeof found, FsError>;
      if (!st) fail(`${why}: no such file or directory`);
      if (st!.kind === 'dir') fail(`${why}: operation not permitted`);
      // link(2) where the Vfs has inodes; else the second name is a copy of the first
      if (fs.link) attempt(() => fs.link!(target, path), () => why, fail);
      else if (st!.kind === 'symlink') attempt(() => fs.symlink(fs.readlink(target), path), () => why, fail);
      else attempt(() => fs.writeFile(path, fs.readFile(target), { mode: st!.mode }), () => why, fail);
      return true;
    }
    default:
      return false;
  }
}

function attempt(action: () => void, what: () => string, fail: (message: string) => never): void {
  try {
    action();
  } catch (e) {
    if (e instanceof FsError && e.code !== 'EROFS') fail(`${what()}: ${ERRNO[e.code] ?? e.code}`);
    throw e;
  }
}

function osError(op: string, path: string, e?: unknown): string {
  if (e instanceof FsError && e.code !== 'EROFS') return `${op} ${path}: ${ERRNO[e.code] ?? e.code}`;
  if (e !== undefined) throw e;
  return `${op} ${path}`;
}

/** lstat that returns a kernel error instead of throwing it (Go's `fi, err := os.Lstat(path)`). */
function lstatOrError(fs: Vfs, path: string): ReturnType<Vfs['lstat']> | FsError {
  try {
    return fs.lstat(path);
  } catch (e) {
    if (e instanceof FsError) return e;
    throw e;
  }
}

function lstatKind(fs: Vfs, path: string): string | undefined {
  const found = lstatOrError(fs, path);
  return found instanceof FsError ? undefined : found?.kind;
}

function mkdirAll(fs: Vfs, path: string): void {
  if (fs.stat(path)?.kind === 'dir') return;
  if (path !== '/') mkdirAll(fs, dirname(path));
  fs.mkdir(path, 0o755);
}

function removeAll(fs: Vfs, path: string): void {
  const st = fs.lstat(path);
  if (!st) return;
  if (st.kind !== 'dir') return fs.unlink(path);
  for (const child of fs.readdir(path)) removeAll(fs, `${path === '/' ? '' : path}/${child}`);
  fs.rmdir(path);
}

/** Go's path.Clean: ".." kept at the front of a relative name, dropped at the root of an absolute one. */
export function goClean(name: string): string {
  if (name.startsWith('/')) return resolvePath('/', name);
  const out: string[] = [];
  for (const part of name.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..' && out.length > 0 && out[out.length - 1] !== '..') out.pop();
    else out.push(part);
  }
  return out.length === 0 ? '.' : out.join('/');
}

/** Go's filepath.Join of an absolute directory and a name: everything cleaned, the name never absolute. */
function goJoin(dir: string, name: string): string {
  return resolvePath('/', `${dir}/${name}`);
}

// filepath.Dir of a cleaned relative name
function dirname2(name: string): string {
  const i = name.lastIndexOf('/');
  return i === -1 ? '.' : name.slice(0, i) || '/';
}
