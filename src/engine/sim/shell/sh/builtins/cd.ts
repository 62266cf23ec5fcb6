// cd/chdir as ash does it: logical paths ("cd .." drops the last component of $PWD), `cd -` prints the new
// directory, CDPATH is searched for relative names, PWD and OLDPWD are exported.

import { resolvePath } from '../../../fs/path.js';
import { canAccess } from '../../permissions.js';
import type { Shell } from '../shell.js';
import type { Builtin } from './index.js';

function cd(sh: Shell, argv: string[]): number {
  const args = argv.slice(1).filter((a) => a !== '-L' && a !== '-P');
  const physical = argv.slice(1).includes('-P');
  let dest: string | undefined = args[0];
  let print = false;
  if (dest === undefined) dest = sh.vars.value('HOME');
  else if (dest === '-') {
    dest = sh.vars.value('OLDPWD');
    print = true;
  }
  dest ??= '';
  let target: string | undefined;
  if (!dest.startsWith('/') && !/^\.\.?(\/|$)/.test(dest)) {
    const name = dest === '' ? '.' : dest;
    for (const dir of (sh.vars.value('CDPATH') ?? '').split(':').filter((d) => d !== '')) {
      const candidate = resolvePath(sh.cwd, `${dir}/${name}`);
      if (sh.ctx.fs.stat(candidate)?.kind === 'dir') {
        target = candidate;
        print = true;
        break;
      }
    }
    if (target === undefined) dest = name;
  }
  target ??= resolvePath(sh.cwd, dest);
  const st = sh.ctx.fs.stat(target);
  let error: string | null = null;
  if (!st) error = 'No such file or directory';
  else if (st.kind !== 'dir') error = 'Not a directory';
  else if (!canAccess(st, sh.ctx.uid, sh.ctx.gid, 1)) error = 'Permission denied';
  if (error) sh.raise(`can't cd to ${dest}: ${error}`, argv[0] ?? 'cd');
  if (physical) {
    try {
      target = sh.ctx.fs.realpath(target);
    } catch {
      // keep the logical path
    }
  }
  const old = sh.vars.value('PWD') ?? sh.cwd;
  sh.cwd = target;
  sh.vars.set('OLDPWD', old, { exported: true });
  sh.vars.set('PWD', target, { exported: true });
  if (print) sh.out(`${target}\n`);
  return 0;
}

/** cd, chdir. */
export const CD_BUILTINS: [string, Builtin][] = [
  ['cd', { special: false, run: cd }],
  ['chdir', { special: false, run: cd }],
];
