// The two ways a simulated process stops without an exit code. They are exceptions because they must unwind
// through the shell interpreter, pipelines and nested processes up to the daemon, which decides what they mean
// (a container that keeps running, a runaway script).

/** Why a process would wait forever (or for longer than a scenario step). */
export type BlockReason = 'sleep' | 'stdin' | 'tail-follow' | 'pipe';

/**
 * A main process that would keep running: everything it printed so far has already been sent. Every
 * `run -dit … sh` throws one (its shell waits on stdin) and the daemon always catches it, so no stack trace is
 * captured: capturing ten frames was most of a throw's cost (about 10 µs, some 2% of the notes' sequence).
 */
export class ProcessBlocked extends Error {
  constructor(
    readonly reason: BlockReason,
    /** for `sleep`: how long it would sleep, in milliseconds */
    readonly ms?: number,
  ) {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(`process blocked (${reason})`);
    Error.stackTraceLimit = limit;
    this.name = 'ProcessBlocked';
  }
}

/** A script that ran more commands or loop iterations than its budget allows (an endless loop, `yes`). */
export class StepBudgetExceeded extends Error {
  constructor(
    /** what the process did, for "the exec …": which limit stopped it */
    readonly what = 'ran past its step budget (an endless loop?)',
  ) {
    super(`step budget exceeded: the script ${what}`);
    this.name = 'StepBudgetExceeded';
  }
}

/** The most a step's processes may print, each stream of each process: beyond it the process is stopped. */
export const OUTPUT_LIMIT_BYTES = 16 * 1024 * 1024;

/** A process that printed more than OUTPUT_LIMIT_BYTES (`cat /dev/zero`, `yes`): stopped as a runaway. */
export class OutputLimitExceeded extends StepBudgetExceeded {
  constructor() {
    super(`printed more than ${OUTPUT_LIMIT_BYTES / 1024 / 1024} MiB, the most a step may print`);
    this.name = 'OutputLimitExceeded';
  }
}

/** A write to a file that the disk cannot take (ENOSPC): the applet dies with busybox's "write error". */
export class WriteFailed extends Error {
  constructor(readonly text: string) {
    super(text);
    this.name = 'WriteFailed';
  }
}

/** How much an endless producer (`yes`, `cat /dev/zero`) writes into a pipe before the pipe is full for good. */
export const PIPE_FILL_BYTES = 1 << 20;
