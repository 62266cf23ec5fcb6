// Unix permission checks the Vfs leaves to its callers (it has no notion of credentials): root may read and
// write anything and execute anything with an x bit; other users get the owner, group or other bits.

import type { Stat } from '../fs/vfs.js';

/** Access wanted: 4 read, 2 write, 1 execute (search for directories). */
export type AccessMode = 4 | 2 | 1;

/** True when a process with uid/gid may access a node as `want`. */
export function canAccess(st: Stat, uid: number, gid: number, want: AccessMode): boolean {
  if (uid === 0) return want !== 1 || st.kind === 'dir' || (st.mode & 0o111) !== 0;
  const bits = st.uid === uid ? st.mode >> 6 : st.gid === gid ? st.mode >> 3 : st.mode;
  return (bits & want) !== 0;
}
