// A host path as a chroot sees it: every symlink on the way is followed inside the host root, `..` stops at the
// root and an absolute target starts again from it. The daemon resolves a bind source, a build context, `-f`,
// `import FILE` and `load -i FILE` on its host before it touches them; the sandbox host does the same inside
// DRYDOCK_HOST_ROOT, so a symlink a container wrote into a bind-mounted folder (`ln -s / /data/root`) can lead
// only to the host root itself, never out of it (issue 12, item 2).

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

/** A backend's own entries as the resolver's lookup (the in-memory host and the disk host alike). */
function backendLookup(backend: { get(path: string): { kind: string; target?: string } | undefined }): LinkLookup {
  return (path) => backend.get(path);
}

/** `path` on a host backend with its symlinks followed inside the root; a loop gives the path unchanged (it then names nothing). */
export function followHostPath(backend: { get(path: string): { kind: string; target?: string } | undefined }, path: string): string {
  return resolveInRoot(backendLookup(backend), path, true) ?? path;
}
