// busybox mkdir (bb_make_directory): "can't create directory 'X': strerror", -p creating parents and
// tolerating existing directories, -m.

import { FsError } from '../../fs/vfs.js';
import type { ProcessContext } from '../process.js';
import { abs, errorMsg, perrorMsg } from './lib/common.js';
import { getopt } from './lib/getopt.js';
import { parseMode } from './lib/mode.js';
import { showUsage } from './lib/usage.js';
import { strerror } from '../io.js';

/** Creates a directory like bb_make_directory; prints its own error and returns false on failure. */
function makeDirectory(
  ctx: ProcessContext,
  applet: string,
  path: string,
  mode: number | null,
  parents: boolean,
  verbose = false,
): boolean {
  if (path === '/' || path === '.') return true;
  const umask = ctx.umask ?? 0o022;
  const steps: string[] = [];
  if (parents) {
    const re = /\/+/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(path)) !== null) {
      const end = m.index + m[0].length;
      if (end < path.length && m.index > 0) steps.push(path.slice(0, end));
    }
  }
  steps.push(path);
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i] ?? '';
    const last = i === steps.length - 1;
    const p = abs(ctx, step);
    try {
      ctx.fs.mkdir(p, last ? 0o777 & ~umask : 0o777 & ~(umask & ~0o300));
    } catch (e) {
      if (!(e instanceof FsError)) throw e;
      if (e.code !== 'EEXIST' || !parents || ctx.fs.stat(p)?.kind !== 'dir') {
        // "dir/" names a directory: an existing non-directory there is ENOTDIR, as mkdir(2) reports.
        const code = e.code === 'EEXIST' && step.endsWith('/') && ctx.fs.stat(p)?.kind !== 'dir' ? 'ENOTDIR' : e.code;
        errorMsg(ctx, applet, `can't create directory '${step}': ${strerror(code)}`);
        return false;
      }
      if (last) return true;
      continue;
    }
    // FILEUTILS_VERBOSE: each directory made, parents with their trailing slashes
    if (verbose) ctx.stdout(`created directory: '${step}'\n`);
    if (last && mode !== null) {
      try {
        ctx.fs.chmod(p, mode);
      } catch (e) {
        perrorMsg(ctx, applet, `can't set permissions of directory '${step}'`, e);
        return false;
      }
    }
  }
  return true;
}

/** `mkdir [-m MODE] [-p] DIRECTORY...` */
export function mkdir(ctx: ProcessContext, argv: string[]): number {
  const o = getopt(ctx, 'mkdir', argv, { flags: 'pv', args: 'm', long: { mode: { key: 'm', arg: true }, parents: { key: 'p' }, verbose: { key: 'v' } } });
  if (typeof o === 'number') return o;
  let mode: number | null = null;
  const spec = o.value('m');
  if (spec !== undefined) {
    mode = parseMode(spec, 0o777, true, 0);
    if (mode === null) {
      errorMsg(ctx, 'mkdir', `invalid mode '${spec}'`);
      return 1;
    }
  }
  if (o.operands.length === 0) return showUsage(ctx, 'mkdir');
  let status = 0;
  for (const dir of o.operands) if (!makeDirectory(ctx, 'mkdir', dir, mode, o.has('p'), o.has('v'))) status = 1;
  return status;
}

/** `mkdir --help` (busybox 1.35's text, recorded from the real binary; the banner line is printed before it). */
export const mkdirUsage =
  "\nUsage: mkdir [-m MODE] [-p] DIRECTORY...\n\nCreate DIRECTORY\n\n\t-m MODE\tMode\n\t-p\tNo error if exists; make parent directories as needed\n";
