// Archives for the save/load property test: one generated tree written in the header shapes of the tools that
// make the archives people import (GNU tar's default format, libarchive's bsdtar, Python's tarfile, docker
// export), with the project's own writer; and the same tree made by the real tools when the machine has them.

import { spawnSync } from 'node:child_process';
import { chmodSync, linkSync, lutimesSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { writeTar, type TarEntryInput } from '../../../../src/tar/tar.js';

/** One member of a generated tree, relative to its root ("" is the root itself). */
export interface TreeItem {
  path: string;
  type: 'dir' | 'file' | 'symlink' | 'hardlink';
  mode: number;
  uid: number;
  gid: number;
  /** whole seconds, in milliseconds: every shape can hold them */
  mtime: number;
  data?: string;
  linkname?: string;
}

/** The header shapes the writer can emulate. */
export type Shape = 'gnu' | 'bsdtar' | 'python' | 'docker-export';

const segment = fc.oneof(fc.constantFrom('bin', 'etc', 'usr', 'a', 'b', 'f.txt', 'é'), fc.integer({ min: 60, max: 160 }).map((n) => 'n'.repeat(n)));
const metaArb = fc.record({
  mode: fc.constantFrom(0o755, 0o700, 0o644, 0o600, 0o1777, 0o4755),
  uid: fc.constantFrom(0, 1, 1000, 65534),
  gid: fc.constantFrom(0, 1, 1000),
  mtime: fc.integer({ min: 1, max: 2_000_000_000 }).map((s) => s * 1000),
});

/** A random tree: a root entry, directories, files, symlinks and hard links to earlier files. */
export const treeArb: fc.Arbitrary<TreeItem[]> = fc
  .tuple(metaArb, fc.array(fc.tuple(fc.array(segment, { minLength: 1, maxLength: 3 }), fc.constantFrom('dir', 'file', 'file', 'symlink', 'hardlink'), metaArb, fc.string({ maxLength: 40 })), { minLength: 1, maxLength: 10 }))
  .map(([rootMeta, raw]) => {
    const items: TreeItem[] = [{ path: '', type: 'dir', ...rootMeta, mode: rootMeta.mode & 0o777 }];
    const kinds = new Map<string, TreeItem['type']>([['', 'dir']]);
    for (const [parts, type, meta, text] of raw) {
      const path = parts.join('/');
      if (kinds.has(path)) continue;
      // parents are directories made first; a path under a non-directory is dropped
      let ok = true;
      for (let i = 1; i < parts.length; i++) {
        const parent = parts.slice(0, i).join('/');
        const kind = kinds.get(parent);
        if (kind !== undefined && kind !== 'dir') {
          ok = false;
          break;
        }
        if (kind === undefined) {
          items.push({ path: parent, type: 'dir', ...meta, mode: 0o755 });
          kinds.set(parent, 'dir');
        }
      }
      if (!ok) continue;
      const files = items.filter((i) => i.type === 'file');
      if (type === 'hardlink' && files.length === 0) continue;
      if (type === 'hardlink') {
        const target = files[text.length % files.length] as TreeItem;
        items.push({ ...target, path, type: 'hardlink', linkname: target.path });
      } else if (type === 'symlink') items.push({ path, type, ...meta, mode: 0o777, linkname: text.length % 2 ? `/${parts[0]}` : 'f.txt' });
      else items.push({ path, type, ...meta, mode: type === 'dir' ? meta.mode | 0o700 : meta.mode, data: type === 'file' ? text : undefined });
      kinds.set(path, type);
    }
    return items;
  });

/** The tree as the given tool would archive it (`tar -C root -cf - .` and the like). */
export function archiveOf(tree: readonly TreeItem[], shape: Shape, extra: readonly TarEntryInput[] = []): Uint8Array {
  const dotted = shape === 'gnu' || shape === 'bsdtar';
  const members: TarEntryInput[] = tree
    // docker export and Python's tarfile.add(dir, arcname=name) of the members write no root entry
    .filter((i) => dotted || i.path !== '')
    .map((i) => ({
      path: dotted ? (i.path === '' ? './' : `./${i.path}`) : i.path,
      type: i.type,
      mode: i.mode,
      uid: i.uid,
      gid: i.gid,
      mtime: i.mtime,
      data: i.data === undefined ? undefined : new TextEncoder().encode(i.data),
      linkname: i.type === 'hardlink' && dotted ? `./${i.linkname ?? ''}` : i.linkname,
      uname: shape === 'docker-export' && i.uid === 0 ? 'root' : undefined,
    }));
  return writeTar([...members, ...extra], { format: shape === 'gnu' ? 'gnu' : 'pax', fileTypeBits: shape === 'docker-export' });
}

/** Archives of one fixed tree made by the real tools found on this machine (GNU tar, bsdtar, python3). */
export function realToolArchives(): { tool: string; bytes: Uint8Array }[] {
  const dir = mkdtempSync(join(tmpdir(), 'drydock-archives-'));
  try {
    const root = join(dir, 'root');
    const long = 'l'.repeat(120);
    mkdirSync(join(root, 'etc', long), { recursive: true });
    mkdirSync(join(root, 'bin'));
    writeFileSync(join(root, 'etc', 'f'), 'hi\n');
    linkSync(join(root, 'etc', 'f'), join(root, 'etc', 'g'));
    writeFileSync(join(root, 'etc', long, `${long}.txt`), 'long\n');
    symlinkSync('../etc/f', join(root, 'bin', 'f'));
    chmodSync(join(root, 'etc', 'f'), 0o640);
    const when = new Date('2001-02-03T04:05:06Z');
    for (const p of [join(root, 'etc', 'f'), join(root, 'etc', long, `${long}.txt`), join(root, 'etc', long), join(root, 'bin'), join(root, 'etc')]) utimesSync(p, when, when);
    lutimesSync(join(root, 'bin', 'f'), when, when);
    chmodSync(root, 0o710);
    utimesSync(root, when, when);
    const out: { tool: string; bytes: Uint8Array }[] = [];
    const make = (tool: string, command: string, args: string[]) => {
      const file = join(dir, `${tool}.tar`);
      const r = spawnSync(command, [...args.map((a) => a.replace('{out}', file).replace('{root}', root))], { stdio: 'ignore' });
      if (r.status === 0) out.push({ tool, bytes: new Uint8Array(readFileSync(file)) });
    };
    make('GNU tar (default format)', 'tar', ['--sort=name', '-C', '{root}', '-cf', '{out}', '.']);
    make('GNU tar --format=posix', 'tar', ['--sort=name', '--format=posix', '-C', '{root}', '-cf', '{out}', '.']);
    make('bsdtar', 'bsdtar', ['-C', '{root}', '-cf', '{out}', '.']);
    make('python3 tarfile', 'python3', ['-c', 'import sys, tarfile\nwith tarfile.open(sys.argv[1], "w") as t: t.add(sys.argv[2], arcname=".")', '{out}', '{root}']);
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
