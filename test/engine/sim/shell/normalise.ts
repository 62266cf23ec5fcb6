// Removes what legitimately differs between two runs of the same script: the wall-clock minute in `ls -l`
// and full timestamps (a run may straddle a minute or second boundary).

import type { Outcome } from './oracle.js';

/** The outcome with times replaced by placeholders. */
export function normaliseOutcome(o: Outcome): Outcome {
  const t = (s: string): string =>
    s.replace(/\d{4}-\d\d-\d\d \d\d:\d\d:\d\d \+0000/g, '<fulltime>').replace(/[A-Z][a-z]{2} [ 0-9]\d \d\d:\d\d/g, '<time>');
  return { stdout: t(o.stdout), stderr: t(o.stderr), status: o.status };
}
