// `drydock daemon start|stop|status`: a resident simulator for one state directory (the one `drydock docker`
// uses: DRYDOCK_STATE, else .drydock/), so that `drydock docker …` is answered by a thin client in a few
// milliseconds instead of starting Node for every command (as the real docker CLI talks to dockerd).
// `serve` runs the daemon in the foreground (what `start` starts, detached).

import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dockerCliEnvironment } from '../engine/sim/node/docker-command.js';
import { findDaemon, removeStale, stopDaemon } from './daemon/control.js';
import { daemonVersion } from './daemon/protocol.js';
import { EXIT, type CliIo } from './io.js';
import { UsageError } from './usage-error.js';

/** `drydock daemon --help`. */
const DAEMON_USAGE = `Usage: drydock daemon start|stop|status [options]

A resident simulator for one state directory (DRYDOCK_STATE, else .drydock/ in the working directory): while
it runs, \`drydock docker …\` on that directory is answered through its socket (<state>/daemon.sock, mode 0600)
by a small client instead of a new Node process. Commands run in it exactly as in process, one at a time,
under the same lock; commands run in process meanwhile are seen (the state is read again when it changed).

Commands:
  start               start the daemon in the background (a daemon of another drydock version is replaced)
  stop                stop it
  status              say whether one runs, and for which process and version
  serve               run it in the foreground (what start runs)

Options:
      --idle-timeout D  stop after D without a command (default 15m; 90s, 2h, 500ms; 0 never)
  -h, --help          show this help

Examples:
  drydock daemon start
  drydock docker ps          # answered by the daemon
  drydock daemon stop

Exit codes: 0 done (status: running), 1 status: not running, 2 bad usage, 125 it could not start.
`;

const DEFAULT_IDLE_MS = 15 * 60_000;

/** Reads `90s`, `15m`, `2h`, `500ms` or a number of seconds. */
function parseDuration(text: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(text);
  if (!m) return undefined;
  const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[(m[2] ?? 's') as 'ms' | 's' | 'm' | 'h'];
  return Math.round(Number(m[1]) * unit);
}

/**
 * `[action] [--idle-timeout D]`, read by hand rather than with parseCommandArgs: that one brings the scenario
 * module's "did you mean" along, and the daemon's process is to load the simulator and nothing else.
 */
function parseDaemonArgs(argv: readonly string[]): 'help' | { action: string | undefined; idleText: string | undefined } {
  let action: string | undefined;
  let idleText: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '-h' || arg === '--help') return 'help';
    if (arg === '--idle-timeout' || arg.startsWith('--idle-timeout=')) {
      idleText = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[++i];
      if (idleText === undefined) throw new UsageError('option --idle-timeout needs a value', 'daemon');
    } else if (arg.startsWith('-')) throw new UsageError(`unknown option ${arg}`, 'daemon');
    else if (action === undefined) action = arg;
    else throw new UsageError(`unexpected argument ${JSON.stringify(arg)}`, 'daemon');
  }
  return { action, idleText };
}

function describe(ms: number): string {
  return ms === 0 ? 'never' : ms % 60_000 === 0 ? `${ms / 60_000}m` : ms % 1000 === 0 ? `${ms / 1000}s` : `${ms}ms`;
}

/** Runs `drydock daemon <start|stop|status|serve>`; returns the exit code. */
export async function daemonCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseDaemonArgs(argv);
  if (parsed === 'help') {
    io.stdout(DAEMON_USAGE);
    return EXIT.ok;
  }
  const { action, idleText } = parsed;
  const idle = idleText === undefined ? DEFAULT_IDLE_MS : parseDuration(idleText);
  if (idle === undefined) throw new UsageError(`--idle-timeout ${JSON.stringify(idleText)} is not a duration (say 90s, 15m or 2h)`, 'daemon');
  const { stateDir } = dockerCliEnvironment(io.env, io.cwd);
  switch (action) {
    case 'start':
      return start(stateDir, idle, io);
    case 'stop':
      return stop(stateDir, io);
    case 'status':
      return status(stateDir, io);
    case 'serve':
      return serve(stateDir, idle, io);
    case undefined:
      throw new UsageError('say start, stop or status', 'daemon');
    default:
      throw new UsageError(`unknown action ${JSON.stringify(action)} (start, stop, status or serve)`, 'daemon');
  }
}

async function start(stateDir: string, idleMs: number, io: CliIo): Promise<number> {
  mkdirSync(stateDir, { recursive: true });
  const found = await findDaemon(stateDir);
  if (found.kind === 'live' && found.status.version === daemonVersion()) {
    io.stdout(`drydock: a daemon already serves ${stateDir} (process ${found.status.pid})\n`);
    return EXIT.ok;
  }
  if (found.kind === 'live') {
    io.stderr(`drydock: stopping the daemon of another drydock version (process ${found.status.pid})\n`);
    await stopDaemon(stateDir, found.status.pid);
  }
  // the bin (bin/drydock.js) sits two folders above this file in the sources and in the bundle alike
  const bin = fileURLToPath(new URL('../../bin/drydock.js', import.meta.url));
  const child = spawn(process.execPath, [bin, 'daemon', 'serve', '--idle-timeout', `${idleMs}ms`], {
    cwd: io.cwd,
    env: { ...io.env, DRYDOCK_STATE: stateDir },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let said = '';
  child.stdout.on('data', (c: Buffer) => (said += c.toString()));
  child.stderr.on('data', (c: Buffer) => (said += c.toString()));
  const outcome = await new Promise<'ready' | 'exited'>((resolve) => {
    child.stdout.on('data', () => said.includes('ready\n') && resolve('ready'));
    child.once('exit', () => resolve('exited'));
  });
  child.stdout.destroy();
  child.stderr.destroy();
  child.unref();
  if (outcome !== 'ready') {
    io.stderr(`drydock: the daemon did not start: ${said.trim() || 'it exited'}\n`);
    return 125;
  }
  io.stdout(`drydock: daemon started for ${stateDir} (process ${child.pid}; stops after ${describe(idleMs)} without a command)\n`);
  return EXIT.ok;
}

async function stop(stateDir: string, io: CliIo): Promise<number> {
  const found = await findDaemon(stateDir);
  if (found.kind === 'stale') removeStale(stateDir);
  if (found.kind !== 'live') {
    io.stdout(`drydock: no daemon serves ${stateDir}${found.kind === 'stale' ? ' (a stale socket was removed)' : ''}\n`);
    return EXIT.ok;
  }
  if (!(await stopDaemon(stateDir, found.status.pid))) {
    io.stderr(`drydock: the daemon (process ${found.status.pid}) did not stop\n`);
    return 125;
  }
  io.stdout(`drydock: daemon stopped (process ${found.status.pid})\n`);
  return EXIT.ok;
}

async function status(stateDir: string, io: CliIo): Promise<number> {
  const found = await findDaemon(stateDir);
  if (found.kind !== 'live') {
    io.stdout(`drydock: no daemon serves ${stateDir}${found.kind === 'stale' ? ' (its socket is stale: the daemon was killed)' : ''}\n`);
    return EXIT.failed;
  }
  const s = found.status;
  const other = s.version === daemonVersion() ? '' : ' (another drydock version: not used; `drydock daemon start` replaces it)';
  io.stdout(`drydock: a daemon serves ${s.stateDir}: process ${s.pid}, version ${s.version}${other}, ${s.requests} commands, ${s.loads} loads, stops after ${describe(s.idleMs)} without a command\n`);
  return EXIT.ok;
}

async function serve(stateDir: string, idleMs: number, io: CliIo): Promise<number> {
  mkdirSync(stateDir, { recursive: true });
  // whoever started it may stop reading once it is ready
  process.stdout.on('error', () => undefined);
  process.stderr.on('error', () => undefined);
  const { serveDaemon } = await import('./daemon/server.js');
  try {
    await serveDaemon({ stateDir, idleMs: idleMs === 0 ? 2 ** 31 - 1 : idleMs, ready: () => io.stdout('ready\n') });
  } catch (error) {
    io.stderr(`drydock: ${(error as Error).message}\n`);
    return 125;
  }
  return EXIT.ok;
}
