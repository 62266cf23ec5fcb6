// How a backtracking match (backtrack.ts) is stopped. A back-reference needs backtracking, and backtracking can
// take exponential time (`^(a|a)*\1b$` on 40 a's); JavaScript's RegExp cannot be interrupted, so such patterns
// run on a matcher that counts its steps. Whoever runs untrusted work installs a hook (the simulator: one step
// of the process's budget and a look at the step's time limit per STEP_CHUNK steps), and the hook throws its
// own limit's error. Without a hook (a scenario's `matches:` checked outside the simulator), one match may take
// at most UNHOOKED_STEP_LIMIT steps: a count, not a clock, so a check gives the same verdict on any machine.

/** How many matcher steps pass between two calls of the hook. */
export const STEP_CHUNK = 1024;

/** The most steps one match may take when no hook is installed (about a second on a slow machine). */
export const UNHOOKED_STEP_LIMIT = 10_000_000;

let hook: (() => void) | undefined;

/** Runs `fn` with `onChunk` called every STEP_CHUNK steps of any backtracking match inside it (nested: the innermost). */
export function withRegexStepHook<T>(onChunk: () => void, fn: () => T): T {
  const outer = hook;
  hook = onChunk;
  try {
    return fn();
  } finally {
    hook = outer;
  }
}

/** The hook in force, if any (read by the matcher once per match). */
export function currentStepHook(): (() => void) | undefined {
  return hook;
}

/** A match stopped at UNHOOKED_STEP_LIMIT: its message says which pattern and why, plainly. */
export class RegexStepLimitExceeded extends Error {
  constructor(readonly source: string) {
    super(
      `the regular expression /${source}/ needs more than ${UNHOOKED_STEP_LIMIT.toLocaleString('en-US')} steps of backtracking on this text (it has a back-reference or lookaround, which cannot be matched in linear time); drydock stops it there`,
    );
    this.name = 'RegexStepLimitExceeded';
  }
}
