// The two ways a simulated process stops without an exit code. They are exceptions because they must unwind
// through the shell interpreter, pipelines and nested processes up to the daemon, which decides what they mean
// (a container that keeps running, a runaway script).

/** Why a process would wait forever (or for longer than a scenario step). */
export type BlockReason = 'sleep' | 'stdin' | 'tail-follow';

/** A main process that would keep running: everything it printed so far has already been sent. */
export class ProcessBlocked extends Error {
  constructor(
    readonly reason: BlockReason,
    /** for `sleep`: how long it would sleep, in milliseconds */
    readonly ms?: number,
  ) {
    super(`process blocked (${reason})`);
    this.name = 'ProcessBlocked';
  }
}

/** A script that ran more commands or loop iterations than its budget allows (an endless loop, `yes`). */
export class StepBudgetExceeded extends Error {
  constructor() {
    super('step budget exceeded: the script ran too many commands (an endless loop?)');
    this.name = 'StepBudgetExceeded';
  }
}
