// COPY and ADD as the legacy builder does them: sources are context paths (globs allowed, never outside the
// context), a directory source copies its contents, the destination is a directory when it ends in "/" or
// already is one, everything is owned by root unless --chown says otherwise (COPY --from keeps the owners it
// finds), and ADD unpacks local archives.

import picomatch from 'picomatch';
import { isGzip, readTar } from '../../../tar/tar.js';
import type { FsBackend } from '../fs/backend.js';
import type { MountedFs } from '../fs/mounted-fs.js';
import { ancestors, basename, resolvePath } from '../fs/path.js';
import { sha256Hex } from '../layer/digest.js';
import { linkOf, unlinked, type LinkGroup, type LiveEntry } from '../layer/entry.js';
import { unpackLayer, UnpackError } from '../layer/unpack-layer.js';
import { StepError } from './config-dispatch.js';
import { TarFormatError } from '../../../tar/tar-error.js';

/** Where sources come from: the build context, or another stage's filesystem for COPY --from. */
export interface CopySource {
  get(path: string): LiveEntry | undefined;
  list(path: string): string[];
}

/** One COPY/ADD, resolved. */
export interface CopyRequest {
  kind: 'COPY' | 'ADD';
  sources: string[];
  dest: string;
  workdir: string;
  owner: { uid: number; gid: number } | null;
  /** --chown as typed ('' without): part of the step's history text and so of its cache key */
  chown?: string;
  now: number;
  /** true for COPY --from: sources are absolute paths in an image, not context paths */
  fromImage: boolean;
}

/** Copies into `fs`; returns the history text ("file:<hash> in /dest "). */
export function copyInto(fs: MountedFs, req: CopyRequest, src: CopySource): string {
  const fail = (message: string): never => {
    throw new StepError(`${req.kind} failed: ${message}`);
  };
  const matched: string[] = [];
  for (const raw of req.sources) {
    if (/^https?:\/\//.test(raw)) {
      if (req.kind === 'COPY') fail(`source can't be a URL for COPY`);
      fail(`cannot download ${raw}: the drydock simulator has no network; run this build with --engine docker`);
    }
    const clean = resolvePath('/', raw);
    if (!req.fromImage && escapesContext(raw)) fail(`forbidden path outside the build context: ${raw} ()`);
    if (/[*?[]/.test(raw)) {
      const found = glob(src, clean);
      matched.push(...found);
      continue;
    }
    if (!src.get(clean)) {
      // an image's rootfs is read relative to its root (COPY --from)
      if (req.fromImage) fail(`stat ${clean.slice(1)}: file does not exist`);
      fail(`file not found in build context or excluded by .dockerignore: stat ${raw}: file does not exist`);
    }
    matched.push(clean);
  }
  if (matched.length === 0) fail('no source files were specified');
  const destIsDir = req.dest.endsWith('/') || req.dest === '.' || matched.length > 1;
  if (matched.length > 1 && !req.dest.endsWith('/')) {
    throw new StepError(`When using ${req.kind} with more than one source file, the destination must be a directory and end with a /`);
  }
  const dest = resolvePath(req.workdir || '/', req.dest);
  const hashes: string[] = [];
  for (const path of matched) {
    const entry = src.get(path) as LiveEntry;
    if (entry.kind === 'dir') {
      ensureDir(fs, dest, req);
      copyTree(fs, src, path, dest, req);
      hashes.push(`dir:${treeHash(src, path)}`);
      continue;
    }
    if (req.kind === 'ADD' && entry.kind === 'file' && isArchive(entry.data)) {
      ensureDir(fs, dest, req);
      unpack(fs, dest, entry.data, req);
      hashes.push(`file:${sha256Hex(entry.data)}`);
      continue;
    }
    const existing = fs.stat(dest);
    const target = destIsDir || existing?.kind === 'dir' ? `${dest === '/' ? '' : dest}/${basename(path)}` : dest;
    ensureDir(fs, target === dest ? parentOf(dest) : dest, req);
    put(fs, target, entry, req);
    hashes.push(`file:${entry.kind === 'file' ? sha256Hex(entry.data) : sha256Hex(path)}`);
  }
  const shown = hashes.length === 1 ? hashes[0] : `multi:${sha256Hex(hashes.join(','))}`;
  // moby's performCopy writes "--chown=X" straight before the hash, with no space between them
  return `${req.kind} ${req.chown ? `--chown=${req.chown}` : ''}${shown} in ${req.dest} `;
}

function escapesContext(raw: string): boolean {
  const parts = raw.split('/').filter((p) => p && p !== '.');
  let depth = 0;
  for (const p of parts) {
    depth += p === '..' ? -1 : 1;
    if (depth < 0) return true;
  }
  return false;
}

function glob(src: CopySource, pattern: string): string[] {
  const isMatch = picomatch(pattern.slice(1), { dot: true });
  const out: string[] = [];
  const depth = pattern.split('/').length - 1;
  const walk = (dir: string, level: number) => {
    for (const name of src.list(dir)) {
      const path = dir === '/' ? `/${name}` : `${dir}/${name}`;
      if (level === depth) {
        if (isMatch(path.slice(1))) out.push(path);
      } else if (src.get(path)?.kind === 'dir') walk(path, level + 1);
    }
  };
  walk('/', 1);
  return out;
}

function parentOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i <= 0 ? '/' : path.slice(0, i);
}

// COPY --from without --chown keeps the source's owners (moby's preserveOwnership); a destination directory it
// has to make is still root's
function owned(entry: LiveEntry, req: CopyRequest): LiveEntry {
  if (req.owner === null && req.fromImage) return entry;
  return { ...entry, uid: req.owner?.uid ?? 0, gid: req.owner?.gid ?? 0 };
}

function backendAt(fs: MountedFs, path: string): { backend: FsBackend; inner: string } {
  const r = fs.locate(path, true);
  return { backend: r.mount.backend, inner: r.inner };
}

function ensureDir(fs: MountedFs, dir: string, req: CopyRequest): void {
  for (const p of [...ancestors(dir), dir]) {
    if (p === '/' || fs.stat(p)) continue;
    const { backend, inner } = backendAt(fs, p);
    backend.put(inner, { kind: 'dir', opaque: false, mode: 0o755, uid: req.owner?.uid ?? 0, gid: req.owner?.gid ?? 0, mtime: req.now });
  }
}

// `req` null: an archive's members keep their owners
function put(fs: MountedFs, path: string, entry: LiveEntry, req: CopyRequest | null, links?: Map<LinkGroup, string>): void {
  const { backend, inner } = backendAt(fs, path);
  // names of one inode within one source directory or archive stay one inode (a new one per COPY), as the
  // daemon's tar of the source keeps them (recorded on 20.10); separate sources are separate files
  const group = linkOf(entry);
  const first = group === undefined ? undefined : links?.get(group);
  if (first !== undefined && backend.link && backendAt(fs, first).backend === backend) {
    backend.link(backendAt(fs, first).inner, inner);
    return;
  }
  if (group !== undefined) links?.set(group, path);
  backend.put(inner, req ? owned(unlinked(entry), req) : unlinked(entry));
}

function copyTree(fs: MountedFs, src: CopySource, from: string, to: string, req: CopyRequest, links = new Map<LinkGroup, string>()): void {
  for (const name of src.list(from)) {
    const child = from === '/' ? `/${name}` : `${from}/${name}`;
    const target = to === '/' ? `/${name}` : `${to}/${name}`;
    const entry = src.get(child) as LiveEntry;
    if (entry.kind === 'dir') {
      const existing = fs.lstat(target);
      if (!existing || existing.kind !== 'dir') put(fs, target, entry, req);
      copyTree(fs, src, child, target, req, links);
    } else put(fs, target, entry, req, links);
  }
}

function treeHash(src: CopySource, dir: string): string {
  const parts: string[] = [];
  const walk = (d: string) => {
    for (const name of src.list(d)) {
      const p = d === '/' ? `/${name}` : `${d}/${name}`;
      const e = src.get(p) as LiveEntry;
      parts.push(`${p}:${e.kind}:${e.mode}:${e.kind === 'file' ? sha256Hex(e.data) : e.kind === 'symlink' ? e.target : ''}`);
      if (e.kind === 'dir') walk(p);
    }
  };
  walk(dir);
  return sha256Hex(parts.join('\n'));
}

/** tar, tar.gz (what ADD unpacks here); bzip2 and xz archives are refused with a clear message. */
function isArchive(data: Uint8Array): boolean {
  if (isGzip(data)) return true;
  if (data.length > 262 && new TextDecoder().decode(data.subarray(257, 262)) === 'ustar') return true;
  if (data[0] === 0x42 && data[1] === 0x5a && data[2] === 0x68) {
    throw new StepError('ADD failed: bzip2 archives are not simulated by drydock; run this build with --engine docker');
  }
  if (data[0] === 0xfd && data[1] === 0x37 && data[2] === 0x7a) {
    throw new StepError('ADD failed: xz archives are not simulated by drydock; run this build with --engine docker');
  }
  return false;
}

function unpack(fs: MountedFs, dest: string, data: Uint8Array, req: CopyRequest): void {
  let entries;
  try {
    // chrooted in the destination, as the daemon's Untar: "../" stops there, links are followed inside it
    entries = unpackLayer(readTar(data), { whiteouts: false });
  } catch (error) {
    if (error instanceof UnpackError) throw new StepError(`failed to copy files: Error processing tar file(exit status 1): ${error.message}`);
    // a cut archive: the daemon's untar child reports Go's archive/tar error
    if (error instanceof TarFormatError) throw new StepError(`failed to copy files: Error processing tar file(exit status 1): ${error.docker}`);
    throw error;
  }
  const links = new Map<LinkGroup, string>();
  for (const [path, entry] of [...entries].sort(([a], [b]) => a.length - b.length)) {
    if (path === '/' || entry.kind === 'whiteout') continue;
    const target = dest === '/' ? path : `${dest}${path}`;
    ensureDir(fs, parentOf(target), req);
    put(fs, target, entry, null, links);
  }
}
