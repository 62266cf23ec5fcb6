// A scenario's `engines:`: which engines it can run on, and why not the others (shown, never silently skipped).

import type { Scenario } from '../scenario/model.js';

/** Why the scenario does not run on the real engine, or undefined when it does. */
export function onlyOnSim(scenario: Scenario): string | undefined {
  if (scenario.engines === undefined || scenario.engines.includes('docker')) return undefined;
  return `simulator only: ${scenario.engineReason ?? 'the scenario says so (engines: [sim])'}`;
}
