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
  // the components still to walk, next one last (a stack: a link's target goes on top); `done` holds the path
  // walked so far, one entry per component (so `..` is a pop), each the whole path up to it
  const todo = components(path).reverse();
  const done: string[] = [];
  let links = 0;
  while (todo.length > 0) {
    const name = todo.pop()!;
    if (name === '..') {
      done.pop();
      continue;
    }
    const parent = done.length > 0 ? done[done.length - 1]! : '';
    const here = `${parent}/${name}`;
    if (todo.length === 0 && !followLast) {
      done.push(here);
      break;
    }
    const entry = lookup(here);
    if (entry?.kind === 'symlink' && entry.target !== undefined) {
      if (++links > MAX_LINKS) return null;
      if (entry.target.startsWith('/')) done.length = 0;
      const target = components(entry.target);
      for (let i = target.length - 1; i >= 0; i--) todo.push(target[i]!);
      continue;
    }
    done.push(here);
  }
  return done.length > 0 ? done[done.length - 1]! : '/';
}

// A path's names, without the empty and `.` ones.
function components(path: string): string[] {
  return path.split('/').filter((p) => p !== '' && p !== '.');
}
