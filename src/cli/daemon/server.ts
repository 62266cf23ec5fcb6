// The resident daemon of one state directory: listens on <state>/daemon.sock (mode 0600, reachable only on
// this machine) and runs each `drydock docker` request through the same code as the in-process path
// (runDockerInvocation: the state's lock, the command, the save), with the state kept in memory between
// requests (ResidentState). Requests run one at a time: the command itself is synchronous, so the event loop
// only interleaves the reading of headers and stdin. It exits after `idleMs` without a request, on `drydock
// daemon stop`, on SIGTERM/SIGINT, or when its socket is gone or replaced.

import { existsSync, readFileSync, realpathSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { parseDockerArgv } from '../../docker-cli/index.js';
import { dockerCliEnvironment, runDockerInvocation, stateless, wantsStdin } from '../../engine/sim/node/docker-command.js';
import { acquireStateLock } from '../../engine/sim/node/state-lock.js';
import { internalErrorText } from '../exit-code.js';
import { daemonVersion, encodeAnswer, KIND, parseDockerFields, PID_NAME, REPLY, SOCKET_NAME } from './protocol.js';
import { ResidentState } from './resident-state.js';
import { SocketReader } from './socket-reader.js';

/** How the daemon runs. */
export interface ServeOptions {
  stateDir: string;
  idleMs: number;
  /** called once it listens (the socket and the pid file are in place) */
  ready?: () => void;
}

/** What `drydock daemon status` prints. */
export interface DaemonStatus {
  pid: number;
  version: string;
  stateDir: string;
  startedAt: number;
  requests: number;
  loads: number;
  idleMs: number;
}

const HEADER_MAX = 16 << 20;

/** True when something answers on the unix socket at `path` (a live daemon, of any version). */
function socketAnswers(path: string): Promise<boolean> {
  return new Promise((resolve) => {
    const s = connect(path);
    s.once('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
  });
}

/** Runs the daemon until it exits; rejects when another daemon already serves the directory. */
export async function serveDaemon(options: ServeOptions): Promise<void> {
  const stateDir = realpathSync(options.stateDir);
  const socketPath = join(stateDir, SOCKET_NAME);
  const pidPath = join(stateDir, PID_NAME);
  const resident = new ResidentState();
  const status: DaemonStatus = { pid: process.pid, version: daemonVersion(), stateDir, startedAt: Date.now(), requests: 0, loads: 0, idleMs: options.idleMs };
  let server: Server;
  let socketIno: number;
  // the lock keeps two daemons (and a stale-socket removal) from racing while the socket is made
  const release = acquireStateLock(stateDir);
  try {
    if (existsSync(socketPath)) {
      if (await socketAnswers(socketPath)) throw new Error(`a daemon already serves the state directory ${stateDir}`);
      unlinkSync(socketPath); // stale: its daemon is gone
    }
    // the socket is made relative to the state directory: a unix socket's path is limited to 107 bytes
    process.chdir(stateDir);
    const umask = process.umask(0o177);
    try {
      server = createServer({ allowHalfOpen: true });
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(SOCKET_NAME, () => resolve());
      });
    } finally {
      process.umask(umask);
    }
    socketIno = statSync(socketPath).ino;
    writeFileSync(pidPath, `${process.pid}\n${status.version}\n`, { mode: 0o600 });
  } finally {
    release();
  }

  let active = 0;
  let idle: NodeJS.Timeout | undefined;
  let finished: () => void = () => undefined;
  const done = new Promise<void>((resolve) => (finished = resolve));
  let closing = false;
  const shutdown = () => {
    if (closing) return;
    closing = true;
    clearTimeout(idle);
    clearInterval(watch);
    server.close();
    const ours = (() => {
      try {
        return statSync(socketPath).ino === socketIno;
      } catch {
        return false;
      }
    })();
    if (ours) unlinkSync(socketPath);
    try {
      if (readFileSync(pidPath, 'utf8').startsWith(`${process.pid}\n`)) unlinkSync(pidPath);
    } catch {
      // gone already
    }
    const wait = setInterval(() => {
      if (active === 0) {
        clearInterval(wait);
        finished();
      }
    }, 10);
  };
  const rearm = () => {
    clearTimeout(idle);
    if (!closing) idle = setTimeout(shutdown, options.idleMs);
  };
  // the directory deleted or another daemon's socket in its place: this one serves nobody any more
  const watch = setInterval(() => {
    try {
      if (statSync(socketPath).ino === socketIno) return;
    } catch {
      // fall through
    }
    shutdown();
  }, 5_000);
  watch.unref();
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);

  server.on('connection', (socket: Socket) => {
    active++;
    clearTimeout(idle);
    socket.on('error', () => undefined);
    handle(socket, new SocketReader(socket))
      .catch(() => socket.destroy())
      .finally(() => {
        active--;
        if (active === 0) rearm();
      });
  });

  async function handle(socket: Socket, reader: SocketReader): Promise<void> {
    const timer = setTimeout(() => socket.destroy(), 10_000);
    const length = Number(await reader.line());
    const header = Number.isInteger(length) && length >= 0 && length <= HEADER_MAX ? await reader.bytes(length) : undefined;
    clearTimeout(timer);
    if (header === undefined) return void socket.destroy();
    const [kind, ...fields] = header.toString('utf8').split('\0');
    if (kind === KIND.status) {
      socket.end(`${JSON.stringify({ ...status, loads: resident.loads })}\n`);
      return;
    }
    if (kind === KIND.stop) {
      socket.end('ok\n');
      shutdown();
      return;
    }
    const req = kind === KIND.docker ? parseDockerFields(fields) : undefined;
    if (!req) return void socket.destroy();
    if (req.version !== status.version) return void socket.end(REPLY.otherVersion);
    if (closing || !servesHere(req.env, req.cwd)) return void socket.end(REPLY.fallback);
    const parsed = parseDockerArgv(req.argv, { env: req.env });
    const needsStdin = !stateless(req.argv) && !req.stdinIsTerminal && wantsStdin(parsed.ok ? parsed.command : null);
    socket.write(needsStdin ? REPLY.stdin : REPLY.noStdin);
    const stdin = needsStdin ? new Uint8Array(await reader.rest()) : new Uint8Array(0);
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let code: number;
    status.requests++;
    try {
      code = runDockerInvocation(
        {
          argv: req.argv,
          cwd: req.cwd,
          env: req.env,
          stdinIsTerminal: req.stdinIsTerminal,
          readStdin: () => stdin,
          stdout: (bytes) => void out.push(typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : Buffer.from(bytes)),
          stderr: (text) => void err.push(Buffer.from(text, 'utf8')),
        },
        resident,
      );
    } catch (error) {
      err.push(Buffer.from(internalErrorText(error, req.env.DRYDOCK_DEBUG !== undefined && req.env.DRYDOCK_DEBUG !== ''), 'utf8'));
      code = 70;
    }
    socket.end(encodeAnswer(code, Buffer.concat(out), Buffer.concat(err)));
  }

  /** The request's state directory is this daemon's (through symbolic links too). */
  function servesHere(env: Record<string, string>, cwd: string): boolean {
    try {
      return realpathSync(dockerCliEnvironment(env, cwd).stateDir) === stateDir;
    } catch {
      return false;
    }
  }

  rearm();
  options.ready?.();
  await done;
}
