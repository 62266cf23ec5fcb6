// What the path applets share.

import { basename } from '../../../fs/path.js';
import type { ProcessContext } from '../../process.js';
import { abs } from './common.js';

// xmalloc_realpath_coreutils (readlink -f and realpath alike): a dangling symlink is resolved through its
// target (a relative one from the working directory); when only the last component is missing, the real path of everything before the last slash plus
// "/" plus that component, which is how busybox ends up printing "//nope" for "/bin/../nope". A relative
/** name without a slash ("nope") that does not exist fails; "/nope" is itself. */
export function canonical(ctx: ProcessContext, path: string, depth = 0): string | null {
  if (path === '') return null;
  try {
    return ctx.fs.realpath(abs(ctx, path));
  } catch {
    if (depth > 40) return null;
    const link = ctx.fs.lstat(abs(ctx, path));
    if (link?.kind === 'symlink') {
      let target: string;
      try {
        target = ctx.fs.readlink(abs(ctx, path));
      } catch {
        return null;
      }
      // busybox resolves a relative target against the working directory, not the link's own
      return canonical(ctx, target.startsWith('/') ? target : `${ctx.cwd.replace(/\/+$/, '')}/${target}`, depth + 1);
    }
    let p = path;
    while (p.startsWith('//')) p = p.slice(1);
    let i = p.length - 1;
    while (i > 0 && p[i] === '/') i--;
    const lastSlash = p.slice(0, i + 1).lastIndexOf('/');
    if (lastSlash <= 0) return p.startsWith('/') ? p : null;
    try {
      return `${ctx.fs.realpath(abs(ctx, p.slice(0, lastSlash)))}/${p.slice(lastSlash + 1)}`;
    } catch {
      return null;
    }
  }
}

/** The last component of an operand, trailing slashes removed (bb_get_last_path_component_strip). */
export function lastComponent(path: string): string {
  const stripped = path.replace(/\/+$/, '');
  return stripped === '' ? '/' : basename(stripped);
}

/** `dir/name` with one slash between (a directory operand and a name in it). */
export function joinPath(dir: string, name: string): string {
  return dir.endsWith('/') ? dir + name : `${dir}/${name}`;
}
