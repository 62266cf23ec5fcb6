// The container's main process along time. The shell cannot be suspended, so a main process that sleeps past
// the present stops there and the container keeps running with the time that sleep ends (MainSleep). Once an
// observation comes later than that, the process runs again from its start: up to the end of that sleep on a
// scratch copy with its output dropped (all of that already happened), then for real, on its own clock starting
// at the deadline, so what it does after the sleep is dated when it happened, not when it was noticed.

import { effectiveCapabilities } from './capabilities.js';
import type { FsBackend } from '../fs/backend.js';
import { MountedFs } from '../fs/mounted-fs.js';
import type { Vfs } from '../fs/vfs.js';
import type { Daemon } from '../daemon.js';
import { ProcessBlocked, type SleepGate } from '../shell/process.js';
import { virtualClock, type Clock } from '../state/clock.js';
import type { Container, MainSleep, SentSignal } from './container.js';
import { runProcess, type ProcessOutcome } from './process-runner.js';
import { ScratchBackend } from './scratch-backend.js';
import { PidNamespace } from '../shell/pid-namespace.js';
import { SwitchableVfs } from './switchable-vfs.js';
import { rememberSnapshot, snapshotOf, takeSnapshot, type StartSnapshot } from './start-snapshot.js';

/** How to run the main process this time. */
export interface MainRunOptions {
  /** the present: a sleep ending later leaves the process asleep */
  until: number;
  /** a client waits for the process (foreground run, start -a): each sleep up to this long passes */
  waitLimitMs?: number;
  /** where the previous run left the process: replay it up to the end of that sleep */
  resume?: MainSleep;
  /** change nothing and record nothing (docker wait asks when the process would end) */
  dryRun?: boolean;
  /**
   * a signal sent to PID 1 at `signalAt` (docker stop's, docker kill -s's), with resume: it cuts the sleep it is
   * in short when that is a `wait` with a trap for it, else it arrives as that sleep ends
   */
  signal?: { number: number; name: string };
  signalAt?: number;
}

/** A run's outcome; `sleep` set means the process is asleep, whatever `outcome` says. */
export interface MainRunResult {
  outcome: ProcessOutcome;
  stdout: string;
  stderr: string;
  sleep: MainSleep | null;
  /** when the process ended (meaningful when it ended) */
  endedAt: number;
}

type Phase = 'replay' | 'live' | 'halted';

/** Runs (or replays and continues) the main process of `c`. Logs get the live output unless dryRun. */
export function runMain(daemon: Daemon, c: Container, options: MainRunOptions): MainRunResult {
  const { resume, dryRun = false } = options;
  // A first run keeps the daemon's clock, as every process had before; a replay runs on a virtual clock of its
  // own (one millisecond per read, settable back to the deadline it reached), whatever the daemon's clock is.
  const own = resume ? virtualClock(c.state.startedAt ?? resume.deadline) : null;
  const clock: Clock = own ?? daemon.clock;
  const live: Vfs = dryRun ? scratchView(c.fs, clock) : own ? datedView(c.fs, clock) : c.fs;
  const start = resume ? undefined : takeSnapshot(c);
  const fs = new SwitchableVfs(resume ? scratchView(c.fs, clock, snapshotOf(c)) : live);
  let phase: Phase = resume ? 'replay' : 'live';
  let sleeps = 0;
  let pending: MainSleep | null = null;
  // signals that reached the shell and wait for it to look (after the command it is in), oldest first
  const arrived: SentSignal[] = [];
  // every signal that reached the process in one of its sleeps: a replay delivers them again at the same points
  const history: SentSignal[] = [...(resume?.signals ?? [])];
  const incoming: SentSignal | null = options.signal && resume ? { ...options.signal, sleep: resume.sleeps, sentAt: options.signalAt ?? resume.deadline } : null;
  const budget = { steps: daemon.stepBudget };
  // Every run starts the PID namespace again, so a replay hands out the numbers it did the first time up to
  // where it stood; from there on it must not reuse one an exec took meanwhile. A dry run leaves no trace.
  const previous = c.procs;
  const ns = PidNamespace.start([c.path, ...c.args]);
  const pidFloors: Record<number, number> = { ...(resume?.pidFloors ?? {}) };
  // detached execs go on while the main process is replayed (a first start has none)
  if (resume) ns.adoptExecs(previous);
  c.procs = ns;

  const gate: SleepGate = {
    sleep(ms, interruptibleBy) {
      sleeps++;
      if (phase === 'halted') throw new ProcessBlocked('sleep', ms);
      if (phase === 'replay' && resume) {
        // each stretch between two sleeps ran within its budget once; a long history must not run out now
        budget.steps = daemon.stepBudget;
        // the numbers the stretch after this sleep started from the first time
        const floor = pidFloors[sleeps];
        if (floor !== undefined) ns.raiseNext(floor);
        const here = history.filter((s) => s.sleep === sleeps);
        if (sleeps < resume.sleeps) return replayed(ms, here, interruptibleBy);
        // the sleep the process is in now: the signal sent now joins the ones sent during it before
        if (incoming) {
          here.push(incoming);
          history.push(incoming);
        }
        const cut = interruptibleBy ? here.find(interruptibleBy) : undefined;
        if (!cut && resume.deadline > options.until) {
          // not over yet and nothing cut it short: the process is still inside it
          pending = history.length > 0 ? { ...resume, signals: history } : resume;
          phase = 'halted';
          throw new ProcessBlocked('sleep', ms);
        }
        own?.set(cut ? cut.sentAt : resume.deadline);
        fs.target = live;
        phase = 'live';
        // its shell sees the signals once the sleep is over (or cut short)
        arrived.push(...here);
        // none of the numbers execs took meanwhile is given again
        ns.raiseNext(previous.nextPid);
        pidFloors[sleeps] = ns.nextPid;
        return cut ?? null;
      }
      if (options.waitLimitMs !== undefined && ms <= options.waitLimitMs) return passed(ms);
      const end = clock.peek() + ms;
      if (end <= options.until) return passed(ms);
      pending = { deadline: end, sleeps };
      if (interruptibleBy) pending.interruptible = true;
      if (history.length > 0) pending.signals = history;
      if (Object.keys(pidFloors).length > 0) pending.pidFloors = { ...pidFloors };
      // The real process is inside this sleep now; whatever the interpreter still does while unwinding (a
      // pipeline's other stages, an EXIT trap) must not happen yet.
      fs.target = scratchView(c.fs, clock);
      phase = 'halted';
      throw new ProcessBlocked('sleep', ms);
    },
    takeSignal() {
      return arrived.shift() ?? null;
    },
  };

  /** A sleep of the history, as it went the first time: whole, or cut short by a signal the shell trapped. */
  function replayed(ms: number, here: SentSignal[], interruptibleBy?: (s: SentSignal) => boolean): SentSignal | null {
    const cut = interruptibleBy ? here.find(interruptibleBy) : undefined;
    if (cut) own?.set(cut.sentAt);
    else clock.advance(ms);
    arrived.push(...here);
    return cut ?? null;
  }

  function passed(ms: number): null {
    clock.advance(ms);
    return null;
  }

  let stdout = '';
  let stderr = '';
  let outcome: ProcessOutcome;
  try {
    outcome = runMainProcess();
  } finally {
    if (dryRun) c.procs = previous;
  }
  if (start) rememberSnapshot(c, pending ? start : null);
  return { outcome, stdout, stderr, sleep: pending, endedAt: ended() };

  function runMainProcess(): ProcessOutcome {
    return runProcess(
      fs,
      {
        proc: { ns, pid: 1 },
        argv: [c.path, ...c.args],
        env: c.config.Env ?? [],
        cwd: c.config.WorkingDir || '/',
        user: c.config.User,
        ...(c.host.groupAdd ? { groupAdd: c.host.groupAdd } : {}),
        capabilities: effectiveCapabilities(c.host.capAdd, c.host.capDrop, c.host.privileged),
        network: c.host.networkMode,
        hostname: c.config.Hostname,
        tty: c.config.Tty,
        stdin: c.stdin,
        stdinOpen: c.config.OpenStdin && c.stdinClosed !== true && c.stdin.length === 0,
        mode: 'main',
        clock,
        steps: daemon.stepBudget,
        budget,
        sleepGate: gate,
      },
      (stream, text) => {
        if (phase !== 'live' || dryRun) return;
        c.logs.push({ stream, text });
        if (stream === 'stdout') stdout += text;
        else stderr += text;
      },
    );
  }

  function ended(): number {
    // read the clock only for a process that ended: every read moves the virtual clock on
    if (pending || (outcome.kind !== 'exited' && outcome.kind !== 'budget')) return 0;
    // a replay that ended before reaching the sleep it was in (it took another path this time) ends there
    return phase === 'replay' && resume ? resume.deadline : clock.now();
  }
}

/** The container's mounts again (or their state at the start), each under a scratch layer that takes the writes. */
function scratchView(fs: MountedFs, clock: Clock, at?: StartSnapshot): MountedFs {
  return rebuild(fs, clock, (b, destination) => new ScratchBackend(at?.get(destination) ?? b));
}

/** The container's own mounts, with new files dated by the process's clock. */
function datedView(fs: MountedFs, clock: Clock): MountedFs {
  return rebuild(fs, clock, (b) => b);
}

function rebuild(fs: MountedFs, clock: Clock, wrap: (b: FsBackend, destination: string) => FsBackend): MountedFs {
  const [root, ...rest] = fs.mountPoints();
  if (!root) throw new Error('a container filesystem without a root mount');
  const view = new MountedFs(wrap(root.backend, '/'), root.readOnly, () => ({ uid: 0, gid: 0, now: clock.now() }));
  for (const m of rest) view.mount(m.destination, wrap(m.backend, m.destination), m.readOnly);
  return view;
}
