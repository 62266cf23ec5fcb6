// BB_EXECVP for applets that run other programs (env, find -exec, xargs): busybox prefers its own applets,
// otherwise the program is looked up in $PATH like execvp.

import { resolvePath } from '../../../fs/path.js';
import { BUSYBOX_APPLETS } from '../../busybox-applets.js';
import { execResolved } from '../../exec-file.js';
import type { ProcessContext } from '../../process.js';
import { DEFAULT_PATH, searchPath } from '../../resolve-executable.js';

const APPLETS = new Set(BUSYBOX_APPLETS);

/** Why a program could not be run: the errno text a busybox applet prints. */
export type ExecError = 'No such file or directory' | 'Permission denied';

/** Runs argv; returns the exit status, or the error when it could not be executed. */
export function runProgram(ctx: ProcessContext, argv: string[]): number | ExecError {
  const name = argv[0] ?? '';
  if (!name.includes('/') && APPLETS.has(name)) return ctx.programs.runApplet(ctx, argv);
  const path = name.includes('/') ? name : searchPath(ctx.fs, ctx.cwd, ctx.env.get('PATH') ?? DEFAULT_PATH, name, false);
  if (path === undefined) return 'No such file or directory';
  const st = ctx.fs.stat(resolvePath(ctx.cwd, path));
  if (!st) return 'No such file or directory';
  if (st.kind === 'dir' || (st.mode & 0o111) === 0) return 'Permission denied';
  return execResolved(ctx, path, argv);
}
