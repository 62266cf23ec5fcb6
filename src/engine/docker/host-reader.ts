// The read facet's `{kind: 'host'}` on a real engine: the machine's own filesystem (bind-mount sources), read
// with node:fs and answered in the same Stat shape as containers.

import { lstat, readFile, readdir, readlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { Stats } from 'node:fs';
import type { DirEntryInfo } from '../engine.js';
import { FsError, type FsErrorCode, type Stat } from '../fs-types.js';

/** lstat of a host path; null when it does not exist. */
export async function hostStat(path: string): Promise<Stat | null> {
  try {
    return toStat(await lstat(path), path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return null;
    throw asFsError(error, path);
  }
}

/** Contents of a host file (symlinks followed). */
export async function hostReadFile(path: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(path));
  } catch (error) {
    throw asFsError(error, path);
  }
}

/** A host directory's entries with their lstat, sorted by name. */
export async function hostReadDir(path: string): Promise<DirEntryInfo[]> {
  try {
    const names = (await readdir(path)).sort();
    const out: DirEntryInfo[] = [];
    for (const name of names) {
      const stat = await hostStat(join(path, name));
      if (stat !== null) out.push({ name, stat });
    }
    return out;
  } catch (error) {
    throw asFsError(error, path);
  }
}

async function toStat(stats: Stats, path: string): Promise<Stat> {
  const base = { mode: stats.mode & 0o7777, uid: stats.uid, gid: stats.gid, mtime: Math.floor(stats.mtimeMs) };
  if (stats.isDirectory()) return { kind: 'dir', ...base, size: 4096 };
  if (stats.isSymbolicLink()) {
    return { kind: 'symlink', ...base, size: stats.size, target: await readlink(path) };
  }
  if (stats.isFile()) return { kind: 'file', ...base, size: stats.size };
  return { kind: 'char', ...base, size: 0 };
}

const KNOWN: ReadonlySet<string> = new Set(['ENOENT', 'EEXIST', 'ENOTDIR', 'EISDIR', 'ENOTEMPTY', 'EROFS', 'EACCES', 'ELOOP', 'EINVAL', 'EXDEV', 'EBUSY']);

function asFsError(error: unknown, path: string): Error {
  const code = (error as NodeJS.ErrnoException).code;
  return code !== undefined && KNOWN.has(code) ? new FsError(code as FsErrorCode, path) : (error as Error);
}
