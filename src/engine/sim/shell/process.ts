// The process model of the simulator: what a simulated program gets to run with (ProcessContext) and how a
// program is started (spawn). Containers run no real binaries; spawn decides what a file is from its content
// (busybox ELF, `#!` script, other ELF) and runs the matching built-in implementation.

import { EngineError } from '../../../errors/engine-error.js';
import type { Vfs } from '../fs/vfs.js';
import { withCredentials } from './credentials-vfs.js';
import type { ProcessHandle } from './pid-namespace.js';
import { execResolved } from './exec-file.js';
import { resolveExecutable } from './resolve-executable.js';

export { ProcessBlocked, StepBudgetExceeded } from './process-errors.js';
export { resolveExecutable } from './resolve-executable.js';

/**
 * Decides what a sleep of the container's main process means: it passes (the gate moves the clock on) or the
 * process is still asleep at the present (the gate throws ProcessBlocked and remembers when it would wake).
 */
export interface SleepGate {
  /**
   * `interruptibleBy`: the sleep is a `wait`, which a signal the shell has a trap for ends at once (a sleep
   * applet's sleep is not: its signal waits for it to end). Returns that signal, or null when the sleep passed.
   */
  sleep(ms: number, interruptibleBy?: (signal: { number: number; name: string }) => boolean): { number: number; name: string } | null;
  /** a signal that reached the process while it slept (docker stop's), taken once; its shell runs the trap */
  takeSignal?(): { number: number; name: string } | null;
}

/**
 * How a process starts another program of the image: carried in the context instead of imported, because the
 * applet table and the shell run in processes themselves (an import would close a cycle). Filled once by the
 * code that starts a container's process, from `programs.ts`.
 */
export interface Programs {
  /** runs the busybox applet named by basename(argv[0]) (the applet table) */
  runApplet(ctx: ProcessContext, argv: string[]): number;
  /** runs `sh`/`ash` with argv (a script file, `-c`, stdin) */
  runShell(ctx: ProcessContext, argv: string[]): number;
  /** an applet's `--help` text, without the banner line (printed after a usage error) */
  usage(name: string): string | undefined;
}

/** Everything a simulated process sees: its filesystem, credentials, environment, streams and time. */
export interface ProcessContext {
  /** how this process starts the image's programs (see Programs) */
  programs: Programs;
  fs: Vfs;
  /** absolute, normalised working directory */
  cwd: string;
  env: Map<string, string>;
  uid: number;
  gid: number;
  hostname: string;
  /** the bytes not read yet; open=true: after they are used up a read waits forever (docker run -i / -dit) */
  stdin: { data: Uint8Array; open: boolean };
  stdout(chunk: string | Uint8Array): void;
  stderr(chunk: string | Uint8Array): void;
  /** stdout is a pipe to the next stage of a pipeline */
  stdoutPipe?: boolean;
  /** 'main' = the container's PID 1, 'exec' = docker exec, 'build' = a RUN step */
  mode: 'main' | 'exec' | 'build';
  /** virtual time in ms since the epoch: `sleep` advances it, `date` and `touch` read it */
  clock: { now(): number; advance(ms: number): void };
  /** decremented per command and loop iteration; at 0 the process throws StepBudgetExceeded */
  budget: { steps: number };
  /** `uname -r`; the host kernel in real Docker (default DEFAULT_KERNEL) */
  kernel?: string;
  /** the process this program runs as (`$$`, /proc/self, what it forks); absent: PID 1 of no namespace */
  proc?: ProcessHandle;
  /** a terminal is attached (-t): an `sh` reading commands from stdin is interactive and prints prompts */
  tty?: boolean;
  /** the container's network mode ('none': loopback only); absent: a network the simulator does not have */
  network?: string;
  /** the container's capabilities, CAP_NAME (default: Docker's default set); only root's are effective */
  capabilities?: ReadonlySet<string>;
  /** supplementary groups (`id` prints them; default [gid], as runc sets for root) */
  groups?: number[];
  /** CPUs `nproc` reports (default 2) */
  cpus?: number;
  /** file creation mask (default 0o022) */
  umask?: number;
  /** a background job (`cmd &`): a `sleep` in it never finishes from the caller's point of view */
  background?: boolean;
  /**
   * A main process somebody waits for (a foreground `docker run`, `start -a`): sleeps up to this long pass in
   * virtual time; a longer one would outlast any step, so the container keeps running instead.
   */
  waitLimitMs?: number;
  /** the main process of a container: its sleeps go through the gate (waitLimitMs then does not apply) */
  sleepGate?: SleepGate;
  /** a `docker exec` process: how a signal it sends PID 1 (`kill -USR1 1`) reaches the container's main process */
  signalInit?: (signal: number, name: string) => void;
}

/** What `uname -r` prints when the context does not say (the kernel the reference transcripts ran on). */
export const DEFAULT_KERNEL = '6.18.44-fc-v782';

/**
 * Runs an executable like execve + PATH lookup and returns its exit code. A file that cannot be started prints
 * runc's text on stderr and returns 127 (not found) or 126 (not executable); callers that need docker's exact
 * framing call resolveExecutable first. A foreign ELF binary throws EngineError NOT_SIMULATED.
 */
export function spawn(ctx: ProcessContext, argv: string[]): number {
  if (ctx.uid !== 0) ctx = { ...ctx, fs: withCredentials(ctx.fs, ctx.uid, ctx.gid) };
  const resolved = resolveExecutable(ctx, argv[0] ?? '');
  if (typeof resolved !== 'string') {
    if (resolved.kind === 'not-simulated') throw new EngineError('NOT_SIMULATED', resolved.message);
    ctx.stderr(`${resolved.message}\n`);
    return resolved.exitCode;
  }
  return execResolved(ctx, resolved, argv);
}
