// Layer diffs to and from tar members, with Docker's whiteout conventions: a deleted path is stored as a
// ".wh.<name>" member, an opaque directory as a ".wh..wh..opq" member inside it. Used by `docker import`,
// `load`/`save`, `export`, ADD of a local archive and the base image.

import { basename, dirname, resolvePath } from '../fs/path.js';
import type { TarEntry, TarEntryInput } from '../../../tar/tar.js';
import { linkOf, withMeta, type Entry, type LinkGroup, type LiveEntry } from './entry.js';
import { comparePaths } from './merged-index.js';

const WHITEOUT = '.wh.';
const OPAQUE = '.wh..wh..opq';

/**
 * PAX record on a member whose name only looks like a whiteout: a file a container wrote as `.wh.x`. Docker's
 * layer format cannot tell the two apart (a commit turns such a file into a deletion, as on overlay2), but the
 * state directory keeps containers' writable layers and must read back exactly what was written.
 */
const LITERAL_NAME_RECORD = 'DRYDOCK.literal';

/** How a diff is written as tar members. */
export interface TarFromEntriesOptions {
  /** mark live entries named `.wh.…` with LITERAL_NAME_RECORD (drydock's own stores, never Docker's formats) */
  markLiteralNames?: boolean;
}

/** Tar members (as read) → a layer diff keyed by absolute path. A hard link is another name of its target's inode. */
export function entriesFromTar(members: readonly TarEntry[], options: { whiteouts: boolean } = { whiteouts: true }): Map<string, Entry> {
  const out = new Map<string, Entry>();
  for (const m of members) {
    const path = resolvePath('/', m.path);
    const name = basename(path);
    const meta = { mode: m.mode & 0o7777, uid: m.uid, gid: m.gid, mtime: m.mtime };
    const whiteouts = options.whiteouts && m.pax?.[LITERAL_NAME_RECORD] === undefined;
    if (whiteouts && name === OPAQUE) {
      const dir = dirname(path);
      const existing = out.get(dir);
      out.set(dir, existing && existing.kind === 'dir' ? { ...existing, opaque: true } : { kind: 'dir', opaque: true, mode: 0o755, uid: 0, gid: 0, mtime: m.mtime });
      continue;
    }
    if (whiteouts && name.startsWith(WHITEOUT)) {
      out.set(`${dirname(path) === '/' ? '' : dirname(path)}/${name.slice(WHITEOUT.length)}`, { kind: 'whiteout' });
      continue;
    }
    switch (m.type) {
      case 'dir': {
        const existing = out.get(path);
        out.set(path, { kind: 'dir', opaque: existing?.kind === 'dir' ? existing.opaque : false, ...meta });
        break;
      }
      case 'file':
        out.set(path, { kind: 'file', data: m.data, ...meta });
        break;
      case 'symlink':
        out.set(path, { kind: 'symlink', target: m.linkname ?? '', ...meta, mode: 0o777 });
        break;
      case 'hardlink': {
        const targetPath = resolvePath('/', m.linkname ?? '');
        const target = out.get(targetPath);
        if (target && (target.kind === 'file' || target.kind === 'symlink')) {
          const linked = target.link ? target : { ...target, link: { origin: targetPath } };
          out.set(targetPath, linked);
          out.set(path, linked);
        }
        break;
      }
      case 'char':
      case 'block':
        out.set(path, { kind: 'char', major: m.devmajor ?? 0, minor: m.devminor ?? 0, ...(m.type === 'block' ? { block: true as const } : {}), ...meta });
        break;
      default:
        break; // block devices and fifos cannot be represented; Docker's own unprivileged extraction skips them too
    }
  }
  return out;
}

/** A layer diff → tar members in Docker's layer format (relative paths, whiteout members). */
export function tarFromEntries(entries: ReadonlyMap<string, Entry>, options: TarFromEntriesOptions = {}): TarEntryInput[] {
  const out: TarEntryInput[] = [];
  const links = new HardLinks();
  for (const path of [...entries.keys()].sort(comparePaths)) {
    // the root is "./" as GNU tar and bsdtar write it: its metadata is part of the layer's digest, so a saved
    // layer that left it out would hash differently once loaded again
    const rel = path === '/' ? '.' : path.slice(1);
    const e = entries.get(path) as Entry;
    if (e.kind === 'whiteout') {
      if (path === '/') continue;
      const dir = dirname(path).slice(1);
      out.push({ path: `${dir ? `${dir}/` : ''}${WHITEOUT}${basename(path)}`, type: 'file', mode: 0o600, uid: 0, gid: 0, mtime: 0 });
      continue;
    }
    const member = links.member(rel, e);
    if (options.markLiteralNames && basename(path).startsWith(WHITEOUT)) member.pax = { ...member.pax, [LITERAL_NAME_RECORD]: '1' };
    out.push(member);
    if (e.kind === 'dir' && e.opaque) out.push({ path: path === '/' ? OPAQUE : `${rel}/${OPAQUE}`, type: 'file', mode: 0o600, uid: 0, gid: 0, mtime: e.mtime });
  }
  return out;
}

/**
 * A container's diff as it becomes an image layer (commit, a build step): moby tars the upper directory and
 * applies the tar, so a file the container named `.wh.x` arrives as the deletion of x (seen on 20.10: after a
 * commit, neither `/.wh.x` nor `x` is there), and every time is cut to the whole second its tar header holds
 * (seen on 20.10: a file touched at 03.707633639 stats 03.000000000 in the committed image; a commit and a build
 * step that make the same directory within one second give one diff ID, so one layer).
 */
export function committedDiff(entries: Map<string, Entry>): Map<string, Entry> {
  if (![...entries.keys()].some((path) => basename(path).startsWith(WHITEOUT))) return wholeSeconds(entries);
  const asRead = tarFromEntries(entries).map((m): TarEntry => ({ mode: 0, uid: 0, gid: 0, mtime: 0, data: new Uint8Array(0), ...m }));
  return wholeSeconds(entriesFromTar(asRead));
}

/** The entries with their times cut to whole seconds (copies; the names of one inode stay one inode). */
function wholeSeconds(entries: Map<string, Entry>): Map<string, Entry> {
  let out: Map<string, Entry> | undefined;
  for (const [path, e] of entries) {
    if (e.kind === 'whiteout' || e.mtime % 1000 === 0) continue;
    out ??= new Map(entries);
    out.set(path, withMeta(e, { mtime: Math.floor(e.mtime / 1000) * 1000 }));
  }
  return out ?? entries;
}

/** One visible entry as a tar member. */
export function memberOf(path: string, e: LiveEntry): TarEntryInput {
  const common = { path, mode: e.mode, uid: e.uid, gid: e.gid, mtime: e.mtime };
  switch (e.kind) {
    case 'file':
      return { ...common, type: 'file', data: e.data };
    case 'dir':
      return { ...common, type: 'dir' };
    case 'symlink':
      return { ...common, type: 'symlink', linkname: e.target };
    case 'char':
      return { ...common, type: e.block ? 'block' : 'char', devmajor: e.major, devminor: e.minor };
  }
}

/**
 * Members for a walk that may meet one inode under several names: the first name is written in full, every
 * later one as a hard link ('1') to it, as Go's archive/tar writes them for moby (layers, export, cp).
 */
export class HardLinks {
  private readonly first = new Map<LinkGroup, string>();

  member(path: string, e: LiveEntry): TarEntryInput {
    const group = linkOf(e);
    if (group === undefined) return memberOf(path, e);
    const first = this.first.get(group);
    if (first === undefined) {
      this.first.set(group, path);
      return memberOf(path, e);
    }
    return { path, type: 'hardlink', linkname: first, mode: e.mode, uid: e.uid, gid: e.gid, mtime: e.mtime };
  }
}
