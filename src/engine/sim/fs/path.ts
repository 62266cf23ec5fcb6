// Pure POSIX path helpers for container paths. The simulator never uses node:path so that the core runs
// anywhere (a browser included) and never mixes host and container path rules.

/** Joins and normalises: resolves ".", ".." and duplicate slashes; relative paths are taken from `cwd`. */
export function resolvePath(cwd: string, path: string): string {
  const full = path.startsWith('/') ? path : `${cwd}/${path}`;
  const out: string[] = [];
  for (const part of full.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return `/${out.join('/')}`;
}

/** "/a/b" → "/a"; "/a" → "/"; "/" → "/". */
export function dirname(path: string): string {
  const i = path.lastIndexOf('/');
  return i <= 0 ? '/' : path.slice(0, i);
}

/** "/a/b" → "b"; "/" → "". */
export function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** Every ancestor of a normalised path, outermost first, without "/" and without the path itself. */
export function ancestors(path: string): string[] {
  const out: string[] = [];
  let i = path.indexOf('/', 1);
  while (i !== -1) {
    out.push(path.slice(0, i));
    i = path.indexOf('/', i + 1);
  }
  return out;
}

/** True when `path` is `root` or lies below it. */
export function isWithin(root: string, path: string): boolean {
  return root === '/' || path === root || path.startsWith(`${root}/`);
}
