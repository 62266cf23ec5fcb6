// remove_file, busybox's removal of one path (rm, and mv after a copy across filesystems): "can't remove 'X':
// strerror", "'X' is a directory" without -r, silence for missing files with -f, and -i's questions.

import { strerror } from '../../io.js';
import type { ProcessContext } from '../../process.js';
import { ProcessBlocked } from '../../process-errors.js';
import { abs, errorMsg, missingError, perrorMsg } from './common.js';

// bb_ask_y_confirmation: reads one line of stdin; yes when it starts with y or Y.
function askYes(ctx: ProcessContext): boolean {
  const data = ctx.stdin.data;
  const nl = data.indexOf(10);
  if (nl === -1 && ctx.stdin.open) throw new ProcessBlocked('stdin');
  const line = data.subarray(0, nl === -1 ? data.length : nl);
  ctx.stdin.data = data.subarray(nl === -1 ? data.length : nl + 1);
  return line[0] === 0x79 || line[0] === 0x59;
}

/** Removes a path like remove_file; prints errors; returns false on failure. */
export function removeFile(ctx: ProcessContext, applet: string, path: string, force: boolean, recursive: boolean, verbose = false, interactive = false): boolean {
  const p = abs(ctx, path);
  const st = ctx.fs.lstat(p);
  if (!st) {
    // remove_file: only ENOENT is "can't remove" (and silent with -f); ENOTDIR is "can't stat"
    const why = missingError(ctx, path);
    if (why !== strerror('ENOENT')) {
      errorMsg(ctx, applet, `can't stat '${path}': ${why}`);
      return false;
    }
    if (force) return true;
    errorMsg(ctx, applet, `can't remove '${path}': No such file or directory`);
    return false;
  }
  ctx.budget.steps--;
  if (st.kind === 'dir') {
    if (!recursive) {
      errorMsg(ctx, applet, `'${path}' is a directory`);
      return false;
    }
    let ok = true;
    let names: string[];
    try {
      names = ctx.fs.readdir(p);
    } catch {
      return false;
    }
    if (interactive) {
      ctx.stderr(`${applet}: descend into directory '${path}'? `);
      if (!askYes(ctx)) return true;
    }
    for (const name of names) {
      const sub = path.endsWith('/') ? `${path}${name}` : `${path}/${name}`;
      if (!removeFile(ctx, applet, sub, force, recursive, verbose, interactive)) ok = false;
    }
    if (!ok) return false;
    if (interactive) {
      ctx.stderr(`${applet}: remove directory '${path}'? `);
      if (!askYes(ctx)) return true;
    }
    try {
      ctx.fs.rmdir(p);
    } catch (e) {
      return fail(ctx, applet, path, e);
    }
    if (verbose) ctx.stdout(`removed directory: '${path}'\n`);
    return true;
  }
  if (interactive) {
    ctx.stderr(`${applet}: remove '${path}'? `);
    if (!askYes(ctx)) return true;
  }
  try {
    ctx.fs.unlink(p);
  } catch (e) {
    return fail(ctx, applet, path, e);
  }
  if (verbose) ctx.stdout(`removed '${path}'\n`);
  return true;
}

function fail(ctx: ProcessContext, applet: string, path: string, e: unknown): false {
  perrorMsg(ctx, applet, `can't remove '${path}'`, e);
  return false;
}
