// The base image's tree (fixtures/base/rootfs.json) as data both engines share: the simulator builds its base
// layer from it, the real engine turns it into the tarball it `docker import`s. Keeping one definition is what
// makes `ls -l /bin` agree on both engines. Pure data in, entries out: no file access here.

import type { TarEntryInput } from './tar-entry.js';

/** One node of the base tree; modes are octal strings in the JSON ("0755", "1777"). */
export type RootfsNode =
  | { path: string; type: 'dir'; mode: string }
  | { path: string; type: 'file'; mode: string; content: 'busybox' }
  | { path: string; type: 'symlink'; target: string };

/** fixtures/base/rootfs.json. */
export interface RootfsManifest {
  comment?: string;
  /** the tag both engines give the base image */
  image: string;
  /** one time for every node (ISO 8601), so the tarball and its hash never depend on when it was made */
  mtime: string;
  /** the one real file: Debian's busybox-static binary, described, not stored */
  busybox: {
    path: string;
    hostPath: string;
    size: number;
    sha256: string;
    /** first line of `busybox --help` */
    version: string;
    package: string;
  };
  /** sorted by path, parents before children */
  entries: RootfsNode[];
}

/** Checks parsed JSON against the manifest shape; a hand-edited file fails here, not half way through a build. */
export function parseRootfsManifest(json: unknown): RootfsManifest {
  const fail = (where: string, what: string): never => {
    throw new Error(`rootfs manifest: ${where} ${what}`);
  };
  if (!isObject(json)) return fail('the top level', 'must be an object');
  if (typeof json.image !== 'string') fail('image', 'must be a string');
  if (typeof json.mtime !== 'string' || Number.isNaN(Date.parse(json.mtime))) fail('mtime', 'must be an ISO date');
  const busybox = json.busybox;
  if (!isObject(busybox)) return fail('busybox', 'must be an object');
  for (const key of ['path', 'hostPath', 'sha256', 'version', 'package']) {
    if (typeof busybox[key] !== 'string') fail(`busybox.${key}`, 'must be a string');
  }
  if (typeof busybox.size !== 'number') fail('busybox.size', 'must be a number');
  if (!Array.isArray(json.entries)) return fail('entries', 'must be an array');
  json.entries.forEach((node: unknown, i) => {
    const where = `entries[${i}]`;
    if (!isObject(node) || typeof node.path !== 'string' || node.path === '' || node.path.startsWith('/')) {
      fail(where, 'needs a relative path');
      return;
    }
    if (node.type === 'symlink') {
      if (typeof node.target !== 'string') fail(where, 'needs a target');
    } else if (node.type === 'dir' || node.type === 'file') {
      if (typeof node.mode !== 'string' || !/^[0-7]{3,4}$/u.test(node.mode)) fail(where, 'needs an octal mode string');
      if (node.type === 'file' && node.content !== 'busybox') fail(where, 'content must be "busybox"');
    } else fail(where, 'type must be dir, file or symlink');
  });
  return json as unknown as RootfsManifest;
}

/** The manifest as tar entries; `busybox` is the binary's bytes (the simulator may pass a stand-in). */
export function rootfsEntries(manifest: RootfsManifest, busybox: Uint8Array): TarEntryInput[] {
  const mtime = Date.parse(manifest.mtime);
  return manifest.entries.map((node): TarEntryInput => {
    const common = { path: node.path, uid: 0, gid: 0, mtime };
    switch (node.type) {
      case 'dir':
        return { ...common, type: 'dir', mode: parseInt(node.mode, 8) };
      case 'file':
        return { ...common, type: 'file', mode: parseInt(node.mode, 8), data: busybox };
      case 'symlink':
        return { ...common, type: 'symlink', mode: 0o777, linkname: node.target };
    }
  });
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
