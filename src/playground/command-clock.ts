// The playground's clock: the wall clock, as under `drydock docker`, but fixed for the length of one command
// (plus a millisecond per read, so events keep their order). A session is kept as its commands with the time
// each was typed; replaying them with those times after a reload gives back the same IDs and timestamps.

import type { Clock } from '../engine/sim/state/clock.js';

/** A Clock the session moves to each command's recorded time. */
export interface CommandClock extends Clock {
  /** the command typed at `t` (ms since the epoch) starts now */
  at(t: number): void;
}

/** A clock that reads `base + offset`, never going backwards; sleeps and waits move the offset on within a command. */
export function commandClock(start: number): CommandClock {
  let base = start;
  let offset = 0;
  let last = 0;
  const read = () => Math.max(last, base + offset);
  return {
    at: (t) => {
      // each `drydock docker` is a process of its own whose sleeps last only as long as it does
      base = t;
      offset = 0;
    },
    now: () => (last = Math.max(last + 1, base + offset)),
    peek: read,
    advance: (ms) => {
      offset += Math.max(0, Math.round(ms));
    },
    // a wait in the page never blocks it: the time it would take is added, as a sleep is
    waitUntil: (until) => {
      offset += Math.max(0, Math.round(until) - read());
    },
  };
}
