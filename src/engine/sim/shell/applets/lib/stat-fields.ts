// st_nlink and st_blocks as ext4 reports them, where the simulated filesystem does not say: what ls, stat,
// find and du print of a file.

import type { Stat } from '../../../fs/vfs.js';
import type { ProcessContext } from '../../process.js';

/** st_nlink: what the Vfs reports when it knows (overlay: 1 for merged dirs), else ext4's 2 + subdirectories. */
export function linkCount(ctx: ProcessContext, path: string, st: Stat): number {
  const reported = (st as Stat & { nlink?: number }).nlink;
  if (typeof reported === 'number') return reported;
  if (st.kind !== 'dir') return 1;
  let n = 2;
  try {
    for (const name of ctx.fs.readdir(path)) if (ctx.fs.lstat(`${path === '/' ? '' : path}/${name}`)?.kind === 'dir') n++;
  } catch {
    // unreadable: keep 2
  }
  return n;
}

/** st_blocks in 512-byte units, as ext4 allocates them (4 KiB blocks; fast symlinks and devices use none). */
export function blocksOf(st: Stat): number {
  if (st.blocks !== undefined) return st.blocks;
  if (st.kind === 'dir') return 8;
  if (st.kind === 'file') return Math.ceil(st.size / 4096) * 8;
  return 0;
}
