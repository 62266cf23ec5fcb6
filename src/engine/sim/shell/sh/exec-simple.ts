// A simple command (ash's evalcommand): expand, trace, find the command (function, builtin, busybox applet run
// without a PATH search as this build does, then $PATH), apply redirections, run it, and put the descriptors
// back. Failures to execute print ash's texts ("sh: foo: not found", 127; "Permission denied", 126).

import { EngineError } from '../../../../errors/engine-error.js';
import { resolvePath } from '../../fs/path.js';
import { BUSYBOX_APPLETS } from '../busybox-applets.js';
import { IN_PLACE_APPLETS } from '../noexec-applets.js';
import { runBusybox } from '../busybox.js';
import { execResolved, realpathOr } from '../exec-file.js';
import { canAccess } from '../permissions.js';
import { missingCode } from '../missing-path.js';
import { DEFAULT_PATH, notSimulatedText, searchPath } from '../resolve-executable.js';
import { sniffExecutable } from '../sniff-executable.js';
import type { Assign, Command } from './ast.js';
import { BUILTINS } from './builtins/index.js';
import type { Builtin } from './builtins/index.js';
import { expandArgs, expandString } from './expand.js';
import { applyRedirs, restoreFds } from './redirect.js';
import type { Shell } from './shell.js';
import { ReturnSignal, ShellError } from './signals.js';
import type { ShellVar } from './vars.js';

const APPLETS = new Set(BUSYBOX_APPLETS);

/** What a command name refers to. */
export type Found =
  | { kind: 'function'; body: Command }
  | { kind: 'builtin'; builtin: Builtin }
  | { kind: 'applet' }
  | { kind: 'path'; path: string }
  | { kind: 'notfound' };

/** Looks a command name up as ash does (with FEATURE_SH_STANDALONE). */
export function lookupCommand(sh: Shell, name: string, skipFunctions = false): Found {
  if (name.includes('/')) return { kind: 'path', path: name };
  const fn = skipFunctions ? undefined : sh.funcs.get(name);
  if (fn && fn.t === 'func') return { kind: 'function', body: fn.body };
  const builtin = BUILTINS.get(name);
  if (builtin) return { kind: 'builtin', builtin };
  if (APPLETS.has(name)) return { kind: 'applet' };
  const path = searchPath(sh.ctx.fs, sh.cwd, sh.vars.value('PATH') ?? DEFAULT_PATH, name, false);
  return path === undefined ? { kind: 'notfound' } : { kind: 'path', path };
}

/** Runs a simple command node; `last`: nothing follows in this process (ash's EV_EXIT). */
export function runSimple(sh: Shell, cmd: Extract<Command, { t: 'simple' }>, last = false): number {
  sh.lineno = cmd.line;
  sh.step();
  sh.substStatus = null;
  const argv = expandArgs(sh, cmd.words);
  if (argv.length === 0) {
    const done: [string, string][] = [];
    for (const a of cmd.assigns) {
      const value = expandString(sh, a.value);
      sh.setVar(a.name, value);
      done.push([a.name, value]);
    }
    if (sh.opts.xtrace && done.length > 0) trace(sh, done, []);
    const saved = applyRedirs(sh, cmd.redirs);
    if (!saved) return 1;
    restoreFds(sh, saved);
    return sh.substStatus ?? 0;
  }
  const found = lookupCommand(sh, argv[0] ?? '');
  const saved = applyRedirs(sh, cmd.redirs);
  if (!saved) {
    if (found.kind === 'builtin' && found.builtin.special) throw new ShellError(1);
    return 1;
  }
  sh.keepRedirs = false;
  try {
    // with a trap set ash forks even the last program: the trap must run once it ends
    return execute(sh, found, argv, cmd.assigns, last && !sh.hasTraps());
  } finally {
    if (sh.keepRedirs) sh.keepRedirs = false;
    else restoreFds(sh, saved);
  }
}

/**
 * Runs an already looked-up command. Prefix assignments are expanded and assigned one after the other (each
 * sees the ones before it); they stay for special builtins and are temporary, exported variables otherwise.
 * A program (applet or file) runs in a child process, or with `inPlace` in the shell's own (exec, or the last
 * command of a process).
 */
export function execute(sh: Shell, found: Found, argv: string[], assigns: Assign[] = [], inPlace = false): number {
  const name = argv[0] ?? '';
  if (found.kind === 'builtin' && found.builtin.special) {
    const done: [string, string][] = [];
    for (const a of assigns) {
      const value = expandString(sh, a.value);
      sh.setVar(a.name, value);
      done.push([a.name, value]);
    }
    if (sh.opts.xtrace) trace(sh, done, argv);
    return found.builtin.run(sh, argv);
  }
  return withTempVars(sh, assigns, argv, () => {
    switch (found.kind) {
      case 'builtin':
        try {
          return found.builtin.run(sh, argv);
        } catch (e) {
          if (e instanceof ShellError) return e.status;
          throw e;
        }
      case 'function':
        return callFunction(sh, found.body, argv);
      case 'applet': {
        const env = sh.environment();
        return runProgram(sh, inPlace, (p) => {
          becomeApplet(p, argv);
          const ctx = p.childContext(env);
          return ctx.programs.runApplet(ctx, argv);
        });
      }
      case 'path': {
        const env = sh.environment();
        return runProgram(sh, inPlace, (p) => runPath(p, argv, found.path, env));
      }
      case 'notfound':
        sh.message(`${name}: not found`);
        return 127;
    }
  });
}

function runProgram(sh: Shell, inPlace: boolean, body: (process: Shell) => number): number {
  return inPlace ? body(sh) : sh.runChild(sh.spawnProgram(), body);
}

// ash with FEATURE_SH_STANDALONE runs an applet named without a path itself: a NOEXEC one in the forked child
// as it is (comm changes, the command line stays the shell's), any other by executing busybox again.
function becomeApplet(sh: Shell, argv: string[]): void {
  const name = argv[0] ?? '';
  if (!sh.proc) return;
  if (IN_PLACE_APPLETS.has(name)) sh.proc.ns.rename(sh.proc.pid, name);
  else sh.proc.ns.exec(sh.proc.pid, argv, name);
}

/** Calls a shell function with `argv` as its positional parameters. */
function callFunction(sh: Shell, body: Command, argv: string[]): number {
  const savedParams = sh.params;
  const savedLine = sh.funcLine;
  sh.params = argv.slice(1);
  sh.locals.push(new Map());
  sh.funcLine = sh.lineno;
  try {
    return sh.run(body);
  } catch (e) {
    if (e instanceof ReturnSignal) return e.status;
    throw e;
  } finally {
    const scope = sh.locals.pop();
    if (scope) restoreVars(sh, scope);
    sh.params = savedParams;
    sh.funcLine = savedLine;
  }
}

function restoreVars(sh: Shell, scope: Map<string, ShellVar | null>): void {
  for (const [name, old] of scope) {
    if (old === null) sh.vars.delete(name);
    else {
      const v = sh.vars.set(name, old.value);
      v.exported = old.exported;
      v.readonly = old.readonly;
    }
  }
}

function withTempVars(sh: Shell, assigns: Assign[], argv: string[], body: () => number): number {
  const saved = new Map<string, ShellVar | null>();
  const done: [string, string][] = [];
  try {
    for (const a of assigns) {
      const value = expandString(sh, a.value);
      if (!saved.has(a.name)) {
        const old = sh.vars.get(a.name);
        saved.set(a.name, old ? { ...old } : null);
      }
      sh.setVar(a.name, value, true);
      done.push([a.name, value]);
    }
    if (sh.opts.xtrace) trace(sh, done, argv);
    return body();
  } finally {
    restoreVars(sh, saved);
  }
}

/** Executes a file found by path or $PATH, as ash's shellexec + tryexec do. */
function runPath(sh: Shell, argv: string[], path: string, env: Map<string, string>): number {
  const name = argv[0] ?? '';
  const fs = sh.ctx.fs;
  const abs = resolvePath(sh.cwd, path);
  const st = fs.stat(abs);
  if (!st && missingCode(sh.ctx, abs) !== 'EACCES') {
    sh.message(`${name}: not found`);
    return 127;
  }
  if (!st || st.kind === 'dir' || !canAccess(st, sh.ctx.uid, sh.ctx.gid, 1)) {
    sh.message(`${name}: Permission denied`);
    return 126;
  }
  const ctx = sh.childContext(env);
  const target = sniffExecutable(fs, abs);
  switch (target.kind) {
    case 'busybox':
      if (sh.proc) sh.proc.ns.exec(sh.proc.pid, argv, path);
      return runBusybox(ctx, argv, realpathOr(ctx, abs));
    case 'elf':
      throw new EngineError('NOT_SIMULATED', notSimulatedText(path));
    case 'script': {
      const interp = fs.stat(resolvePath(sh.cwd, target.interpreter));
      if (!interp || interp.kind !== 'file') {
        sh.message(`${name}: not found`);
        return 127;
      }
      return execResolved(ctx, path, argv);
    }
    case 'text':
      return ctx.programs.runShell(ctx, ['ash', path, ...argv.slice(1)]);
  }
}

// xtrace: PS4 then each word, single-quoted when it holds characters ash's maybe_single_quote quotes.
function trace(sh: Shell, assigns: [string, string][], argv: string[]): void {
  const words = [...assigns.map(([n, v]) => `${n}=${quote(v)}`), ...argv.map(quote)];
  sh.err(`${sh.vars.value('PS4') ?? '+ '}${words.join(' ')}\n`);
}

/** ash's maybe_single_quote. */
function quote(s: string): string {
  if (!/[^+,\-./0-9:@A-Z\]^_a-z]/.test(s)) return s;
  return `'${s.replace(/'/g, `'"'"'`)}'`;
}
