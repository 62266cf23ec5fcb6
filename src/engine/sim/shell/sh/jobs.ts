// A shell's background jobs (`cmd &`), as `wait` finds them (ash's jobtab). A job either ended while it was
// started (its status is known) or is asleep: it blocked (a sleep, `tail -f`, a read), and the shell cannot
// run it on later, so the job keeps when it would wake and whether that was its last command. A job's number is
// its slot: a new job takes the first slot whose job ended and was waited for, else a new one at the end (ash's
// makejob without job control), so a waited job is still found by its PID until a later job takes its slot
// (`wait $p` twice gives its status twice). A subshell starts with none, as ash's forkchild frees them.

/** A background job. */
export type Job =
  | { number: number; pid: number; asleep: false; status: number; waited?: boolean }
  | {
      number: number;
      pid: number;
      asleep: true;
      /** when its sleep ends (FOREVER_MS from its start for `sleep infinity`, `tail -f`, a read) */
      wakesAt: number;
      /** its blocked command was not its last: what it does afterwards is not simulated */
      goesOn: boolean;
    };

/** A job asleep. */
export type AsleepJob = Extract<Job, { asleep: true }>;

export class JobTable {
  private readonly jobs: Job[] = [];
  /** slots from the oldest job to the newest (ash's curjob list: `%%` is the newest, `%-` the one before) */
  private readonly recent: number[] = [];

  /** Records a job started now, in the first free slot. */
  add(job: { pid: number } & ({ asleep: false; status: number } | { asleep: true; wakesAt: number; goesOn: boolean })): void {
    const free = this.jobs.findIndex((j) => !j.asleep && j.waited === true);
    const slot = free === -1 ? this.jobs.length : free;
    this.jobs[slot] = { ...job, number: slot + 1 };
    const was = this.recent.indexOf(slot);
    if (was !== -1) this.recent.splice(was, 1);
    this.recent.push(slot);
  }

  /** Every job asleep now. */
  asleep(): AsleepJob[] {
    return this.jobs.filter((j): j is AsleepJob => j.asleep);
  }

  /** The job whose process is `pid`. */
  byPid(pid: number): Job | undefined {
    return this.jobs.find((j) => j.pid === pid);
  }

  /**
   * The job a `%` spec names (ash's getjob), or ash's error text: `%N`, `%%`/`%+`/`%` (the newest), `%-` (the one
   * before). A non-interactive shell keeps no command texts, so `%name` and `%?text` name no job.
   */
  bySpec(spec: string): Job | string {
    const rest = spec.slice(1);
    const newest = this.recent.at(-1);
    const before = this.recent.at(-2);
    if (rest === '' || rest === '%' || rest === '+') return newest === undefined ? 'No current job' : (this.jobs[newest] as Job);
    if (rest === '-') return before === undefined ? 'No previous job' : (this.jobs[before] as Job);
    if (/^\d+$/.test(rest)) {
      const job = this.jobs[Number(rest) - 1];
      if (job) return job;
    }
    return `${spec}: no such job`;
  }

  /** The job woke and ended with `status`. */
  ended(job: Job, status: number): void {
    this.jobs[job.number - 1] = { number: job.number, pid: job.pid, asleep: false, status };
  }

  /** `wait` gave the job's status: its slot may be taken by the next job. */
  waited(job: Job): void {
    const now = this.jobs[job.number - 1];
    if (now && !now.asleep) now.waited = true;
  }

  /** Every job that ended, now waited for (`wait` without operands). */
  waitedAll(): void {
    for (const j of this.jobs) if (!j.asleep) j.waited = true;
  }
}
