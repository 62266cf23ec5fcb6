// The busybox multi-call binary: the applet is the name it was invoked as (`/bin/ls` → `ls`), or the first
// argument of `busybox APPLET …`; `busybox --list[-full]` and `busybox --install [-s] [DIR]` manage the links.

import { basename, resolvePath } from '../fs/path.js';
import { FsError } from '../fs/vfs.js';
import { BUSYBOX_APPLETS, BUSYBOX_APPLET_PATHS, BUSYBOX_BANNER } from './busybox-applets.js';
import type { ProcessContext } from './process.js';
import { strerror } from './io.js';
import { errorMsg } from './applets/lib/common.js';

const KNOWN = new Set(BUSYBOX_APPLETS);

/** Runs busybox with `argv`; `binaryPath` is the real path of the busybox file (link target for --install). */
export function runBusybox(ctx: ProcessContext, argv: string[], binaryPath = '/bin/busybox'): number {
  const applet = basename(argv[0] ?? '');
  if (applet !== 'busybox') {
    if (!KNOWN.has(applet)) {
      errorMsg(ctx, applet, 'applet not found');
      return 127;
    }
    return ctx.programs.runApplet(ctx, argv);
  }
  const first = argv[1];
  if (first === undefined || first === '--help') {
    ctx.stdout(helpText());
    return 0;
  }
  if (first === '--list') {
    ctx.stdout(BUSYBOX_APPLETS.map((a) => `${a}\n`).join(''));
    return 0;
  }
  if (first === '--list-full') {
    ctx.stdout(BUSYBOX_APPLET_PATHS.map((a) => `${a}\n`).join(''));
    return 0;
  }
  if (first === '--install') return install(ctx, argv.slice(2), binaryPath);
  if (!KNOWN.has(first)) {
    errorMsg(ctx, first, 'applet not found');
    return 127;
  }
  return ctx.programs.runApplet(ctx, argv.slice(1));
}

// Links every applet into DIR, or to its own install path without DIR. The Vfs has no hard links, so plain
// `--install` makes symlinks as `-s` does. Existing names are skipped silently, as busybox does.
function install(ctx: ProcessContext, args: string[], binaryPath: string): number {
  const rest = args[0] === '-s' ? args.slice(1) : args;
  const dir = rest[0];
  for (let i = 0; i < BUSYBOX_APPLET_PATHS.length; i++) {
    const full = BUSYBOX_APPLET_PATHS[i] ?? '';
    const name = BUSYBOX_APPLETS[i] ?? '';
    const link = dir === undefined ? `/${full}` : `${dir.replace(/\/+$/, '')}/${name}`;
    try {
      ctx.fs.symlink(binaryPath, resolvePath(ctx.cwd, link));
    } catch (e) {
      if (!(e instanceof FsError)) throw e;
      if (e.code !== 'EEXIST') errorMsg(ctx, 'busybox', `${link}: ${strerror(e.code)}`);
    }
  }
  return 0;
}

function helpText(): string {
  const names = BUSYBOX_APPLETS.join(', ');
  const lines: string[] = [];
  let cur = '';
  for (const word of names.split(' ')) {
    if (cur && cur.length + 1 + word.length > 71) {
      lines.push(cur);
      cur = word;
    } else cur = cur ? `${cur} ${word}` : word;
  }
  if (cur) lines.push(cur);
  return (
    `${BUSYBOX_BANNER} multi-call binary.\n` +
    'BusyBox is copyrighted by many authors between 1998-2015.\n' +
    'Licensed under GPLv2. See source distribution for detailed\n' +
    'copyright notices.\n\n' +
    'Usage: busybox [function [arguments]...]\n' +
    '   or: busybox --list[-full]\n' +
    '   or: busybox --install [-s] [DIR]\n' +
    '   or: function [arguments]...\n\n' +
    '\tBusyBox is a multi-call binary that combines many common Unix\n' +
    '\tutilities into a single executable.  The shell in this build\n' +
    '\tis configured to run built-in utilities without $PATH search.\n' +
    "\tYou don't need to install a link to busybox for each utility.\n" +
    '\tTo run external program, use full path (/sbin/ip instead of ip).\n\n' +
    'Currently defined functions:\n' +
    lines.map((l) => `\t${l}\n`).join('')
  );
}
