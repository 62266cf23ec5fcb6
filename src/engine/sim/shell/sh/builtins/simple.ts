// Builtins without control-flow effects: true/false/:, the busybox applets ash runs in-process (echo, printf,
// test), and the small job/limit/alias commands a container script may call.

import { killCommand } from '../../applets/kill.js';
import { echo } from '../../applets/echo.js';
import { printfMain } from '../../applets/printf.js';
import { testMain } from '../../applets/test.js';
import { signalSelf } from '../traps.js';
import type { Shell } from '../shell.js';
import type { Builtin } from './index.js';
import { waitBuiltin } from './wait.js';

const regular = (run: Builtin['run']): Builtin => ({ special: false, run });

function applet(sh: Shell): ReturnType<Shell['childContext']> {
  return sh.childContext(sh.environment());
}

// `umask [-S] [MODE]`: octal or symbolic (u=rwx,g=rx,o=rx).
function umask(sh: Shell, argv: string[]): number {
  const args = argv.slice(1);
  const symbolic = args[0] === '-S';
  if (symbolic) args.shift();
  const mode = args[0];
  if (mode === undefined) {
    if (symbolic) {
      const allowed = ~sh.umask & 0o777;
      const part = (shift: number): string => ['r', 'w', 'x'].filter((_, i) => allowed & (4 >> i) << shift).join('');
      sh.out(`u=${part(6)},g=${part(3)},o=${part(0)}\n`);
    } else sh.out(`${sh.umask.toString(8).padStart(4, '0')}\n`);
    return 0;
  }
  if (/^[0-7]+$/.test(mode)) {
    sh.umask = Number.parseInt(mode, 8) & 0o777;
    return 0;
  }
  sh.raise(`Illegal mode: ${mode}`, 'umask');
}

function alias(sh: Shell, argv: string[]): number {
  const aliases = aliasTable(sh);
  if (argv.length === 1) {
    for (const [k, v] of [...aliases].sort()) sh.out(`${k}='${v.replace(/'/g, `'"'"'`)}'\n`);
    return 0;
  }
  let status = 0;
  for (const a of argv.slice(1)) {
    const eq = a.indexOf('=');
    if (eq > 0) aliases.set(a.slice(0, eq), a.slice(eq + 1));
    else if (aliases.has(a)) sh.out(`${a}='${aliases.get(a) ?? ''}'\n`);
    else {
      sh.err(`${sh.appletName}: alias: ${a} not found\n`);
      status = 1;
    }
  }
  return status;
}

const ALIASES = new WeakMap<Shell, Map<string, string>>();
function aliasTable(sh: Shell): Map<string, string> {
  let t = ALIASES.get(sh);
  if (!t) {
    t = new Map();
    ALIASES.set(sh, t);
  }
  return t;
}

/** true, false, :, echo, printf, test, [, [[, pwd, hash, times, ulimit, umask, alias, unalias, jobs, wait, help. */
export const SIMPLE_BUILTINS: [string, Builtin][] = [
  [':', { special: true, run: () => 0 }],
  ['true', regular(() => 0)],
  ['false', regular(() => 1)],
  ['echo', regular((sh, argv) => echo(applet(sh), argv))],
  ['printf', regular((sh, argv) => printfMain(applet(sh), argv, sh.appletName, true))],
  ['test', regular((sh, argv) => testMain(applet(sh), argv, sh.appletName))],
  ['[', regular((sh, argv) => testMain(applet(sh), argv, sh.appletName))],
  ['[[', regular((sh, argv) => testMain(applet(sh), argv, sh.appletName))],
  ['pwd', regular((sh, argv) => {
    const physical = argv.slice(1).includes('-P');
    let dir = sh.cwd;
    if (physical) {
      try {
        dir = sh.ctx.fs.realpath(sh.cwd);
      } catch {
        // a vanished directory keeps its logical name
      }
    }
    sh.out(`${dir}\n`);
    return 0;
  })],
  ['hash', regular(() => 0)],
  ['times', { special: true, run: (sh) => {
    sh.out('0m0.000s 0m0.000s\n0m0.000s 0m0.000s\n');
    return 0;
  } }],
  ['ulimit', regular((sh) => {
    sh.out('unlimited\n');
    return 0;
  })],
  ['umask', regular(umask)],
  ['alias', regular(alias)],
  ['unalias', regular((sh, argv) => {
    for (const a of argv.slice(1)) aliasTable(sh).delete(a);
    return 0;
  })],
  ['jobs', regular(() => 0)],
  ['wait', regular(waitBuiltin)],
  ['kill', regular((sh, argv) =>
    killCommand({ out: (t) => sh.out(t), err: (t) => sh.err(t), prefix: `${sh.appletName}: ` }, argv, sh.proc, (signal, name) => signalSelf(sh, signal, name), sh.ctx.signalInit),
  )],
  ['help', { special: false, run: (sh) => {
    sh.out('Built-in commands:\n------------------\n');
    return 0;
  } }],
];
