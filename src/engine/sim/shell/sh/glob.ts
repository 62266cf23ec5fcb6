// Pathname expansion over the container filesystem: each `/`-separated component with glob characters is
// matched against a directory listing; hidden names need an explicit dot; results are sorted bytewise like
// ash's expsort. An unmatched pattern is the caller's to keep literally.

import { resolvePath } from '../../fs/path.js';
import type { Vfs } from '../../fs/vfs.js';
import { compilePattern, hasGlobChars, unescapePattern } from './pattern.js';

/** Expands an escaped pattern (see pattern.ts) to the matching paths, sorted; [] when nothing matches. */
export function globExpand(fs: Vfs, cwd: string, pattern: string): string[] {
  // "dir*/" matches directories only and keeps the slash.
  if (pattern.length > 1 && pattern.endsWith('/')) {
    const base = pattern.replace(/\/+$/, '');
    return globExpand(fs, cwd, base)
      .filter((p) => fs.stat(resolvePath(cwd, p))?.kind === 'dir')
      .map((p) => `${p}/`);
  }
  const absolute = pattern.startsWith('/');
  const components = pattern.split('/').filter((c, i) => c !== '' || i === 0);
  if (absolute) components.shift();
  let paths: string[] = [absolute ? '/' : ''];
  for (let i = 0; i < components.length; i++) {
    const comp = components[i] ?? '';
    const last = i === components.length - 1;
    const next: string[] = [];
    for (const prefix of paths) {
      const dir = resolvePath(cwd, prefix === '' ? '.' : prefix);
      if (!hasGlobChars(comp)) {
        const candidate = join(prefix, unescapePattern(comp));
        if (!last || fs.lstat(resolvePath(cwd, candidate))) next.push(candidate);
        continue;
      }
      let names: string[];
      try {
        names = fs.readdir(dir);
      } catch {
        continue;
      }
      const re = compilePattern(comp);
      const dotOk = comp.startsWith('.') || comp.startsWith('\\.');
      // readdir(3) also returns "." and "..", which a pattern with a leading dot matches.
      if (dotOk) names = ['.', '..', ...names];
      for (const name of names) {
        if (name.startsWith('.') && !dotOk) continue;
        if (!re.test(name)) continue;
        const candidate = join(prefix, name);
        if (!last && fs.stat(resolvePath(cwd, candidate))?.kind !== 'dir') continue;
        next.push(candidate);
      }
    }
    paths = next;
    if (paths.length === 0) return [];
  }
  return paths.sort(byteCompare);
}

function join(prefix: string, name: string): string {
  if (prefix === '') return name;
  return prefix.endsWith('/') ? prefix + name : `${prefix}/${name}`;
}

/** strcmp order (the C locale) for UTF-16 strings of mostly ASCII text. */
function byteCompare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
