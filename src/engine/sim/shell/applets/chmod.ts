// busybox chmod: octal or symbolic modes, -R, and its texts ("chmod: invalid mode 'X'").

import { FsError } from '../../fs/vfs.js';
import { strerror } from '../io.js';
import type { Applet } from './lib/common.js';
import { abs, errorMsg, missingError } from './lib/common.js';
import { modeString, parseMode } from './lib/mode.js';
import { showUsage } from './lib/usage.js';
import { withInvalid, walk, Invalid } from './lib/owner.js';

/** `chmod [-Rcvf] MODE[,MODE]... FILE...` */
export const chmod: Applet = (ctx, argv) => withInvalid(chmodMain)(ctx, argv);

const chmodMain: Applet = (ctx, argv) => {
  // A mode like "-x" looks like an option; busybox lets getopt skip it by checking for a mode first.
  const args = argv.slice(1);
  const flags = new Set<string>();
  while (args[0] && /^-[Rcvf]+$/.test(args[0])) for (const c of (args.shift() ?? '').slice(1)) flags.add(c);
  if (args[0] === '--') args.shift();
  const spec = args.shift();
  if (spec === undefined || args.length === 0) return showUsage(ctx, 'chmod');
  let status = 0;
  for (const file of args) {
    const top = ctx.fs.stat(abs(ctx, file));
    if (!top) {
      if (!flags.has('f')) errorMsg(ctx, 'chmod', `${file}: ${missingError(ctx, file)}`);
      status = 1;
      continue;
    }
    walk(ctx, file, flags.has('R'), (p) => {
      const st = p === file ? top : ctx.fs.lstat(abs(ctx, p));
      if (!st || st.kind === 'symlink') return;
      const mode = parseMode(spec, st.mode, st.kind === 'dir', ctx.umask ?? 0o022);
      if (mode === null) {
        errorMsg(ctx, 'chmod', `invalid mode '${spec}'`);
        throw new Invalid();
      }
      try {
        ctx.fs.chmod(abs(ctx, p), mode);
        if (flags.has('v') || (flags.has('c') && mode !== st.mode)) {
          ctx.stdout(`mode of '${p}' changed to ${mode.toString(8).padStart(4, '0')} (${modeString({ ...st, mode }).slice(1)})\n`);
        }
      } catch (e) {
        if (!(e instanceof FsError)) throw e;
        if (!flags.has('f')) errorMsg(ctx, 'chmod', `${p}: ${strerror(e.code)}`);
        status = 1;
      }
    });
  }
  return status;
};

/** `chmod --help` (busybox 1.35's text, recorded from the real binary; the banner line is printed before it). */
export const chmodUsage =
  "\nUsage: chmod [-Rcvf] MODE[,MODE]... FILE...\n\nMODE is octal number (bit pattern sstrwxrwxrwx) or [ugoa]{+|-|=}[rwxXst]\n\n\t-R\tRecurse\n\t-c\tList changed files\n\t-v\tVerbose\n\t-f\tHide errors\n";
