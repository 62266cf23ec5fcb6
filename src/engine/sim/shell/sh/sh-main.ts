// The `sh`/`ash` applet: option parsing, then the script from `-c`, a file or stdin, run line by line the way
// ash's main loop does (a syntax error ends the shell with status 2 after the earlier lines ran). A shell
// reading an open stdin runs what has arrived and then waits (ProcessBlocked), like `docker run -i … sh`.

import { basename } from '../../fs/path.js';
import { readPath, strerror, toText } from '../io.js';
import type { ProcessContext } from '../process.js';
import { ProcessBlocked } from '../process-errors.js';
import { FsError } from '../../fs/vfs.js';
import { ShellSyntaxError } from './syntax-error.js';
import { eachCommand } from './command-loop.js';
import { Parser } from './parser.js';
import { Shell } from './shell.js';
import { OPTION_LETTERS, OPTION_ORDER } from './options.js';
import type { ShellOptions } from './options.js';
import { ExitSignal, LoopSignal, ReturnSignal, ShellError } from './signals.js';
import { runExitTrap } from './traps.js';
import { errorMsg } from '../applets/lib/common.js';

/** Runs `sh [options] [-c script [arg0 [args…]] | -s [args…] | file [args…]]`. */
export function runShellMain(ctx: ProcessContext, argv: string[]): number {
  const prog = argv[0] ?? 'sh';
  const options: Partial<ShellOptions> = {};
  let cflag = false;
  let sflag = false;
  let i = 1;
  for (; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (a === '--' || a === '-') {
      i++;
      break;
    }
    if (!/^[-+]./.test(a)) break;
    const on = a[0] === '-';
    for (const c of a.slice(1)) {
      if (c === 'c') cflag = on;
      else if (c === 's') sflag = on;
      else if (c === 'i' || c === 'l' || c === 'm') continue;
      else if (c === 'o') {
        const name = argv[++i] ?? '';
        if ((OPTION_ORDER as string[]).includes(name)) options[name as keyof ShellOptions] = on;
      } else {
        const opt = OPTION_LETTERS[c];
        if (!opt) {
          errorMsg(ctx, prog, `illegal option ${a[0]}${c}`);
          return 2;
        }
        options[opt] = on;
      }
    }
  }
  const rest = argv.slice(i);
  const appletName = basename(prog);
  if (cflag) {
    if (rest.length === 0) {
      errorMsg(ctx, prog, '-c requires an argument');
      return 2;
    }
    const named = rest.length > 1;
    const arg0 = named ? (rest[1] ?? prog) : prog;
    const sh = new Shell(ctx, { arg0, commandName: named ? arg0 : null, params: rest.slice(2), appletName, modeFlag: 'c', options });
    return runScript(sh, rest[0] ?? '', 0, false, true);
  }
  if (!sflag && rest.length > 0) {
    const file = rest[0] ?? '';
    let text: string;
    try {
      text = toText(readPath(ctx, file));
    } catch (e) {
      if (!(e instanceof FsError)) throw e;
      errorMsg(ctx, prog, `can't open '${file}': ${strerror(e.code)}`);
      return e.code === 'ENOENT' ? 2 : 2;
    }
    const sh = new Shell(ctx, { arg0: file, commandName: file, params: rest.slice(1), appletName, modeFlag: '', options });
    return runScript(sh, text, 1, false);
  }
  const stdin = ctx.stdin;
  const text = toText(stdin.data);
  const waiting = stdin.open;
  stdin.data = new Uint8Array();
  const sh = new Shell(ctx, { arg0: prog, commandName: null, params: rest, appletName, modeFlag: 's', options });
  if (ctx.tty) return runInteractive(sh, text, waiting);
  return runScript(sh, text, 1, waiting);
}

/**
 * Parses and runs `src` one top-level line at a time; returns the shell's exit status. `waiting`: more input
 * would follow (an open stdin), so the end of the text blocks instead of exiting. `execLast` (`sh -c`): the
 * line that ends the text is the process's last (ash's evalstring with EV_EXIT), so its program runs in place.
 */
function runScript(sh: Shell, src: string, startLine: number, waiting: boolean, execLast = false): number {
  try {
    eachCommand(
      src,
      startLine,
      (e, parser) => {
        if (waiting) throw new ProcessBlocked('stdin');
        sh.lineno = parser.lineNow();
        sh.message(e.message);
        sh.status = 2;
      },
      (cmd, parser) => {
        if (sh.opts.noexec) return true;
        try {
          sh.run(cmd, false, execLast && parser.endedAtEof);
        } catch (e) {
          if (e instanceof LoopSignal) return true;
          if (e instanceof ReturnSignal) {
            sh.status = e.status;
            return false;
          }
          throw e;
        }
        return true;
      },
    );
    if (waiting) throw new ProcessBlocked('stdin');
  } catch (e) {
    if (e instanceof ExitSignal || e instanceof ShellError) sh.status = e.status;
    else throw e;
  }
  runExitTrap(sh);
  return sh.status;
}

const BANNER = "\n\nBusyBox v1.35.0 (Debian 1:1.35.0-4+deb12u1+b1) built-in shell (ash)\nEnter 'help' for a list of built-in commands.\n\n";

// PS1 escapes ash expands: \w (cwd, ~ for $HOME), \W, \$ (# for root), \u, \h.
function prompt(sh: Shell): string {
  const home = sh.vars.value('HOME');
  const cwd = home && home !== '/' && (sh.cwd === home || sh.cwd.startsWith(`${home}/`)) ? `~${sh.cwd.slice(home.length)}` : sh.cwd;
  return (sh.vars.value('PS1') ?? '$ ').replace(/\\([wW$uh\\])/g, (_, c: string) => {
    if (c === 'w') return cwd;
    if (c === 'W') return cwd === '/' ? '/' : (cwd.split('/').pop() ?? '');
    if (c === '$') return sh.ctx.uid === 0 ? '#' : '$';
    if (c === 'u') return String(sh.ctx.uid === 0 ? 'root' : sh.ctx.uid);
    if (c === 'h') return sh.ctx.hostname.split('.')[0] ?? '';
    return '\\';
  });
}

/**
 * An interactive shell on a terminal (`docker run -it IMAGE sh`): the banner, then for each line the prompt,
 * the cursor-position query busybox's line editing sends, and the echoed input; errors do not end the shell.
 * With the input used up it prints the next prompt and waits (or exits on end of input).
 */
function runInteractive(sh: Shell, text: string, waiting: boolean): number {
  const out = (s: string): void => sh.ctx.stdout(s);
  sh.interactive = true;
  out(BANNER);
  const lines = text.split('\n');
  const complete = text.endsWith('\n') ? lines.slice(0, -1) : lines.slice(0, -1);
  let pending = '';
  try {
    for (const line of complete) {
      out(`${pending ? (sh.vars.value('PS2') ?? '> ') : prompt(sh)}\x1b[6n${line}\n`);
      const src = pending + line + '\n';
      let cmds: ReturnType<Parser['parseAll']>;
      try {
        cmds = new Parser(src, 1).parseAll();
      } catch (e) {
        if (!(e instanceof ShellSyntaxError)) throw e;
        if (/end of file|unterminated/.test(e.detail)) {
          pending = src;
          continue;
        }
        sh.message(e.message);
        pending = '';
        continue;
      }
      pending = '';
      if (!cmds) continue;
      try {
        sh.run(cmds);
      } catch (e) {
        if (e instanceof ShellError || e instanceof LoopSignal || e instanceof ReturnSignal) continue;
        throw e;
      }
    }
    out(`${pending ? (sh.vars.value('PS2') ?? '> ') : prompt(sh)}\x1b[6n`);
    if (waiting) throw new ProcessBlocked('stdin');
  } catch (e) {
    if (e instanceof ExitSignal) sh.status = e.status;
    else throw e;
  }
  runExitTrap(sh);
  return sh.status;
}
