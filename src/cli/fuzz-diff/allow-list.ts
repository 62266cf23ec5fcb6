// What the tester does not hold the simulator to, each with its real reason. Short on purpose: a difference
// that the simulator's model could reproduce is fixed in the simulator, not listed here.

import type { CommandResult } from '../../engine/engine.js';
import type { FuzzStep } from './model.js';

/** One allowed kind of difference. */
export interface Allowance {
  id: string;
  /** why the simulator does not (or cannot) match */
  reason: string;
  matches: (step: FuzzStep, sim: CommandResult, real: CommandResult, detail: string) => boolean;
}

/** The allow-list. */
export const ALLOWANCES: Allowance[] = [];

/** The reason a difference is allowed, if one is. */
export function allowedReason(step: FuzzStep, sim: CommandResult, real: CommandResult, detail: string): string | undefined {
  const hit = ALLOWANCES.find((a) => a.matches(step, sim, real, detail));
  return hit === undefined ? undefined : `${hit.id}: ${hit.reason}`;
}
