// The processes of one container: a PID namespace as `ps` and /proc show it. The simulator runs one process at
// a time, so "alive" means started and not yet ended: the shells waiting for their children, the children
// themselves, a pipeline's stages, background jobs and a main process asleep. PIDs are handed out as the
// kernel does (the next free number, counting up), with the numbers runc's own threads take left out.

/** One process as /proc/PID shows it. */
export interface ProcessEntry {
  pid: number;
  /** 0 for PID 1 and for `docker exec` processes: their parent lives outside the namespace */
  ppid: number;
  uid: number;
  gid: number;
  /** /proc/PID/cmdline: the argv of the last execve (a forked shell or a NOEXEC applet keeps its parent's) */
  argv: string[];
  /** /proc/PID/comm: up to 15 bytes */
  comm: string;
  /** the PID of the process this one descends from inside the namespace (1, or a `docker exec` process) */
  session: number;
}

/** A namespace as plain data, for a state directory. */
export interface SavedPidNamespace {
  next: number;
  processes: ProcessEntry[];
}

// runc's init process is a Go program: before it execs the container's program its threads take PIDs of their
// own. Measured on 20.10 (docker-reference.md 2.4 and 100 execs): the first exec in a container got PID 6 to
// 8, and an exec's first child came 5 to 7 numbers after the exec. Real numbers vary from run to run; the
// simulator takes the reference transcript's (first exec 6, first child of an exec 12).
const START_THREADS = 4;
const EXEC_THREADS = 5;
const COMM_MAX = 15;

/** The kernel's comm: the basename of what was executed, cut to 15 bytes. */
function commOf(path: string): string {
  const base = path.slice(path.lastIndexOf('/') + 1);
  return base.slice(0, COMM_MAX);
}

export class PidNamespace {
  private readonly processes = new Map<number, ProcessEntry>();
  /** who is running now: /proc/self points at the last one */
  private readonly running: number[] = [];

  private constructor(private next: number) {}

  /** A container's namespace as runc starts it: its program as PID 1. */
  static start(argv: readonly string[], uid = 0, gid = 0): PidNamespace {
    const ns = new PidNamespace(2 + START_THREADS);
    ns.processes.set(1, { pid: 1, ppid: 0, uid, gid, argv: [...argv], comm: commOf(argv[0] ?? ''), session: 1 });
    return ns;
  }

  /** A namespace with no process (a container that is not running). */
  static empty(): PidNamespace {
    return new PidNamespace(1);
  }

  static restore(saved: SavedPidNamespace | undefined): PidNamespace {
    const ns = new PidNamespace(saved?.next ?? 1);
    for (const p of saved?.processes ?? []) ns.processes.set(p.pid, { ...p, argv: [...p.argv] });
    return ns;
  }

  save(): SavedPidNamespace {
    return { next: this.next, processes: this.list().map((p) => ({ ...p, argv: [...p.argv] })) };
  }

  /** The number the next new process gets. */
  get nextPid(): number {
    return this.next;
  }

  /** Takes over the processes `other` holds outside PID 1's session (detached execs still running). */
  adoptExecs(other: PidNamespace): void {
    for (const p of other.list()) if (p.session !== 1) this.processes.set(p.pid, { ...p, argv: [...p.argv] });
  }

  // the next free number, as the kernel skips those in use
  private take(): number {
    while (this.processes.has(this.next)) this.next++;
    return this.next++;
  }

  /** Makes sure no new PID falls below `min` (a replayed main process must not reuse an exec's numbers). */
  raiseNext(min: number): void {
    this.next = Math.max(this.next, min);
  }

  /** A `docker exec` process: runc's init joins the namespace, its threads take the next few numbers. */
  spawnExec(argv: readonly string[], uid = 0, gid = 0): ProcessEntry {
    const pid = this.take();
    this.next += EXEC_THREADS;
    const entry: ProcessEntry = { pid, ppid: 0, uid, gid, argv: [...argv], comm: commOf(argv[0] ?? ''), session: pid };
    this.processes.set(pid, entry);
    return entry;
  }

  /** fork(2): a copy of `parent` with the next PID. */
  fork(parent: number): ProcessEntry {
    const from = this.processes.get(parent);
    const pid = this.take();
    const entry: ProcessEntry = from
      ? { ...from, pid, ppid: parent, argv: [...from.argv] }
      : { pid, ppid: parent, uid: 0, gid: 0, argv: [], comm: '', session: parent };
    this.processes.set(pid, entry);
    return entry;
  }

  /** execve(2): a new program image; comm is the basename of the file executed (kept when not given). */
  exec(pid: number, argv: readonly string[], file?: string): void {
    const p = this.processes.get(pid);
    if (!p) return;
    p.argv = [...argv];
    if (file !== undefined) p.comm = commOf(file);
  }

  /** A busybox applet run without exec (NOEXEC): only comm changes, cmdline stays the shell's. */
  rename(pid: number, comm: string): void {
    const p = this.processes.get(pid);
    if (p) p.comm = commOf(comm);
  }

  setCredentials(pid: number, uid: number, gid: number): void {
    const p = this.processes.get(pid);
    if (p) Object.assign(p, { uid, gid });
  }

  exit(pid: number): void {
    this.processes.delete(pid);
  }

  /** A `docker exec` ended: whatever it started goes with it (the simulator keeps no orphans). */
  endSession(session: number): void {
    for (const [pid, p] of this.processes) if (p.session === session) this.processes.delete(pid);
  }

  /** Every process ends (the container stopped). */
  clear(): void {
    this.processes.clear();
    this.running.length = 0;
  }

  get(pid: number): ProcessEntry | undefined {
    return this.processes.get(pid);
  }

  /** The processes by PID. */
  list(): ProcessEntry[] {
    return [...this.processes.values()].sort((a, b) => a.pid - b.pid);
  }

  /** The process that is running now (what /proc/self names), if any. */
  current(): number | undefined {
    return this.running.at(-1);
  }

  /** Runs `body` as process `pid` (for /proc/self); the previous one runs again afterwards. */
  runAs<T>(pid: number, body: () => T): T {
    this.running.push(pid);
    try {
      return body();
    } finally {
      this.running.pop();
    }
  }
}

/** A process as its program sees it: which namespace, which PID. */
export interface ProcessHandle {
  ns: PidNamespace;
  pid: number;
}
