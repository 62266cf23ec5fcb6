// Runs a program inside a container: builds the process's environment the way the daemon and runc do
// (PATH, HOSTNAME, TERM, the image's Env, HOME from /etc/passwd), resolves the user, and turns the shell's
// outcomes into exit codes, runc's start errors, or "still running".

import { resolvePath } from '../fs/path.js';
import type { Vfs } from '../fs/vfs.js';
import { envMap } from '../image/config.js';
import type { Clock } from '../state/clock.js';
import { execResolved } from '../shell/exec-file.js';
import { OUTPUT_LIMIT_BYTES, OutputLimitExceeded } from '../shell/process-errors.js';
import { PROGRAMS } from '../shell/programs.js';
import { ProcessBlocked, StepBudgetExceeded, resolveExecutable, type ProcessContext, type SleepGate } from '../shell/process.js';
import { DaemonError } from '../daemon-error.js';
import type { ProcessHandle } from '../shell/pid-namespace.js';
import { EngineError } from '../../../errors/engine-error.js';

/** How a process ended. */
export type ProcessOutcome =
  | { kind: 'exited'; exitCode: number }
  | { kind: 'blocked' }
  /** `by`: the daemon refused it (the user lookup, as it writes the OCI spec) or runc did (the executable) */
  | { kind: 'start-failed'; message: string; exitCode: number; by: 'daemon' | 'runtime' }
  | { kind: 'budget'; what: string };

/** What a process needs besides its filesystem. */
export interface ProcessSpec {
  argv: string[];
  env: string[];
  cwd: string;
  user: string;
  hostname: string;
  tty: boolean;
  stdin: Uint8Array;
  stdinOpen: boolean;
  mode: 'main' | 'exec' | 'build';
  clock: Clock;
  steps: number;
  /** the budget object itself, for a caller that refills it (a replayed main process); default { steps } */
  budget?: { steps: number };
  /** see ProcessContext.waitLimitMs */
  waitLimitMs?: number;
  /** see ProcessContext.sleepGate */
  sleepGate?: SleepGate;
  /** the process in its container's PID namespace (PID 1, or a `docker exec` process), made by the caller */
  proc?: ProcessHandle;
  /** the container's network mode (HostConfig.NetworkMode; a build step's --network) */
  network?: string;
  /** the container's capabilities (default: Docker's default set) */
  capabilities?: ReadonlySet<string>;
  /** --group-add: supplementary groups by name or number */
  groupAdd?: readonly string[];
  /** nobody waits for it (`exec -d`): a sleep or a read that waits leaves it asleep, as a background job */
  background?: boolean;
  /** see ProcessContext.signalInit */
  signalInit?: (signal: number, name: string) => void;
}

const DEFAULT_PATH = 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/** The environment a container process starts with (daemon defaults, then the config's Env, then HOME). */
function processEnv(configEnv: readonly string[] | null, hostname: string, tty: boolean, home: string): string[] {
  const env = [DEFAULT_PATH, `HOSTNAME=${hostname}`];
  if (tty) env.push('TERM=xterm');
  // ReplaceOrAppendEnvValues: a name without '=' unsets the variable
  const unset = new Set<string>();
  for (const item of configEnv ?? []) {
    const name = item.includes('=') ? item.slice(0, item.indexOf('=')) : item;
    const i = env.findIndex((e) => e.startsWith(`${name}=`));
    if (!item.includes('=')) {
      if (i !== -1) unset.add(env[i] as string);
      continue;
    }
    if (i === -1) env.push(item);
    else env[i] = item;
  }
  const kept = env.filter((e) => !unset.has(e));
  // runc sets HOME where it is unset or empty, in its place
  const at = kept.findIndex((e) => e.startsWith('HOME='));
  if (at === -1) kept.push(`HOME=${home}`);
  else if (kept[at] === 'HOME=') kept[at] = `HOME=${home}`;
  return kept;
}

const MAX_ID = 2147483647;
const RANGE = `uids and gids must be in range 0-${MAX_ID}`;

// strconv.Atoi: an optional sign and decimal digits (a value past int64 is no number either)
function atoi(text: string): number | null {
  return /^[+-]?\d{1,18}$/.test(text) ? Number(text) : null;
}

/** uid, gid and home of a `USER`/`-u` value, resolved through the container's /etc/passwd as runc does. */
export function resolveUser(fs: Vfs, user: string): { uid: number; gid: number; home: string } {
  // runc's default user when /etc/passwd has no entry: uid 0 with HOME=/ (checked on the 20.10 engine).
  if (user === '') return { uid: 0, gid: 0, home: lookupHome(fs, 0) ?? '/' };
  const [name = '', group] = user.split(':');
  const passwd = readTable(fs, '/etc/passwd');
  // libcontainer's GetExecUser: a number matches a passwd row by uid, else it is the uid itself (in range)
  const uidArg = atoi(name);
  const row = passwd?.find((r) => (uidArg !== null ? atoi(r[2] ?? '') === uidArg : r[0] === name));
  let uid: number;
  let gid = 0;
  let home = '/';
  if (row) {
    uid = Number(row[2]);
    gid = Number(row[3]);
    home = row[5] ?? '/';
  } else {
    if (uidArg === null) throw new DaemonError(`unable to find user ${name}: no matching entries in passwd file`, 'runtime', 126);
    if (uidArg < 0 || uidArg > MAX_ID) throw new DaemonError(RANGE, 'runtime', 126);
    uid = uidArg;
  }
  if (group !== undefined && group !== '') {
    const gidArg = atoi(group);
    const grow = readTable(fs, '/etc/group')?.find((r) => (gidArg !== null ? atoi(r[2] ?? '') === gidArg : r[0] === group));
    if (grow) gid = Number(grow[2]);
    else {
      if (gidArg === null) throw new DaemonError(`unable to find group ${group}: no matching entries in group file`, 'runtime', 126);
      if (gidArg < 0 || gidArg > MAX_ID) throw new DaemonError(RANGE, 'runtime', 126);
      gid = gidArg;
    }
  }
  return { uid, gid, home };
}

/** --group-add resolved as libcontainer's GetAdditionalGroups does: by name or number in /etc/group, or a number in range. */
function resolveAdditionalGroups(fs: Vfs, names: readonly string[]): number[] {
  const table = names.length ? readTable(fs, '/etc/group') : undefined;
  const gids = new Set<number>();
  for (const name of names) {
    const row = table?.find((r) => r[0] === name || r[2] === name);
    if (row) {
      gids.add(Number(row[2]));
      continue;
    }
    const n = atoi(name);
    if (n === null) throw new DaemonError(`Unable to find group ${name}: no matching entries in group file`, 'runtime', 126);
    if (n < 0 || n > MAX_ID) throw new DaemonError(RANGE, 'runtime', 126);
    gids.add(n);
  }
  return [...gids];
}

function lookupHome(fs: Vfs, uid: number): string | undefined {
  return readTable(fs, '/etc/passwd')?.find((r) => r[2] === String(uid))?.[5];
}

function readTable(fs: Vfs, path: string): string[][] | undefined {
  if (fs.stat(path)?.kind !== 'file') return undefined; // most images have no /etc/passwd: no exception for that
  try {
    const text = new TextDecoder().decode(fs.readFile(path));
    return text.split('\n').filter((l) => l && !l.startsWith('#')).map((l) => l.split(':'));
  } catch {
    return undefined;
  }
}

/** Runs one program to its end (or until it would block) and reports how it ended. */
export function runProcess(
  fs: Vfs,
  spec: ProcessSpec,
  output: (stream: 'stdout' | 'stderr', text: string) => void,
): ProcessOutcome {
  // A terminal is one stream, and its line discipline (onlcr) turns every \n into \r\n: under -t, docker run,
  // exec and logs give both streams on stdout with CRLF line ends.
  const out = spec.tty ? (_stream: 'stdout' | 'stderr', text: string) => output('stdout', text.replaceAll('\n', '\r\n')) : output;
  // One streaming decoder per stream, so a UTF-8 character split across two writes survives.
  const decoders = { stdout: new TextDecoder(), stderr: new TextDecoder() };
  // Each stream has an output limit: an endless producer (`yes`, `cat /dev/zero`) is stopped at it.
  const printed = { stdout: 0, stderr: 0 };
  const write = (stream: 'stdout' | 'stderr') => (chunk: string | Uint8Array) => {
    printed[stream] += chunk.length;
    if (printed[stream] > OUTPUT_LIMIT_BYTES) throw new OutputLimitExceeded();
    out(stream, typeof chunk === 'string' ? chunk : decoders[stream].decode(chunk, { stream: true }));
  };
  let who: { uid: number; gid: number; home: string };
  let groups: number[];
  try {
    who = resolveUser(fs, spec.user);
    // the kernel keeps supplementary groups sorted; busybox id shows the primary group among them
    groups = [...new Set([who.gid, ...resolveAdditionalGroups(fs, spec.groupAdd ?? [])])].sort((a, b) => a - b);
  } catch (error) {
    if (error instanceof DaemonError) return { kind: 'start-failed', message: error.message, exitCode: 126, by: 'daemon' };
    throw error;
  }
  const env = envMap(processEnv(spec.env, spec.hostname, spec.tty, who.home));
  const ctx: ProcessContext = {
    programs: PROGRAMS,
    fs,
    cwd: resolvePath('/', spec.cwd || '/'),
    env,
    uid: who.uid,
    gid: who.gid,
    ...(groups.length > 1 ? { groups } : {}),
    ...(spec.capabilities ? { capabilities: spec.capabilities } : {}),
    ...(spec.network ? { network: spec.network } : {}),
    hostname: spec.hostname,
    stdin: { data: spec.stdin, open: spec.stdinOpen },
    stdout: write('stdout'),
    stderr: write('stderr'),
    mode: spec.mode,
    clock: spec.clock,
    budget: spec.budget ?? { steps: spec.steps },
    tty: spec.tty,
    ...(spec.waitLimitMs !== undefined ? { waitLimitMs: spec.waitLimitMs } : {}),
    ...(spec.sleepGate ? { sleepGate: spec.sleepGate } : {}),
    ...(spec.proc ? { proc: spec.proc } : {}),
    ...(spec.background ? { background: true } : {}),
    ...(spec.signalInit ? { signalInit: spec.signalInit } : {}),
  };
  spec.proc?.ns.setCredentials(spec.proc.pid, who.uid, who.gid);
  const resolved = resolveExecutable(ctx, spec.argv[0] ?? '');
  if (typeof resolved !== 'string') {
    if (resolved.kind === 'not-simulated') throw new DaemonError(resolved.message, 'runtime', 126);
    // runc meets a bad interpreter or a foreign format only at the final execve: the process has started,
    // its error goes to the container's stderr and it exits 1.
    if (resolved.afterStart) {
      out('stderr', `${resolved.message}\n`);
      return { kind: 'exited', exitCode: 1 };
    }
    return { kind: 'start-failed', message: resolved.message, exitCode: resolved.exitCode, by: 'runtime' };
  }
  try {
    const run = () => execResolved(ctx, resolved, spec.argv);
    return { kind: 'exited', exitCode: spec.proc ? spec.proc.ns.runAs(spec.proc.pid, run) : run() };
  } catch (error) {
    if (error instanceof ProcessBlocked) return { kind: 'blocked' };
    if (error instanceof StepBudgetExceeded) return { kind: 'budget', what: error.what };
    // A binary the simulator cannot run, reached from inside a script: say so plainly, as a failed command.
    if (error instanceof EngineError && error.code === 'NOT_SIMULATED') {
      out('stderr', `${error.message}\n`);
      return { kind: 'exited', exitCode: 127 };
    }
    throw error;
  }
}
