// `kill` (ash's builtin and the busybox applet share busybox's kill_main): signal names and numbers, `-l`, and
// what a signal does to the container's processes. A process of the caller's own exec (a background job) ends;
// PID 1 gets it as from docker kill -s (its trap runs; a namespace's init gets no signal it has no handler for,
// even SIGKILL from inside); signal 0 only asks whether the process exists. Signalling a process of another exec or of the main process's script
// is not simulated (the main process would have to go on without it), and says so.

import type { ProcessHandle } from '../pid-namespace.js';
import { Applet } from './lib/common.js';
import { ProcessContext } from '../process.js';

const SIGNALS = [
  'HUP', 'INT', 'QUIT', 'ILL', 'TRAP', 'ABRT', 'BUS', 'FPE', 'KILL', 'USR1', 'SEGV', 'USR2', 'PIPE', 'ALRM', 'TERM',
  'STKFLT', 'CHLD', 'CONT', 'STOP', 'TSTP', 'TTIN', 'TTOU', 'URG', 'XCPU', 'XFSZ', 'VTALRM', 'PROF', 'WINCH', 'POLL',
  'PWR', 'SYS',
];

/** Where kill writes; `prefix` is "sh: " for the builtin, "kill: " for the applet. */
export interface KillIo {
  out(text: string): void;
  err(text: string): void;
  prefix: string;
}

/** The number of a signal given as a number or a name (with or without SIG), or undefined. */
function signalNumber(spec: string): number | undefined {
  if (/^\d+$/.test(spec)) return Number(spec) <= SIGNALS.length ? Number(spec) : undefined;
  const name = spec.toUpperCase().replace(/^SIG/, '');
  const i = SIGNALS.indexOf(name);
  return i === -1 ? undefined : i + 1;
}

/**
 * What a shell does with a signal it sends itself (ash's builtin kill); false: not simulated. It may throw:
 * the shell dies of the signal.
 */
export type SelfSignal = (signal: number, name: string) => boolean;

/** Runs `kill ARGS…` as the process `self`; returns the exit status. */
export function killCommand(io: KillIo, argv: readonly string[], self: ProcessHandle | undefined, onSelf?: SelfSignal, toInit?: (signal: number, name: string) => void): number {
  const args = argv.slice(1);
  if (args[0] === '-l') return listSignals(io, args.slice(1));
  let signal = 15;
  if (args[0] === '-s' || args[0] === '-n') {
    const spec = args[1] ?? '';
    args.splice(0, 2);
    const n = signalNumber(spec);
    if (n === undefined && spec !== '0') return fail(io, `bad signal name '${spec}'`);
    signal = n ?? 0;
  } else if (args[0]?.startsWith('-') && args[0] !== '--') {
    const spec = args.shift()?.slice(1) ?? '';
    const n = spec === '0' ? 0 : signalNumber(spec);
    if (n === undefined) return fail(io, `bad signal name '${spec}'`);
    signal = n;
  }
  if (args[0] === '--') args.shift();
  if (args.length === 0) return fail(io, 'you need to specify whom to kill');
  let status = 0;
  let toSelf = false;
  for (const arg of args) {
    if (!/^-?\d+$/.test(arg)) return fail(io, `invalid number '${arg}'`);
    const pid = Number(arg);
    const target = self?.ns.get(pid);
    if (!target || !self) {
      io.err(`${io.prefix}can't kill pid ${arg}: No such process\n`);
      status = 1;
      continue;
    }
    if (signal === 0) continue;
    // a signal to itself is delivered once, however often it is named (signals pending do not queue)
    if (pid === self.pid && onSelf) {
      toSelf = true;
      continue;
    }
    // PID 1 gets what it traps (docker exec … kill -USR1 1); without a trap, even SIGKILL from inside is ignored
    if (pid === 1) {
      if (toInit && signal !== 9) toInit(signal, SIGNALS[signal - 1] ?? String(signal));
      continue;
    }
    const caller = self.ns.get(self.pid);
    if (target.session !== caller?.session || ancestors(self).has(pid)) {
      io.err(`${io.prefix}drydock: signalling PID ${pid} (${target.argv.join(' ') || target.comm}) is not simulated here; use --engine docker\n`);
      status = 1;
      continue;
    }
    self.ns.exit(pid);
  }
  if (toSelf && onSelf && !onSelf(signal, SIGNALS[signal - 1] ?? String(signal))) {
    io.err(`${io.prefix}drydock: stopping a process (SIG${SIGNALS[signal - 1] ?? signal}) is not simulated here; use --engine docker\n`);
    return 1;
  }
  return status;
}

// the caller and the shells it runs under: a signal to one of them would end the script that sends it
function ancestors(self: ProcessHandle): Set<number> {
  const found = new Set<number>();
  for (let p = self.ns.get(self.pid); p && !found.has(p.pid); p = self.ns.get(p.ppid)) found.add(p.pid);
  return found;
}

function listSignals(io: KillIo, names: string[]): number {
  if (names.length === 0) {
    io.out(SIGNALS.map((s, i) => `${String(i + 1).padStart(2)}) ${s}\n`).join(''));
    return 0;
  }
  for (const name of names) {
    const n = signalNumber(name);
    if (n === undefined) return fail(io, `bad signal name '${name}'`);
    io.out(/^\d+$/.test(name) ? `${SIGNALS[n - 1]}\n` : `${n}\n`);
  }
  return 0;
}

function fail(io: KillIo, message: string): number {
  io.err(`${io.prefix}${message}\n`);
  return 1;
}

/** `kill [-SIG] PID...`, the applet (the shell's builtin calls killCommand with its own output and prefix). */
export const kill: Applet = (ctx: ProcessContext, argv) =>
  killCommand({ out: (t) => ctx.stdout(t), err: (t) => ctx.stderr(t), prefix: 'kill: ' }, argv, ctx.proc, undefined, ctx.signalInit);

/** `kill --help` (busybox 1.35's text, recorded from the real binary; the banner line is printed before it). */
export const killUsage =
  "\nUsage: kill [-l] [-SIG] PID...\n\nSend a signal (default: TERM) to given PIDs\n\n\t-l\tList all signal names and numbers\n";
