// A regular expression that needs backtracking (a back-reference: `grep '\(a*\)*\1'`) spends the process's step
// budget and watches the step's time limit, as a shell loop does, so neither `drydock run`'s timeout nor
// `drydock docker`'s step budget can be outrun by one applet call (src/regex/steps.ts is the matcher's side).

import { withRegexStepHook } from '../../../regex/steps.js';
import type { ProcessContext } from './process.js';
import { StepBudgetExceeded } from './process-errors.js';
import { checkTimeLimit } from './time-limit.js';

/** Shell steps charged per chunk of matcher steps: 1,024 matcher steps take about as long as 16 turns of a loop on a busy machine. */
const SHELL_STEPS_PER_CHUNK = 16;

/** Runs an applet with its regular expressions charged to `ctx`'s step budget and the running step's time limit. */
export function withRegexBudget<T>(ctx: ProcessContext, fn: () => T): T {
  return withRegexStepHook(() => {
    checkTimeLimit();
    ctx.budget.steps -= SHELL_STEPS_PER_CHUNK;
    if (ctx.budget.steps <= 0) throw new StepBudgetExceeded('ran past its step budget (a regular expression that backtracks without end)');
  }, fn);
}
