// The state of one running shell (ash): variables, functions, positional parameters, options, working
// directory and file descriptors, plus the services the interpreter and builtins share (error messages in
// ash's format, expansion hooks, child contexts). A subshell is a deep copy (`fork`).

import { resolvePath } from '../../fs/path.js';
import type { ProcessContext } from '../process.js';
import type { ProcessHandle } from '../pid-namespace.js';
import { ProcessBlocked, StepBudgetExceeded } from '../process-errors.js';
import { checkTimeLimit } from '../time-limit.js';
import { toBytes } from '../io.js';
import { passwdEntries } from '../users.js';
import { ArithError, evalArith } from './arith.js';
import type { Assign, Command } from './ast.js';
import { execute, lookupCommand } from './exec-simple.js';
import type { Found } from './exec-simple.js';
import { runCommand, runSubshell } from './exec-tree.js';
import type { ExpandHost } from './expand.js';
import { globExpand } from './glob.js';
import { OPTION_ORDER } from './options.js';
import type { ShellOptions } from './options.js';
import { ShellError } from './signals.js';
import type { JobTable } from './jobs.js';
import { VarStore } from './vars.js';
import type { ShellVar } from './vars.js';

/** A readable descriptor's data (shared, so every reader consumes the same bytes). */
export interface InputStream {
  data: Uint8Array;
  open: boolean;
}

/** An open file descriptor of the shell. */
export interface Fd {
  input?: InputStream;
  write?: (chunk: string | Uint8Array) => void;
  /** the write end of a pipeline's pipe (an endless producer stops once it has filled it) */
  pipe?: true;
}

/** How a shell was started. */
export interface ShellStart {
  /** `$0`, also the prefix of ash's own messages */
  arg0: string;
  /** the script name when running `-c … name` or a file: adds "line N: " to messages */
  commandName: string | null;
  params: string[];
  /** basename of the shell binary as invoked ("sh"): prefix of applet-style builtin messages */
  appletName: string;
  /** letters for `$-` besides the options ("c", "s") */
  modeFlag: string;
  options?: Partial<ShellOptions>;
}

const DEFAULT_ROOT_PATH = '/sbin:/usr/sbin:/bin:/usr/bin';

/** One shell process (or subshell). */
export class Shell implements ExpandHost {
  vars = new VarStore();
  funcs = new Map<string, Command>();
  params: string[];
  arg0: string;
  commandName: string | null;
  appletName: string;
  modeFlag: string;
  status = 0;
  opts: ShellOptions;
  cwd: string;
  fds: (Fd | undefined)[];
  /** line of the command being run (ash's errlinno) */
  lineno = 0;
  /** first line of the running function, for $LINENO */
  funcLine = 0;
  /** saved variables of each active function call, for `local` */
  locals: Map<string, ShellVar | null>[] = [];
  loopDepth = 0;
  /** > 0 while running inside a condition (if/while test, && || operands, !): `set -e` does not apply */
  testedDepth = 0;
  traps = new Map<string, string>();
  /** status of the last command substitution of the current command (assignment-only commands return it) */
  substStatus: number | null = null;
  lastBgPid: number | undefined;
  /** background jobs, for `wait` (made at the first one) */
  jobs: JobTable | undefined;
  background = false;
  /** set by `exec` without a command: the redirections of this command stay */
  keepRedirs = false;
  umask = 0o022;
  /** reading commands from a terminal: messages carry no "line N:" */
  interactive = false;
  /** `$$`: the PID of the shell process; a subshell keeps its parent's */
  readonly pid: number;
  /** the process this (sub)shell runs as; absent where nothing tracks processes (the sandbox host) */
  proc: ProcessHandle | undefined;
  /** fake PIDs for `$!` where no namespace hands out real ones */
  private nextFakePid: number;

  constructor(
    readonly ctx: ProcessContext,
    start: ShellStart,
  ) {
    this.params = start.params;
    this.arg0 = start.arg0;
    this.commandName = start.commandName;
    this.appletName = start.appletName;
    this.modeFlag = start.modeFlag;
    this.opts = { ...(Object.fromEntries(OPTION_ORDER.map((o) => [o, false])) as unknown as ShellOptions), ...start.options };
    this.cwd = ctx.cwd;
    this.fds = [{ input: ctx.stdin }, { write: (c) => ctx.stdout(c) }, { write: (c) => ctx.stderr(c) }];
    this.proc = ctx.proc;
    this.pid = ctx.proc?.pid ?? 1;
    this.nextFakePid = this.pid + 5;
    this.umask = ctx.umask ?? 0o022;
    this.initVars();
  }

  // ash's init(): built-in variables first, then the environment, then PPID, SHLVL, HOSTNAME and PWD.
  private initVars(): void {
    const v = this.vars;
    v.set('IFS', ' \t\n');
    v.set('PATH', DEFAULT_ROOT_PATH);
    v.set('PS1', this.ctx.uid === 0 ? '# ' : '$ ');
    v.set('PS2', '> ');
    v.set('PS4', '+ ');
    v.set('OPTIND', '1');
    v.set('LINENO', '');
    v.set('FUNCNAME', '');
    for (const [name, value] of this.ctx.env) v.set(name, value, { exported: true });
    v.set('IFS', ' \t\n');
    v.set('OPTIND', '1');
    v.set('PPID', String(this.proc?.ns.get(this.proc.pid)?.ppid ?? 0));
    const shlvl = Number.parseInt(v.value('SHLVL') ?? '0', 10);
    v.set('SHLVL', String((Number.isNaN(shlvl) ? 0 : shlvl) + 1), { exported: true });
    if (v.value('HOSTNAME') === undefined) v.set('HOSTNAME', this.ctx.hostname);
    v.set('PWD', this.cwd, { exported: true });
    v.set('PS1', '\\w \\$ ');
  }

  /** A subshell: same state, copied. */
  fork(): Shell {
    const child = Object.create(Shell.prototype) as Shell;
    Object.assign(child, this);
    child.vars = this.vars.clone();
    child.funcs = new Map(this.funcs);
    child.params = [...this.params];
    child.opts = { ...this.opts };
    child.fds = [...this.fds];
    child.locals = [];
    child.traps = new Map();
    child.jobs = undefined;
    child.loopDepth = 0;
    return child;
  }

  /**
   * A subshell in a child process of its own (ash's forkshell): a copy of this shell with the next PID. Run it
   * with `runChild`.
   */
  spawnChild(): Shell {
    const child = this.fork();
    const proc = this.proc;
    if (proc) child.proc = { ns: proc.ns, pid: proc.ns.fork(proc.pid).pid };
    return child;
  }

  /**
   * A child process that will run a program, not shell code (ash forks, then execs): it only needs its own
   * PID, so it reads this shell's state instead of copying it (the per-command path of every script).
   */
  spawnProgram(): Shell {
    const proc = this.proc;
    if (!proc) return this;
    const child = Object.create(this) as Shell;
    child.proc = { ns: proc.ns, pid: proc.ns.fork(proc.pid).pid };
    return child;
  }

  /**
   * Runs `body` as the child process `child` (see spawnChild and spawnProgram). The process ends when body ends, unless it is
   * asleep (ProcessBlocked): a child that sleeps or waits is still there for ps.
   */
  runChild<T>(child: Shell, body: (child: Shell) => T): T {
    const proc = child.proc;
    if (!proc || proc === this.proc) return body(child);
    try {
      const result = proc.ns.runAs(proc.pid, () => body(child));
      proc.ns.exit(proc.pid);
      return result;
    } catch (e) {
      if (!(e instanceof ProcessBlocked)) proc.ns.exit(proc.pid);
      throw e;
    }
  }

  /** ash's `may_have_traps`: a trap is set, so even the last command forks (the trap must still run). */
  hasTraps(): boolean {
    return this.traps.size > 0;
  }

  /**
   * Runs a command tree; `tested` marks condition context (no `set -e` exit), `last` ash's EV_EXIT: nothing
   * follows in this process, so its last program runs in place instead of in a child.
   */
  run(cmd: Command, tested = false, last = false): number {
    return runCommand(this, cmd, tested, last);
  }

  /**
   * Looks a command name up as ash does (function, builtin, applet, $PATH). A method, so builtins such as
   * `command`, `type` and `exec` reach it without importing the table that holds them.
   */
  lookup(name: string, skipFunctions = false): Found {
    return lookupCommand(this, name, skipFunctions);
  }

  /** Runs a looked-up command (see exec-simple's execute); `inPlace`: as this process, not in a child. */
  execute(found: Found, argv: string[], assigns: Assign[] = [], inPlace = false): number {
    return execute(this, found, argv, assigns, inPlace);
  }

  /** Charges one step of the budget. */
  step(): void {
    checkTimeLimit();
    this.ctx.budget.steps--;
    if (this.ctx.budget.steps <= 0) throw new StepBudgetExceeded();
  }

  /** Writes to fd 1 (nothing when it is closed). */
  out(chunk: string | Uint8Array): void {
    this.fds[1]?.write?.(chunk);
  }

  /** Writes to fd 2. */
  err(chunk: string | Uint8Array): void {
    this.fds[2]?.write?.(chunk);
  }

  /**
   * Prints a message the way ash_vmsg does: "$0: [cmdname: ][line N: ]msg". `cmdName` is the running builtin;
   * the line number appears whenever there is a command name (a script name or a builtin).
   */
  message(msg: string, cmdName: string | null = this.commandName): void {
    let text = `${this.arg0}: `;
    if (cmdName !== null) {
      if (cmdName !== this.arg0) text += `${cmdName}: `;
      if (!this.interactive) text += `line ${this.lineno}: `;
    }
    // ash writes the message and its newline separately (stderr is unbuffered): a reader that wraps each
    // write, as the legacy builder colours RUN's stderr, sees two chunks (docker-reference.md 2.7, apt-get).
    this.err(`${text}${msg}`);
    this.err('\n');
  }

  /** Prints a message and raises ash's EXERROR. */
  raise(msg: string, cmdName: string | null = this.commandName, status = 2): never {
    this.message(msg, cmdName);
    throw new ShellError(status);
  }

  /** Assigns a variable, honouring readonly and `set -a`. */
  setVar(name: string, value: string, exported = false): void {
    const v = this.vars.get(name);
    if (v?.readonly) this.raise(`${name}: is read only`, null);
    this.vars.set(name, value, { exported: exported || this.opts.allexport });
  }

  /** The environment for a child process, plus per-command assignments. */
  environment(extra: [string, string][] = []): Map<string, string> {
    const env = this.vars.environment();
    for (const [n, value] of extra) env.set(n, value);
    return env;
  }

  /** A ProcessContext for an applet or program run by this shell, on the current descriptors. */
  childContext(env: Map<string, string>): ProcessContext {
    const ctx: ProcessContext = {
      ...this.ctx,
      cwd: this.cwd,
      env,
      stdin: this.fds[0]?.input ?? { data: new Uint8Array(), open: false },
      stdout: this.fds[1]?.write ?? ((): void => undefined),
      stdoutPipe: this.fds[1]?.pipe === true,
      stderr: this.fds[2]?.write ?? ((): void => undefined),
      umask: this.umask,
    };
    if (this.background) ctx.background = true;
    if (this.proc) ctx.proc = this.proc;
    return ctx;
  }

  /** A fresh fake PID for a background job where no namespace hands out PIDs. */
  allocPid(): number {
    return this.nextFakePid++;
  }

  /** `$-`. */
  flags(): string {
    const o = this.opts;
    const order: [boolean, string][] = [
      [o.nounset, 'u'], [o.allexport, 'a'], [o.noclobber, 'C'], [o.verbose, 'v'], [o.xtrace, 'x'],
      [o.notify, 'b'], [this.modeFlag === 'c', 'c'], [this.modeFlag === 's', 's'], [o.noexec, 'n'], [o.monitor, 'm'],
      [o.ignoreeof, 'I'], [o.noglob, 'f'], [o.errexit, 'e'],
    ];
    return order.filter(([on]) => on).map(([, l]) => l).join('');
  }

  // ---- ExpandHost ----

  param(name: string): string | undefined {
    switch (name) {
      case '?':
        return String(this.status);
      case '#':
        return String(this.params.length);
      case '$':
        return String(this.pid);
      case '!':
        return this.lastBgPid === undefined ? undefined : String(this.lastBgPid);
      case '-':
        return this.flags();
      case '0':
        return this.arg0;
      case '@':
      case '*':
        return this.params.join(' ');
      case 'LINENO':
        return String(this.lineno - (this.funcLine > 0 ? this.funcLine - 1 : 0));
      case 'RANDOM':
        return String(Math.floor(Math.random() * 32768));
    }
    if (/^[0-9]+$/.test(name)) return this.params[Number(name) - 1];
    return this.vars.value(name);
  }

  positional(): string[] {
    return this.params;
  }

  assign(name: string, value: string): void {
    this.setVar(name, value);
  }

  commandSubst(body: Command | null): string {
    const chunks: Uint8Array[] = [];
    // an empty $( ) forks nothing; otherwise a child runs it, its last program in place (evalbackcmd)
    const status = body
      ? this.runChild(this.spawnChild(), (child) => {
          // ash runs command substitutions without `set -e` (evalbackcmd clears eflag)
          child.opts.errexit = false;
          child.fds[1] = { write: (c) => chunks.push(toBytes(c)) };
          return runSubshell(child, body, true);
        })
      : 0;
    this.substStatus = status;
    let text = '';
    const dec = new TextDecoder();
    for (const c of chunks) text += dec.decode(c, { stream: true });
    text += dec.decode();
    return text.replace(/\n+$/, '');
  }

  arith(text: string): string {
    try {
      return evalArith(text, { get: (n) => this.param(n), set: (n, v) => this.setVar(n, v) }).toString();
    } catch (e) {
      if (e instanceof ArithError) this.raise(e.message, null);
      throw e;
    }
  }

  fail(message: string): never {
    return this.raise(message, null);
  }

  home(user: string): string | undefined {
    if (user === '') return this.vars.value('HOME') ?? '';
    return passwdEntries(this.ctx.fs).find((e) => e.name === user)?.home;
  }

  nounset(): boolean {
    return this.opts.nounset;
  }

  noglob(): boolean {
    return this.opts.noglob;
  }

  glob(pattern: string): string[] {
    return globExpand(this.ctx.fs, this.cwd, pattern);
  }

  /** Absolute path of a name relative to the shell's directory. */
  abs(path: string): string {
    return resolvePath(this.cwd, path);
  }
}
