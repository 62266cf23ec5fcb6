// --tmpfs: an empty tmpfs mounted at each start (its content lives until the container stops), as HostConfig.Tmpfs
// holds it. The client splits each value at its first ':' (destination, options); the daemon refuses a bind at the
// same destination when it creates the container, and checks the options (moby/sys/mount's MergeTmpfsOptions over
// its defaults noexec,nosuid,nodev,rprivate) when it writes the OCI spec at start. runc makes the mount point in
// the container's root and, on the tmpfs, the mount points of the mounts below it.

import type { LiveEntry } from '../layer/entry.js';
import { MountedFs } from '../fs/mounted-fs.js';
import type { Creator } from '../fs/backend.js';
import { PseudoFsBackend } from '../fs/pseudo-fs-backend.js';
import { ancestors, resolvePath } from '../fs/path.js';

/** The client's `--tmpfs dest[:options]` values as HostConfig.Tmpfs (null when none). */
export function tmpfsFromFlags(values: readonly string[]): Record<string, string> | null {
  if (values.length === 0) return null;
  const out: Record<string, string> = {};
  for (const value of values) {
    const colon = value.indexOf(':');
    if (colon === -1) out[value] = '';
    else out[value.slice(0, colon)] = value.slice(colon + 1);
  }
  return out;
}

const FLAGS = new Set(['ro', 'rw', 'suid', 'nosuid', 'dev', 'nodev', 'exec', 'noexec', 'sync', 'async', 'dirsync', 'remount', 'mand', 'nomand', 'atime', 'noatime', 'diratime', 'nodiratime', 'bind', 'rbind', 'unbindable', 'runbindable', 'private', 'rprivate', 'shared', 'rshared', 'slave', 'rslave', 'relatime', 'norelatime', 'strictatime', 'nostrictatime']);
const DATA = new Set(['', 'size', 'mode', 'uid', 'gid', 'nr_inodes', 'nr_blocks', 'mpol']);

/** What the tmpfs is mounted with, once its options passed. */
interface TmpfsOptions {
  readOnly: boolean;
  mode: number;
  uid: number;
  gid: number;
}

/** The options of one tmpfs, or the daemon's refusal (recorded on 20.10: `invalid tmpfs option ["foobar"]`). */
function tmpfsOptions(data: string): TmpfsOptions | { error: string } {
  const options = ['noexec', 'nosuid', 'nodev', 'rprivate', ...(data === '' ? [] : data.split(','))];
  const result: TmpfsOptions = { readOnly: false, mode: 0o1777, uid: 0, gid: 0 };
  const seen = new Set<string>();
  // MergeTmpfsOptions reads them last to first: the last of two that collide wins
  for (const option of [...options].reverse()) {
    if (option === 'defaults') continue;
    if (FLAGS.has(option)) {
      const key = option === 'rw' ? 'ro' : option;
      if (key === 'ro' && !seen.has('ro')) result.readOnly = option === 'ro';
      seen.add(key);
      continue;
    }
    const eq = option.indexOf('=');
    const parts = eq === -1 ? [option] : [option.slice(0, eq), option.slice(eq + 1)];
    if (parts.length !== 2 || !DATA.has(parts[0]!)) return { error: `invalid tmpfs option [${parts.map((p) => JSON.stringify(p)).join(' ')}]` };
    const [key, value] = parts as [string, string];
    if (seen.has(`=${key}`)) continue;
    seen.add(`=${key}`);
    if (key === 'mode' && /^[0-7]+$/.test(value)) result.mode = parseInt(value, 8);
    if (key === 'uid' && /^\d+$/.test(value)) result.uid = Number(value);
    if (key === 'gid' && /^\d+$/.test(value)) result.gid = Number(value);
  }
  return result;
}

/** The first refusal of a container's tmpfs options, in destination order (null when all pass). */
export function tmpfsStartError(tmpfs: Record<string, string> | null | undefined): string | null {
  for (const dest of Object.keys(tmpfs ?? {}).sort()) {
    const checked = tmpfsOptions(tmpfs![dest]!);
    if ('error' in checked) return checked.error;
  }
  return null;
}

/**
 * Mounts a fresh tmpfs at each destination (dated `at`), the mount point made in the container's root by
 * `makePoint`, and on each tmpfs the mount points of `below`: the other mounts under it (a file for a file).
 */
export function mountTmpfs(
  fs: MountedFs,
  tmpfs: Record<string, string> | null | undefined,
  at: number,
  makePoint: (destination: string) => void,
  below: readonly { destination: string; isFile: boolean }[],
  /** what a saved state held in each tmpfs (by destination as typed), put back in place of an empty one */
  saved?: (destination: string) => Iterable<[string, LiveEntry]> | undefined,
): void {
  for (const raw of Object.keys(tmpfs ?? {}).sort()) {
    const options = tmpfsOptions(tmpfs![raw]!);
    if ('error' in options) continue;
    const dest = resolvePath('/', raw);
    makePoint(dest);
    const root: LiveEntry = { kind: 'dir', opaque: false, mode: options.mode, uid: options.uid, gid: options.gid, mtime: at };
    const backend = new PseudoFsBackend('tmpfs', root);
    for (const m of below) {
      const inner = resolvePath('/', m.destination);
      if (!inner.startsWith(`${dest}/`)) continue;
      const rel = inner.slice(dest.length);
      for (const dir of ancestors(rel)) if (dir !== '/' && !backend.get(dir)) backend.put(dir, { kind: 'dir', opaque: false, mode: 0o755, uid: 0, gid: 0, mtime: at });
      if (!backend.get(rel)) {
        backend.put(rel, m.isFile ? { kind: 'file', data: new Uint8Array(0), mode: 0o755, uid: 0, gid: 0, mtime: at } : { kind: 'dir', opaque: false, mode: 0o755, uid: 0, gid: 0, mtime: at });
      }
    }
    for (const [path, entry] of saved?.(raw) ?? []) backend.put(path, entry);
    fs.mount(dest, backend, options.readOnly);
  }
}

/** The tmpfs backends a container has mounted, by destination as typed (for a save). */
export function mountedTmpfs(fs: MountedFs, tmpfs: Record<string, string> | null | undefined): Map<string, PseudoFsBackend> {
  const out = new Map<string, PseudoFsBackend>();
  const points = new Map(fs.mountPoints().map((m) => [m.destination, m.backend]));
  for (const raw of Object.keys(tmpfs ?? {})) {
    const backend = points.get(resolvePath('/', raw));
    if (backend instanceof PseudoFsBackend && backend.fsKind === 'tmpfs') out.set(raw, backend);
  }
  return out;
}

/**
 * The container's filesystem as the daemon mounts it for `docker cp` (an archive request): the root with the
 * binds and volumes, without the --tmpfs mounts, which only runc made inside the container (recorded on 20.10:
 * a file written under a --tmpfs is "No such container:path" to docker cp).
 */
export function archiveView(fs: MountedFs, tmpfs: Record<string, string> | null | undefined, creator: () => Creator): MountedFs {
  if (!tmpfs || Object.keys(tmpfs).length === 0) return fs;
  const hidden = new Set(Object.keys(tmpfs).map((d) => resolvePath('/', d)));
  const [root, ...rest] = fs.mountPoints();
  if (!root) return fs;
  const view = new MountedFs(root.backend, root.readOnly, creator);
  for (const m of rest) if (!hidden.has(m.destination)) view.mount(m.destination, m.backend, m.readOnly);
  return view;
}
