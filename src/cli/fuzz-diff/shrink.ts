// Delta debugging (Zeller's ddmin) over a sequence's commands: the command that differs is kept last, and
// chunks of the commands before it are dropped while the difference stays the same. A candidate is tried only
// when the model says every kept command still means what it meant (replayHolds), so a reproducer never turns
// a valid command into an accidental error.

import { replayHolds } from './generate.js';
import type { FuzzStep } from './model.js';

/** Runs a candidate on both engines; true when the last command still shows the difference. */
export type StillDiffers = (steps: FuzzStep[]) => Promise<boolean>;

/** The smallest prefix-subset found (ending with `target`), within `budget` trials. */
export async function shrink(before: readonly FuzzStep[], target: FuzzStep, test: StillDiffers, budget = 40): Promise<FuzzStep[]> {
  let trials = 0;
  const tryIt = async (kept: FuzzStep[]): Promise<boolean> => {
    const candidate = [...kept, target];
    if (!replayHolds(candidate) || trials >= budget) return false;
    trials++;
    return test(candidate);
  };
  let current = [...before];
  if (current.length > 0 && (await tryIt([]))) return [target];
  let n = 2;
  while (current.length >= 2 && trials < budget) {
    const size = Math.ceil(current.length / n);
    let reduced = false;
    for (let start = 0; start < current.length; start += size) {
      const complement = [...current.slice(0, start), ...current.slice(start + size)];
      if (await tryIt(complement)) {
        current = complement;
        n = Math.max(n - 1, 2);
        reduced = true;
        break;
      }
    }
    if (!reduced) {
      if (n >= current.length) break;
      n = Math.min(current.length, n * 2);
    }
  }
  return [...current, target];
}
