// Why a path a process looked up is not there, as the kernel would say it: a component that is not a directory
// (ENOTDIR), a directory the process may not search (EACCES: `cat /root/x` as a user), else ENOENT. The Vfs
// answers stat() with null for all three; callers that print an error ask here which one it was.

import { resolvePath } from '../fs/path.js';
import type { FsErrorCode } from '../fs/vfs.js';
import { canAccess } from './permissions.js';
import type { ProcessContext } from './process.js';

/** The errno a failed lookup of `path` (relative to the process's cwd) gives. */
export function missingCode(ctx: Pick<ProcessContext, 'fs' | 'cwd' | 'uid' | 'gid'>, path: string): FsErrorCode {
  const parts = resolvePath(ctx.cwd, path).split('/').filter(Boolean);
  const trailingSlash = /[^/]\/+$/.test(path);
  let prefix = '';
  for (let i = 0; i < parts.length; i++) {
    prefix += `/${parts[i] ?? ''}`;
    const st = ctx.fs.stat(prefix);
    if (!st) return 'ENOENT';
    const last = i === parts.length - 1;
    if (st.kind !== 'dir' && (!last || trailingSlash)) return 'ENOTDIR';
    if (st.kind === 'dir' && !last && !canAccess(st, ctx.uid, ctx.gid, 1)) return 'EACCES';
  }
  return 'ENOENT';
}
