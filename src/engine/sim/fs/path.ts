// Pure POSIX path helpers for container paths. The simulator never uses node:path so that the core runs
// anywhere (a browser included) and never mixes host and container path rules.

/** Joins and normalises: resolves ".", ".." and duplicate slashes; relative paths are taken from `cwd`. */
export function resolvePath(cwd: string, path: string): string {
  const full = path.startsWith('/') ? path : `${cwd}/${path}`;
  // most paths the simulator resolves are normal already: they come back as they are, without a split and a join
  if (isNormal(full)) return full;
  const out: string[] = [];
  for (const part of full.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return `/${out.join('/')}`;
}

const SLASH = 47;
const DOT = 46;

// True when `path` is absolute and resolvePath would return it unchanged: no empty, "." or ".." component and
// no trailing slash ("/" itself aside).
function isNormal(path: string): boolean {
  const n = path.length;
  if (n === 0 || path.charCodeAt(0) !== SLASH) return false;
  if (n === 1) return true;
  if (path.charCodeAt(n - 1) === SLASH) return false;
  for (let i = path.indexOf('/'); i !== -1; i = path.indexOf('/', i + 1)) {
    const c1 = path.charCodeAt(i + 1);
    if (c1 === SLASH) return false;
    if (c1 !== DOT) continue;
    // i + 2 past the end reads NaN: "/." and "/.." at the end are components too
    const c2 = path.charCodeAt(i + 2);
    if (c2 === SLASH || i + 2 >= n) return false;
    if (c2 === DOT && (i + 3 >= n || path.charCodeAt(i + 3) === SLASH)) return false;
  }
  return true;
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
