// Time in the simulator. Scenarios use a virtual clock (deterministic: the same scenario gives the same IDs and
// timestamps every run, and `sleep 100` costs nothing); `drydock docker` uses the wall clock like a real daemon.

/** The clock every part of one simulator state reads. */
export interface Clock {
  now(): number;
  advance(ms: number): void;
}

/** Where the virtual clock starts: a fixed instant, so reports are reproducible. */
export const VIRTUAL_EPOCH = Date.UTC(2026, 0, 1, 0, 0, 0);

/** A clock that moves only when told to (plus one millisecond per read, so events keep their order). */
export function virtualClock(start = VIRTUAL_EPOCH): Clock {
  let t = start;
  return {
    now: () => (t += 1),
    advance: (ms) => {
      t += Math.max(0, Math.round(ms));
    },
  };
}

/** The machine's clock; `advance` (sleep) is recorded as an offset so virtual sleeps still move time on. */
export function wallClock(): Clock {
  let offset = 0;
  return {
    now: () => Date.now() + offset,
    advance: (ms) => {
      offset += Math.max(0, ms);
    },
  };
}
