// Builtins that change what runs next: exit, return, break, continue, eval, `.`/source, exec, command,
// type, let and trap. Their error texts are ash's ("exit: line 0: Illegal number: abc").

import { readPath, strerror, toText } from '../../io.js';
import { FsError } from '../../../fs/vfs.js';
import { BUSYBOX_APPLETS } from '../../busybox-applets.js';
import { DEFAULT_PATH, searchPath } from '../../resolve-executable.js';
import { ArithError, evalArith } from '../arith.js';
import { eachCommand } from '../command-loop.js';
import type { Shell } from '../shell.js';
import { ExitSignal, LoopSignal, ReturnSignal } from '../signals.js';
import type { Builtin } from './index.js';
import { nextopt } from './nextopt.js';

const special = (run: Builtin['run']): Builtin => ({ special: true, run });
const APPLETS = new Set(BUSYBOX_APPLETS);
const regular = (run: Builtin['run']): Builtin => ({ special: false, run });

/** Parses a decimal argument or raises "Illegal number". */
export function number(sh: Shell, cmd: string, arg: string): number {
  if (!/^[0-9]+$/.test(arg)) sh.raise(`Illegal number: ${arg}`, cmd);
  return Number(arg);
}

/** Parses and runs source text in the current shell; syntax errors raise like ash's. */
function evalSource(sh: Shell, src: string, cmdName: string, startLine: number): number {
  let status = 0;
  eachCommand(
    src,
    startLine,
    (e) => sh.raise(e.message, cmdName),
    (cmd) => {
      status = sh.run(cmd);
      return true;
    },
  );
  return status;
}

function loopControl(kind: 'break' | 'continue'): Builtin {
  return special((sh, argv) => {
    const n = argv[1] === undefined ? 1 : number(sh, kind, argv[1]);
    if (n === 0) sh.raise('Illegal number: 0', kind);
    if (sh.loopDepth === 0) return 0;
    throw new LoopSignal(kind, Math.min(n, sh.loopDepth));
  });
}

function dot(sh: Shell, argv: string[]): number {
  const name = argv[0] ?? '.';
  const file = argv[1];
  if (file === undefined) return 0;
  let path = file;
  if (!file.includes('/')) {
    const found = searchPath(sh.ctx.fs, sh.cwd, sh.vars.value('PATH') ?? DEFAULT_PATH, file, false);
    if (found === undefined) sh.raise(`${file}: not found`, name);
    path = found;
  }
  let text: string;
  try {
    text = toText(readPath(sh.childContext(sh.environment()), path));
  } catch (e) {
    if (!(e instanceof FsError)) throw e;
    sh.raise(`can't open '${file}': ${strerror(e.code)}`, name);
  }
  const savedParams = sh.params;
  if (argv.length > 2) sh.params = argv.slice(2);
  try {
    return evalSource(sh, text, name, 1);
  } catch (e) {
    if (e instanceof ReturnSignal) return e.status;
    throw e;
  } finally {
    if (argv.length > 2) sh.params = savedParams;
  }
}

// `exec CMD …` runs a program (never a function or builtin) and ends the shell with its status.
function exec(sh: Shell, argv: string[]): number {
  const args = argv.slice(1);
  if (args[0] === '--') args.shift();
  if (args.length === 0) {
    sh.keepRedirs = true;
    return 0;
  }
  const name = args[0] ?? '';
  let found = sh.lookup(name, true);
  if (found.kind === 'builtin' || found.kind === 'function') {
    const path = searchPath(sh.ctx.fs, sh.cwd, sh.vars.value('PATH') ?? DEFAULT_PATH, name, false);
    found = APPLETS.has(name) ? { kind: 'applet' } : path === undefined ? { kind: 'notfound' } : { kind: 'path', path };
  }
  if (found.kind === 'notfound') {
    sh.message(`${name}: not found`, 'exec');
    throw new ExitSignal(127);
  }
  throw new ExitSignal(sh.execute(found, args, [], true));
}

/** Describes a command as `type` / `command -V` do; null when not found. */
function describe(sh: Shell, name: string, verbose: boolean): string | null {
  const found = sh.lookup(name);
  switch (found.kind) {
    case 'function':
      return verbose ? `${name} is a function` : name;
    case 'builtin':
      return verbose ? `${name} is a ${found.builtin.special ? 'special ' : ''}shell builtin` : name;
    case 'applet':
      return verbose ? `${name} is ${name}` : name;
    case 'path': {
      const st = sh.ctx.fs.stat(sh.abs(found.path));
      if (!st) return null;
      return verbose ? `${name} is ${found.path}` : found.path;
    }
    case 'notfound':
      return null;
  }
}

function command(sh: Shell, argv: string[]): number {
  let mode: 'run' | 'v' | 'V' = 'run';
  const i = nextopt(sh, argv, 'command', 'pvV', (c) => {
    if (c !== 'p') mode = c as 'v' | 'V';
  });
  const args = argv.slice(i);
  if (args.length === 0) return 0;
  if (mode !== 'run') {
    const text = describe(sh, args[0] ?? '', mode === 'V');
    if (text === null) {
      if (mode === 'V') sh.out(`${args[0] ?? ''}: not found\n`);
      return 127;
    }
    sh.out(`${text}\n`);
    return 0;
  }
  return sh.execute(sh.lookup(args[0] ?? '', true), args, []);
}

function trap(sh: Shell, argv: string[]): number {
  const args = argv.slice(1);
  if (args[0] === '--') args.shift();
  if (args.length === 0 || args[0] === '-p') {
    for (const [sig, action] of sh.traps) sh.out(`trap -- '${action.replace(/'/g, `'"'"'`)}' ${sig}\n`);
    return 0;
  }
  const reset = /^[0-9]+$/.test(args[0] ?? '') || args[0] === '-';
  const action = reset ? null : (args.shift() ?? '');
  if (args[0] === '-') args.shift();
  for (const sig of args) {
    const name = sig.replace(/^SIG/, '');
    const key = name === '0' ? 'EXIT' : name;
    if (action === null) sh.traps.delete(key);
    else sh.traps.set(key, action);
  }
  return 0;
}

/** exit, return, break, continue, eval, ., source, exec, command, type, let, trap. */
export const FLOW_BUILTINS: [string, Builtin][] = [
  ['exit', special((sh, argv) => {
    const status = argv[1] === undefined ? sh.status : number(sh, 'exit', argv[1]) & 255;
    throw new ExitSignal(status);
  })],
  ['return', special((sh, argv) => {
    const status = argv[1] === undefined ? sh.status : number(sh, 'return', argv[1]) & 255;
    throw new ReturnSignal(status);
  })],
  ['break', loopControl('break')],
  ['continue', loopControl('continue')],
  ['eval', special((sh, argv) => (argv.length > 1 ? evalSource(sh, argv.slice(1).join(' '), 'eval', sh.lineno) : 0))],
  ['.', special(dot)],
  ['source', special(dot)],
  ['exec', special(exec)],
  ['command', regular(command)],
  ['type', regular((sh, argv) => {
    let status = 0;
    for (const name of argv.slice(1)) {
      const text = describe(sh, name, true);
      if (text === null) {
        sh.out(`${name}: not found\n`);
        status = 127;
      } else sh.out(`${text}\n`);
    }
    return status;
  })],
  ['let', regular((sh, argv) => {
    if (argv.length < 2) sh.raise('expression expected', 'let');
    let v = 0n;
    for (const expr of argv.slice(1)) {
      try {
        v = evalArith(expr, { get: (n) => sh.param(n), set: (n, val) => sh.setVar(n, val) });
      } catch (e) {
        if (e instanceof ArithError) sh.raise(e.message, null);
        throw e;
      }
    }
    return v === 0n ? 1 : 0;
  })],
  ['trap', special(trap)],
];

