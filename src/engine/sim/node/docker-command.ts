// `drydock docker <args…>`: one docker command against a simulator state kept in a directory
// (DRYDOCK_STATE, default .drydock/ in the working directory), with the host's `/` standing in as
// DRYDOCK_HOST_ROOT (default <state>/host; `/` itself only when asked for explicitly). Prints what the docker
// CLI prints and returns its exit code, so a shell script written for Docker runs with `drydock docker`.

import { mkdirSync, readSync } from 'node:fs';
import { isatty } from 'node:tty';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { parseDockerArgv, type ParsedCommand } from '../../../docker-cli/index.js';
import { EngineError } from '../../../errors/engine-error.js';
import { runDockerCommand } from '../cli/sim-cli.js';
import { jsLimitMessage, jsLimitResult } from '../js-limits.js';
import { settleContainers } from '../container/settle.js';
import { Daemon } from '../daemon.js';
import { wallClock } from '../state/clock.js';
import { DiskHostBackend } from './disk-host-backend.js';
import { cachedFixtures } from './fixture-cache.js';
import { acquireStateLock } from './state-lock.js';
import { loadState, saveState } from './state-store.js';

/** Where a `drydock docker` invocation keeps its state and its host. */
export interface DockerCliEnvironment {
  stateDir: string;
  hostRoot: string;
  /** the client's working directory inside the host root */
  cwd: string;
}

/** Reads DRYDOCK_STATE and DRYDOCK_HOST_ROOT the way `drydock docker` uses them. */
export function dockerCliEnvironment(env: Readonly<Record<string, string | undefined>> = process.env, cwd = process.cwd()): DockerCliEnvironment {
  const stateDir = resolve(cwd, env.DRYDOCK_STATE || '.drydock');
  const hostRoot = resolve(cwd, env.DRYDOCK_HOST_ROOT || `${stateDir}${sep}host`);
  const rel = relative(hostRoot, cwd);
  const inside = rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
  return { stateDir, hostRoot, cwd: inside ? `/${rel.split(sep).join('/')}`.replace(/\/$/, '') || '/' : '/' };
}

/** Commands that read stdin (`import -`, `build -`, `build -f -`, `cp - c:/d`, `load`, `run -i`, `exec -i`, `start -i`). */
export function wantsStdin(command: ParsedCommand | null): boolean {
  if (command === null) return false;
  const { name, args, flags } = command;
  switch (name) {
    case 'load':
      return !command.flagsSet.has('input');
    case 'import':
    case 'cp':
      return args[0] === '-';
    case 'build':
      return args[0] === '-' || (command.flagsSet.has('file') && flags['file'] === '-');
    case 'run':
    case 'create':
    case 'exec':
    case 'start':
      return flags['interactive'] === true;
    default:
      return false;
  }
}

/** Commands whose stdout is bytes (an archive), written as they are, never re-encoded as text. */
export function writesBytes(command: ParsedCommand | null): boolean {
  if (command === null) return false;
  if (command.name === 'export') return !command.flagsSet.has('output');
  if (command.name === 'save') return !command.flagsSet.has('output');
  return command.name === 'cp' && command.args[1] === '-';
}

/** One `drydock docker` command as data: what the in-process path takes from its own process, and what the resident daemon (src/cli/daemon/) receives from a client. */
export interface DockerInvocation {
  argv: string[];
  /** the client's working directory (physical, as process.cwd() gives it) */
  cwd: string;
  /** the client's whole environment: `run -e NAME` and `--env-file` read it */
  env: Readonly<Record<string, string | undefined>>;
  stdinIsTerminal: boolean;
  /** all of stdin; called at most once, only when the command reads it and stdin is not a terminal */
  readStdin: () => Uint8Array;
  stdout: (bytes: Uint8Array | string) => void;
  stderr: (text: string) => void;
}

/** Where a command's simulator state comes from and what happens to it afterwards (fresh per process, or kept by the daemon). */
export interface StateSource {
  /** the state of `where.stateDir`, taken under its lock */
  open(where: DockerCliEnvironment): Daemon;
  /** after the command has run and the state was saved */
  saved?(daemon: Daemon): void;
  /** after anything went wrong: what is in memory may be half done */
  failed?(): void;
}

/** The in-process source: each command loads the state again, as a fresh process does. */
const freshState: StateSource = {
  open: (where) => loadState(where.stateDir, cachedFixtures(), new DiskHostBackend(where.hostRoot), wallClock({ block: sleepSync })),
};

/** Runs one docker command line against the persistent state; returns the exit code. */
export async function runDockerCli(argv: string[]): Promise<number> {
  return runDockerInvocation({
    argv,
    cwd: process.cwd(),
    env: process.env,
    // isatty, not process.stdin.isTTY: touching process.stdin makes a pipe non-blocking, and reading it then
    // fails with EAGAIN as soon as the writer is slower than the reader (`cat big.tar | drydock docker load`)
    stdinIsTerminal: isatty(0),
    readStdin: readAllStdin,
    stdout: (bytes) => void process.stdout.write(bytes),
    stderr: (text) => void process.stderr.write(text),
  });
}

/**
 * Runs one invocation: takes the state's lock, loads (or reuses) the state, runs the command, saves, and writes
 * what docker prints. Errors of drydock's own (a bug) are thrown, as the CLI reports them.
 */
export function runDockerInvocation(inv: DockerInvocation, states: StateSource = freshState): number {
  const { argv } = inv;
  if (stateless(argv)) {
    // `docker version`, `docker --help`: what they print depends on no state, so none is read, locked or written
    const result = runDockerCommand(new Daemon({ clock: wallClock() }), argv, { stdin: new Uint8Array(0), cwd: '/', env: new Map() });
    inv.stdout(result.stdout);
    inv.stderr(result.stderr);
    return result.exitCode;
  }
  const where = dockerCliEnvironment(inv.env, inv.cwd);
  mkdirSync(where.stateDir, { recursive: true });
  mkdirSync(where.hostRoot, { recursive: true });
  let release: (() => void) | undefined;
  try {
    release = acquireStateLock(where.stateDir, 30_000, inv.stderr);
    const daemon = states.open(where);
    // containers whose main process woke up since the last invocation move on before anything looks at them
    settleContainers(daemon);
    const env = new Map(Object.entries(inv.env).filter((e): e is [string, string] => e[1] !== undefined));
    // read with the simulator's own parser, so `container cp X:/f -` and `cp -a X:/f -` are the same command
    const parsed = parseDockerArgv(argv, { env: inv.env });
    const command = parsed.ok ? parsed.command : null;
    const stdin = !inv.stdinIsTerminal && wantsStdin(command) ? inv.readStdin() : new Uint8Array(0);
    const result = runDockerCommand(daemon, argv, { stdin, cwd: where.cwd, env, stdinIsTerminal: inv.stdinIsTerminal });
    saveState(daemon, where.stateDir);
    states.saved?.(daemon);
    // export/save/cp to "-" produce bytes carried one per char; everything else is text.
    inv.stdout(writesBytes(command) ? Buffer.from(result.stdout, 'latin1') : result.stdout);
    inv.stderr(result.stderr);
    return result.exitCode;
  } catch (error) {
    states.failed?.();
    if (error instanceof EngineError) {
      inv.stderr(`${error.message}\n`);
      return 125;
    }
    const limit = jsLimitMessage(error);
    if (limit !== undefined) {
      inv.stderr(jsLimitResult(limit).stderr);
      return 125;
    }
    throw error;
  } finally {
    release?.();
  }
}

/** Command lines whose output no state can change: docker's version and its top-level help. */
export function stateless(argv: readonly string[]): boolean {
  if (argv.length === 0) return true;
  if (argv.length !== 1) return false;
  return ['version', '--version', '-v', '--help', '-h', 'help'].includes(argv[0] as string);
}

/** All of fd 0, waiting when it is a non-blocking pipe with nothing in it yet. */
function readAllStdin(): Uint8Array {
  const chunks: Buffer[] = [];
  const buf = Buffer.alloc(1 << 16);
  for (;;) {
    let n: number;
    try {
      n = readSync(0, buf, 0, buf.length, null);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') {
        sleepSync(1);
        continue;
      }
      if (code === 'EOF') break;
      throw error;
    }
    if (n === 0) break;
    chunks.push(Buffer.from(buf.subarray(0, n)));
  }
  return new Uint8Array(Buffer.concat(chunks));
}

/** Blocks the thread for `ms` (docker wait really waits; the daemon's calls are synchronous). */
export function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
