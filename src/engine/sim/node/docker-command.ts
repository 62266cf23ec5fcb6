// `drydock docker <args…>`: one docker command against a simulator state kept in a directory
// (DRYDOCK_STATE, default .drydock/ in the working directory), with the host's `/` standing in as
// DRYDOCK_HOST_ROOT (default <state>/host; `/` itself only when asked for explicitly). Prints what the docker
// CLI prints and returns its exit code, so a shell script written for Docker runs with `drydock docker`.

import { mkdirSync, readFileSync } from 'node:fs';
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
interface DockerCliEnvironment {
  stateDir: string;
  hostRoot: string;
  /** the client's working directory inside the host root */
  cwd: string;
}

/** Reads DRYDOCK_STATE and DRYDOCK_HOST_ROOT the way `drydock docker` uses them. */
function dockerCliEnvironment(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): DockerCliEnvironment {
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

/** Runs one docker command line against the persistent state; returns the exit code. */
export async function runDockerCli(argv: string[]): Promise<number> {
  if (stateless(argv)) {
    // `docker version`, `docker --help`: what they print depends on no state, so none is read, locked or written
    const result = runDockerCommand(new Daemon({ clock: wallClock() }), argv, { stdin: new Uint8Array(0), cwd: '/', env: new Map() });
    process.stdout.write(result.stdout);
    process.stderr.write(result.stderr);
    return result.exitCode;
  }
  const where = dockerCliEnvironment();
  mkdirSync(where.stateDir, { recursive: true });
  mkdirSync(where.hostRoot, { recursive: true });
  let release: (() => void) | undefined;
  try {
    release = acquireStateLock(where.stateDir);
    const fixtures = cachedFixtures();
    const host = new DiskHostBackend(where.hostRoot);
    const daemon = loadState(where.stateDir, fixtures, host, wallClock({ block: sleepSync }));
    // containers whose main process woke up since the last invocation move on before anything looks at them
    settleContainers(daemon);
    const env = new Map(Object.entries(process.env).filter((e): e is [string, string] => e[1] !== undefined));
    // read with the simulator's own parser, so `container cp X:/f -` and `cp -a X:/f -` are the same command
    const parsed = parseDockerArgv(argv, { env: process.env });
    const command = parsed.ok ? parsed.command : null;
    const stdin = !process.stdin.isTTY && wantsStdin(command) ? new Uint8Array(readFileSync(0)) : new Uint8Array(0);
    const result = runDockerCommand(daemon, argv, { stdin, cwd: where.cwd, env, stdinIsTerminal: process.stdin.isTTY === true });
    saveState(daemon, where.stateDir);
    // export/save/cp to "-" produce bytes carried one per char; everything else is text.
    process.stdout.write(writesBytes(command) ? Buffer.from(result.stdout, 'latin1') : result.stdout);
    process.stderr.write(result.stderr);
    return result.exitCode;
  } catch (error) {
    if (error instanceof EngineError) {
      process.stderr.write(`${error.message}\n`);
      return 125;
    }
    const limit = jsLimitMessage(error);
    if (limit !== undefined) {
      process.stderr.write(jsLimitResult(limit).stderr);
      return 125;
    }
    throw error;
  } finally {
    release?.();
  }
}

/** Command lines whose output no state can change: docker's version and its top-level help. */
function stateless(argv: readonly string[]): boolean {
  if (argv.length === 0) return true;
  if (argv.length !== 1) return false;
  return ['version', '--version', '-v', '--help', '-h', 'help'].includes(argv[0] as string);
}

/** Blocks the thread for `ms` (docker wait really waits; the daemon's calls are synchronous). */
function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
