// Inode numbers for the simulator's files. The real numbers differ from run to run and between engines, so the
// simulator only keeps what can be compared: the names of one inode (hard links) share a number, other files
// get a stand-in derived from their path, and `[ a -ef b ]`, `find -samefile`, `ls -i` and `stat -c %i` agree.

import type { Stat } from '../../fs-types.js';
import type { LinkGroup } from '../layer/entry.js';
import type { Vfs } from './vfs.js';

/** The number every name of a hard-linked inode shows (derived from the name it was first linked from). */
export function linkInode(group: LinkGroup): number {
  // FNV-1a over a key no plain path can have, so a linked file never shares a number with an unlinked one
  let h = 2166136261;
  for (const c of `${group.origin}\0link`) h = Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0;
  return (h % 8_000_000) + 10_000_000;
}

/** Whether two stats (of the paths named) are one file: one inode, or one resolved path. */
export function sameFile(a: Stat, realA: string, b: Stat, realB: string): boolean {
  if (a.ino !== undefined || b.ino !== undefined) return a.ino === b.ino;
  return realA === realB;
}

/** find's -samefile: a test of one stat against the file named (a missing file matches nothing). */
export function sameFileTest(fs: Vfs, path: string): (st: Stat, at: string) => boolean {
  const want = fs.stat(path);
  if (!want) return () => false;
  const real = fs.realpath(path);
  return (st, at) => {
    if (want.ino !== undefined || st.ino !== undefined) return want.ino === st.ino;
    try {
      return fs.realpath(at) === real && st.kind === want.kind;
    } catch {
      return false;
    }
  };
}
