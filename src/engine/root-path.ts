// A path resolved as a chroot resolves it: every symlink on the way is followed inside a root, `..` stops at the
// root and an absolute target starts again from it. Both engines need it: the simulator for its host
// (DRYDOCK_HOST_ROOT) and containers' mount targets, the real engine for a scenario's `files:` in its run folder.

/** What the resolver needs of a filesystem: the entry at a path with no symlink before its last component. */
export type LinkLookup = (path: string) => { kind: string; target?: string } | undefined;

// Linux's MAXSYMLINKS: more links on one path is ELOOP
const MAX_LINKS = 40;

/**
 * The path with every symlink resolved inside the root, or null when the links loop (ELOOP). `followLast` also
 * follows a symlink in the last component (open, stat); without it the last component stays as named (lstat).
 */
export function resolveInRoot(lookup: LinkLookup, path: string, followLast = true): string | null {
  const queue = path.split('/').filter((p) => p !== '' && p !== '.');
  const done: string[] = [];
  let links = 0;
  while (queue.length > 0) {
    const name = queue.shift()!;
    if (name === '..') {
      done.pop();
      continue;
    }
    if (queue.length === 0 && !followLast) {
      done.push(name);
      break;
    }
    const here = `/${[...done, name].join('/')}`;
    const entry = lookup(here);
    if (entry?.kind === 'symlink' && entry.target !== undefined) {
      if (++links > MAX_LINKS) return null;
      if (entry.target.startsWith('/')) done.length = 0;
      queue.unshift(...entry.target.split('/').filter((p) => p !== '' && p !== '.'));
      continue;
    }
    done.push(name);
  }
  return `/${done.join('/')}`;
}
