// A scenario's `files:` written into a real engine's run folder, which stands in for the scenario's `/` as
// DRYDOCK_HOST_ROOT does for the simulator: `..` stops at the folder, an absolute path lands inside it, and a
// symlink already in the folder is followed inside it as a chroot would follow it (an absolute target is read
// from the folder, `..` stops there), so no file is ever written elsewhere on the machine.

import { chmodSync, lstatSync, mkdirSync, readlinkSync, writeFileSync, type Stats } from 'node:fs';
import { join, posix } from 'node:path';
import { resolveInRoot, type LinkLookup } from '../../root-path.js';

/** Writes `files` (scenario paths) under `root`; a path whose links loop is refused with the kernel's ELOOP text. */
export function writeRunFolderFiles(root: string, files: readonly { path: string; content: Uint8Array; mode: number }[]): void {
  const lookup: LinkLookup = (path) => {
    try {
      const real = join(root, path);
      return lstatSync(real).isSymbolicLink() ? { kind: 'symlink', target: readlinkSync(real) } : { kind: 'other' };
    } catch {
      return undefined;
    }
  };
  for (const file of files) {
    const inside = resolveInRoot(lookup, posix.resolve('/', file.path), true);
    if (inside === null || inside === '/') throw new Error(`files: ${file.path}: ${inside === null ? 'Too many levels of symbolic links' : 'Is a directory'}`);
    // every parent is a real directory inside the root, or missing; mkdir makes the missing ones one by one
    const parts = inside.split('/').filter(Boolean);
    let dir = root;
    for (const part of parts.slice(0, -1)) {
      dir = join(dir, part);
      const st = lstatOrNull(dir);
      if (st === null) mkdirSync(dir);
      else if (!st.isDirectory()) throw new Error(`files: ${file.path}: Not a directory`);
    }
    const path = join(root, inside);
    writeFileSync(path, file.content, { flag: 'w' });
    chmodSync(path, file.mode);
  }
}

function lstatOrNull(path: string): Stats | null {
  try {
    return lstatSync(path);
  } catch {
    return null;
  }
}
