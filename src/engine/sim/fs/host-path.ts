// A host path as a chroot sees it: every symlink on the way is followed inside the host root, `..` stops at the
// root and an absolute target starts again from it. The daemon resolves a bind source, a build context, `-f`,
// `import FILE` and `load -i FILE` on its host before it touches them; the sandbox host does the same inside
// DRYDOCK_HOST_ROOT, so a symlink a container wrote into a bind-mounted folder (`ln -s / /data/root`) can lead
// only to the host root itself, never out of it (issue 12, item 2).

import { resolveInRoot, type LinkLookup } from '../../root-path.js';

/** A backend's own entries as the resolver's lookup (the in-memory host and the disk host alike). */
function backendLookup(backend: { get(path: string): { kind: string; target?: string } | undefined }): LinkLookup {
  return (path) => backend.get(path);
}

/** `path` on a host backend with its symlinks followed inside the root; a loop gives the path unchanged (it then names nothing). */
export function followHostPath(backend: { get(path: string): { kind: string; target?: string } | undefined }, path: string): string {
  return resolveInRoot(backendLookup(backend), path, true) ?? path;
}
