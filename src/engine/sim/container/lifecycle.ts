// Container state changes as the daemon performs them: start (running the main process until it exits or
// would keep running), stop/kill (PID 1 ignores SIGTERM, so it ends killed: 137), pause, rename, remove (with
// anonymous volumes under -v/--rm), exec, with moby's error texts for every refused transition.

import { isLinuxSignal, parseDaemonSignal, signalName } from './signals.js';
import type { Daemon } from '../daemon.js';
import { DaemonError } from '../daemon-error.js';
import { isRunning, type Container } from './container.js';
import { setEnv } from '../image/config.js';
import { runProcess, type ProcessOutcome } from './process-runner.js';
import { runMain, type MainRunResult } from './main-run.js';
import { mountSystemPaths } from './init-layer.js';
import { ensureMountPoints, makeStartMountPoint } from './create.js';
import { mountTmpfs, tmpfsStartError } from './tmpfs-mounts.js';
import { followHostPath } from '../fs/host-path.js';
import { addDevices } from './devices.js';
import { effectiveCapabilities } from './capabilities.js';
import { namespaceStartError } from './namespace-modes.js';
import type { ProcessHandle } from '../shell/pid-namespace.js';

/** Output of a process run in a container. */
export interface ProcessResult {
  outcome: ProcessOutcome;
  stdout: string;
  stderr: string;
}

/** How long a foreground `docker run` waits in virtual time before a sleeping process counts as running on. */
export const FOREGROUND_WAIT_MS = 60_000;

/**
 * Starts the main process. Returns its outcome; a start failure leaves the container `created`. `attached`: a
 * client waits for it (foreground run, start -a), so short sleeps pass instead of keeping it running.
 * `stdinClosed`: a client attached to stdin has ended its input (see Container.stdinClosed).
 */
export function startContainer(daemon: Daemon, c: Container, attached = false, stdinClosed = false): ProcessResult {
  if (c.state.status === 'paused') {
    throw new DaemonError(`cannot start a paused container, try unpause instead`);
  }
  if (isRunning(c)) return { outcome: { kind: 'blocked' }, stdout: '', stderr: '' };
  // the daemon writes the OCI spec's namespaces before runc runs anything
  const joinError = namespaceStartError(daemon, c);
  if (joinError) {
    c.state = { ...c.state, exitCode: 128, error: joinError };
    return { outcome: { kind: 'start-failed', message: joinError, exitCode: 125, by: 'daemon' }, stdout: '', stderr: '' };
  }
  // the daemon checks the tmpfs options as it writes the OCI spec: the start fails, the container stays created
  const refused = tmpfsStartError(c.host.tmpfs);
  if (refused) {
    c.state = { ...c.state, exitCode: 128, error: refused };
    return { outcome: { kind: 'start-failed', message: refused, exitCode: 128, by: 'daemon' }, stdout: '', stderr: '' };
  }
  const startedAt = daemon.clock.now();
  c.stdinClosed = stdinClosed;
  ensureMountPoints(daemon, c);
  // every start mounts a fresh /dev, /sys and /etc files, dated then, and an empty tmpfs at each --tmpfs
  mountSystemPaths(c.fs, c.config.Hostname, c.config.Tty, startedAt, new Set(c.mounts.map((m) => m.destination)), c.host);
  mountContainerTmpfs(daemon, c, startedAt);
  // the daemon gathers --device nodes as it writes the OCI spec: a path that is none is its own error
  const badDevice = addDevices(daemon.host, c.fs, c.host.devices, startedAt);
  if (badDevice) {
    c.procs.clear();
    c.state = { ...c.state, exitCode: 128, error: badDevice };
    return { outcome: { kind: 'start-failed', message: badDevice, exitCode: 126, by: 'daemon' }, stdout: '', stderr: '' };
  }
  const run = runMain(daemon, c, { until: startedAt, ...(attached ? { waitLimitMs: FOREGROUND_WAIT_MS } : {}) });
  const { outcome, stdout, stderr } = run;
  if (outcome.kind === 'start-failed') {
    c.procs.clear();
    // moby records 128 for a start it refused itself, runc's code (126/127) for an executable that failed
    c.state = { ...c.state, exitCode: outcome.by === 'daemon' ? 128 : outcome.exitCode, error: outcome.message };
    return { outcome, stdout, stderr };
  }
  c.state = { status: 'running', pid: nextHostPid(daemon), exitCode: 0, error: '', startedAt, finishedAt: c.state.finishedAt };
  applyMainRun(c, run);
  // asleep with a known end: the caller sees a process that keeps running, whatever the interpreter returned
  return { outcome: c.sleep ? { kind: 'blocked' } : outcome, stdout, stderr };
}

/** Mounts the container's --tmpfs (fresh, dated `at`), with the mount points of the binds and volumes below them. */
function mountContainerTmpfs(daemon: Daemon, c: Container, at: number): void {
  if (!c.host.tmpfs) return;
  const below = c.mounts.map((m) => ({ destination: m.destination, isFile: m.type === 'bind' && daemon.host.get(followHostPath(daemon.host, m.source))?.kind === 'file' }));
  mountTmpfs(c.fs, c.host.tmpfs, at, (dest) => makeStartMountPoint(c, dest, at), below);
}

// State.Pid, the host PID of a main process: a thousand above the highest one running, so no two containers
// share it and each has room for the host PIDs `docker top` gives its other processes
function nextHostPid(daemon: Daemon): number {
  const highest = Math.max(0, ...[...daemon.containers.values()].map((c) => c.state.pid));
  return highest === 0 ? 1001 : highest + 1000;
}

/** Records where a run of the main process got: asleep until a deadline, ended, or waiting for good. */
export function applyMainRun(c: Container, run: MainRunResult): void {
  c.sleep = run.sleep;
  if (run.sleep) return;
  if (run.outcome.kind === 'exited') exitedAt(c, run.outcome.exitCode, run.endedAt);
  else if (run.outcome.kind === 'budget') exitedAt(c, 137, run.endedAt);
}

/** The main process ended with `code`. */
export function exited(daemon: Daemon, c: Container, code: number): void {
  exitedAt(c, code, daemon.clock.now());
}

function exitedAt(c: Container, code: number, finishedAt: number): void {
  c.state = { ...c.state, status: 'exited', pid: 0, exitCode: code, finishedAt };
  c.sleep = null;
  c.procs.clear();
}

/**
 * `docker stop`: the stop signal goes to PID 1. A main process asleep that ends within the timeout
 * (--stop-timeout, else 10 s) ends then, by itself or by its trap of the signal (`trap '…; exit 0' USR1` with
 * --stop-signal SIGUSR1), with that output and exit code; one still running then is killed: 137.
 */
export function stopContainer(daemon: Daemon, c: Container, timeoutSeconds?: number): void {
  if (!isRunning(c)) return;
  // `stop -t N` wins over --stop-timeout; a negative one waits for good (here: as long as a waiting client)
  const seconds = timeoutSeconds ?? c.config.StopTimeout ?? 10;
  const parsed = parseDaemonSignal(c.config.StopSignal || 'SIGTERM');
  const number = 'signal' in parsed ? parsed.signal : 15;
  const name = signalName(number);
  const sentAt = daemon.clock.peek();
  const limit = sentAt + (seconds < 0 ? FOREGROUND_WAIT_MS : seconds * 1000);
  // PID 1 ignores a signal it has no trap for: a process whose sleep ends within the timeout runs on (and may
  // end by itself, recorded on 20.10: `sh -c 'sleep 1; touch /late'` stops with 0 and /late made); a `wait`
  // with a trap for it ends at once (`trap 'exit 0' TERM; sleep 1000 & wait` stops in a moment)
  if (c.sleep && (c.sleep.deadline <= limit || c.sleep.interruptible) && c.state.status === 'running' && number !== 9 && name) {
    const signal = { number, name };
    const ahead = runMain(daemon, c, { until: limit, resume: c.sleep, signal, signalAt: sentAt, dryRun: true });
    if (!ahead.sleep && ahead.outcome.kind === 'exited') {
      daemon.clock.waitUntil(ahead.endedAt);
      applyMainRun(c, runMain(daemon, c, { until: daemon.clock.peek(), resume: c.sleep, signal, signalAt: sentAt }));
      if (!isRunning(c)) return;
    }
  }
  exited(daemon, c, 137);
}

/** `docker kill`. */
export function killContainer(daemon: Daemon, c: Container, ref: string, signal = 9): void {
  if (signal !== 9 && !isLinuxSignal(signal)) throw new DaemonError(`Cannot kill container: ${ref}: The linux daemon does not support signal ${signal}`);
  if (!isRunning(c)) throw new DaemonError(`Cannot kill container: ${ref}: Container ${c.id} is not running`);
  if (signal === 9) return exited(daemon, c, 137);
  signalMainProcess(daemon, c, signal);
}

/**
 * A signal other than SIGKILL for the main process (PID 1), from docker kill -s or from a process in the
 * container. PID 1 of a namespace gets no signal it has no handler for, but SIGKILL from the host. A shell's
 * trap runs once the command it is in ends: at once in a `wait` (so the process runs on now), else when its
 * sleep does (kept with the sleep, for the run that reaches its end). A process in no sleep (a read, tail -f)
 * has no trap.
 */
function signalMainProcess(daemon: Daemon, c: Container, signal: number): void {
  const name = signalName(signal);
  if (!c.sleep || !name) return;
  const sentAt = daemon.clock.peek();
  // (a paused container's wait is not cut short here: its signal is delivered when the wait ends)
  if (c.sleep.interruptible && c.state.status === 'running') {
    applyMainRun(c, runMain(daemon, c, { until: sentAt, resume: c.sleep, signal: { number: signal, name }, signalAt: sentAt }));
    return;
  }
  c.sleep = { ...c.sleep, signals: [...(c.sleep.signals ?? []), { number: signal, name, sleep: c.sleep.sleeps, sentAt }] };
}

/** `docker pause`. */
export function pauseContainer(c: Container): void {
  if (c.state.status === 'paused') throw new DaemonError(`Container ${c.id} is already paused`);
  if (c.state.status !== 'running') throw new DaemonError(`Container ${c.id} is not running`);
  c.state = { ...c.state, status: 'paused' };
}

/**
 * `docker unpause`. A sleep that ended while the container was frozen returns only now, so the rest of the
 * script runs from `now` (measured on 20.10: FinishedAt is the unpause time, not the sleep's end).
 */
export function unpauseContainer(c: Container, now: number): void {
  if (c.state.status !== 'paused') throw new DaemonError(`Container ${c.id} is not paused`);
  c.state = { ...c.state, status: 'running' };
  if (c.sleep && c.sleep.deadline < now) c.sleep = { ...c.sleep, deadline: now };
}

/** `docker rm`: refuses running and paused containers unless forced; `-v` removes anonymous volumes. */
export function removeContainer(daemon: Daemon, c: Container, force: boolean, volumes: boolean): void {
  if (c.state.status === 'paused' && !force) {
    throw new DaemonError(
      `You cannot remove a paused container ${c.id}. Unpause and then stop the container before attempting removal or force remove`,
    );
  }
  if (isRunning(c) && !force) {
    throw new DaemonError(
      `You cannot remove a running container ${c.id}. Stop the container before attempting removal or force remove`,
    );
  }
  daemon.containers.delete(c.id);
  // The container held its image's layers, even if the image itself was force-deleted meanwhile.
  if (c.layer) daemon.images.release(c.layer);
  if (volumes) {
    for (const m of c.mounts) {
      // moby's removeMountPoints skips mount points whose spec named a source, even a 64-hex one
      if (m.type !== 'volume' || !m.name || !m.anonymous) continue;
      const inUse = [...daemon.containers.values()].some((o) => o.mounts.some((om) => om.name === m.name));
      if (!inUse) daemon.volumes.delete(m.name);
    }
  }
}

/** `docker rename`. */
export function renameContainer(daemon: Daemon, c: Container, newName: string): void {
  const name = newName.replace(/^\//, '');
  if (!/^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/.test(name)) {
    throw new DaemonError(`Error when allocating new name: Invalid container name (${newName}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed`);
  }
  const taken = daemon.nameTaken(name);
  if (taken && taken !== c) {
    throw new DaemonError(
      `Error when allocating new name: Conflict. The container name "/${name}" is already in use by container "${taken.id}". You have to remove (or rename) that container to be able to reuse that name.`,
    );
  }
  if (c.name === name) throw new DaemonError(`Renaming a container with the same name as its current name`);
  c.name = name;
}

/** Options of `docker exec`. */
export interface ExecRequest {
  argv: string[];
  env: string[];
  workdir: string | null;
  user: string | null;
  tty: boolean;
  stdin: Uint8Array;
  /**
   * `exec -d`: runs until it would wait (a sleep, a read); what is asleep then stays in the container's
   * processes until the container stops. What it would do after that wait is not simulated.
   */
  detach?: boolean;
  /** `exec -d -i`: stdin stays open with nothing coming (no client is attached to it) */
  stdinOpen?: boolean;
}

/** `docker exec`: runs a process next to the main one in a running container. */
export function execInContainer(daemon: Daemon, c: Container, req: ExecRequest): ProcessResult {
  if (c.state.status === 'paused') {
    throw new DaemonError(`Container ${c.name} is paused, unpause the container before exec`);
  }
  if (!isRunning(c)) throw new DaemonError(`Container ${c.id} is not running`);
  let env = [...(c.config.Env ?? [])];
  for (const item of req.env) {
    const eq = item.indexOf('=');
    env = setEnv(env, eq === -1 ? item : item.slice(0, eq), eq === -1 ? '' : item.slice(eq + 1));
  }
  // the exec's process and whatever it starts leave the namespace with it, unless a detached one sleeps on
  const proc = c.procs.spawnExec(req.argv);
  const ns = c.procs;
  let result: ProcessResult | undefined;
  // signals the exec sends PID 1 reach it once the exec is done (the main process cannot run in the middle)
  const toInit: number[] = [];
  try {
    result = runExec(daemon, c, req, env, { ns, pid: proc.pid }, (signal) => toInit.push(signal));
    return result;
  } finally {
    if (!(req.detach && result?.outcome.kind === 'blocked')) ns.endSession(proc.pid);
    for (const signal of toInit) if (isRunning(c)) signalMainProcess(daemon, c, signal);
  }
}

function runExec(daemon: Daemon, c: Container, req: ExecRequest, env: string[], proc: ProcessHandle, signalInit: (signal: number) => void): ProcessResult {
  let stdout = '';
  let stderr = '';
  const outcome = runProcess(
    c.fs,
    {
      proc,
      argv: req.argv,
      env,
      cwd: req.workdir ?? (c.config.WorkingDir || '/'),
      user: req.user ?? c.config.User,
      ...(c.host.groupAdd ? { groupAdd: c.host.groupAdd } : {}),
      capabilities: effectiveCapabilities(c.host.capAdd, c.host.capDrop, c.host.privileged),
      network: c.host.networkMode,
      hostname: c.config.Hostname,
      tty: req.tty,
      stdin: req.stdin,
      stdinOpen: req.stdinOpen === true,
      mode: 'exec',
      clock: daemon.clock,
      steps: daemon.stepBudget,
      ...(req.detach ? { background: true } : {}),
      signalInit,
    },
    (stream, text) => {
      if (stream === 'stdout' || req.tty) stdout += text;
      else stderr += text;
    },
  );
  return { outcome, stdout, stderr };
}
