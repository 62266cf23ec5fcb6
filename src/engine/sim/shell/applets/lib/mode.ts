// bb_parse_mode: octal modes and symbolic clauses ("u+x,go-w", "a=rX", "g=u") for chmod, mkdir -m, install;
// and the other way, a mode as text (bb_mode_string).

import type { Stat } from '../../../fs/vfs.js';

const WHO: Record<string, number> = { a: 0o7777, u: 0o4700, g: 0o2070, o: 0o0007 };
const PERM: Record<string, number> = { r: 0o444, w: 0o222, x: 0o111, X: 0o111, s: 0o6000, t: 0o1000 };

/**
 * The new mode for `spec` applied to `current` (permission bits; `isDir` for X), or null when invalid.
 * `umask` limits clauses without a who-list, as chmod does.
 */
export function parseMode(spec: string, current: number, isDir = false, umask = 0o022): number | null {
  if (/^[0-7]/.test(spec)) {
    if (!/^[0-7]+$/.test(spec)) return null;
    const v = Number.parseInt(spec, 8);
    return v > 0o7777 ? null : v;
  }
  let mode = current;
  let i = 0;
  while (i < spec.length) {
    if (spec[i] === ',') {
      i++;
      continue;
    }
    let who = 0;
    while (WHO[spec[i] ?? ''] !== undefined) {
      who |= WHO[spec[i] ?? ''] ?? 0;
      i++;
      if (i >= spec.length) return null;
    }
    do {
      const op = spec[i];
      if (op !== '+' && op !== '-' && op !== '=') return null;
      if (op === '=') mode &= who ? ~who : ~0o7777;
      i++;
      let perms = 0;
      const copy = spec[i];
      if (copy === 'u' || copy === 'g' || copy === 'o') {
        const src = (WHO[copy] ?? 0) & 0o777 & mode;
        for (const bits of [0o444, 0o222, 0o111]) if (src & bits) perms |= bits;
        i++;
      } else {
        while (i < spec.length && PERM[spec[i] ?? ''] !== undefined) {
          const c = spec[i] ?? '';
          if (c !== 'X' || isDir || mode & 0o111) perms |= PERM[c] ?? 0;
          i++;
        }
      }
      if (perms) {
        perms &= who || ~umask;
        if (op === '-') mode &= ~perms;
        else mode |= perms;
      }
    } while (i < spec.length && spec[i] !== ',');
  }
  return mode & 0o7777;
}

/** `ls -l` style permission string ("rwxr-xr-x") with setuid/setgid/sticky letters. */
function permString(mode: number): string {
  const rwx = (bits: number, special: boolean, ch: string): string => {
    const r = bits & 4 ? 'r' : '-';
    const w = bits & 2 ? 'w' : '-';
    const x = bits & 1 ? (special ? ch : 'x') : special ? ch.toUpperCase() : '-';
    return r + w + x;
  };
  return (
    rwx((mode >> 6) & 7, (mode & 0o4000) !== 0, 's') +
    rwx((mode >> 3) & 7, (mode & 0o2000) !== 0, 's') +
    rwx(mode & 7, (mode & 0o1000) !== 0, 't')
  );
}

/** bb_mode_string: `drwxr-xr-x` (ls -l, stat, chmod -v). */
export function modeString(st: Stat): string {
  const type = st.kind === 'dir' ? 'd' : st.kind === 'symlink' ? 'l' : st.kind === 'char' ? (st.block ? 'b' : 'c') : '-';
  return type + permString(st.mode);
}
