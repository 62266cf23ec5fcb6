// The wall-clock limit of one simulated docker command (a scenario step's `timeout`, the grader's time limit).
// The simulator is synchronous JavaScript: a timer can never fire while a command runs, so the limit is checked
// cooperatively, at the same places the step budget is charged (each command and loop iteration of the shell,
// each turn of an applet's long loop). Everything else a command does takes time in proportion to input that
// other budgets bound (output, file sizes, and regular expressions matched without backtracking), so a command
// cannot run long between two checks. Chosen over terminating a worker thread for `drydock run`: a step that
// times out leaves the scenario's state for the steps, checks and teardown after it, and a terminated thread
// would lose it (grading also runs in worker threads, terminated as a last resort: grade-pool.ts).

import { StepBudgetExceeded } from './process-errors.js';

/** A command that ran past its wall-clock limit; handled as a runaway script (the container's process is killed). */
class TimeLimitExceeded extends StepBudgetExceeded {
  constructor() {
    super('ran past its time limit');
    this.name = 'TimeLimitExceeded';
  }
}

let deadline = Number.POSITIVE_INFINITY;
let expired = false;
let tick = 0;

/** Throws TimeLimitExceeded once the running command's deadline has passed (reads the clock every 256 calls). */
export function checkTimeLimit(): void {
  if ((++tick & 255) !== 0 || deadline === Number.POSITIVE_INFINITY) return;
  if (expired || performance.now() > deadline) {
    expired = true;
    throw new TimeLimitExceeded();
  }
}

/** Runs `fn` with a deadline `ms` from now (none when undefined); says whether the deadline was reached. */
export function withTimeLimit<T>(ms: number | undefined, fn: () => T): { value: T; timedOut: boolean } {
  const outer = { deadline, expired };
  deadline = ms === undefined || !(ms > 0) ? Number.POSITIVE_INFINITY : Math.min(deadline, performance.now() + ms);
  expired = false;
  try {
    const value = fn();
    return { value, timedOut: expired };
  } finally {
    deadline = outer.deadline;
    expired = outer.expired;
  }
}
