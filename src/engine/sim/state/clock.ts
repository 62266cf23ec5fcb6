// Time in the simulator. Scenarios use a virtual clock (deterministic: the same scenario gives the same IDs and
// timestamps every run, and `sleep 100` costs nothing); `drydock docker` uses the wall clock like a real daemon.

/** The clock every part of one simulator state reads. */
export interface Clock {
  now(): number;
  advance(ms: number): void;
  /** the time without reading the clock as an event (a virtual clock moves one millisecond per now()) */
  peek(): number;
  /** somebody waits until `t` (docker wait): a virtual clock jumps there, the wall clock really waits */
  waitUntil(t: number): void;
}

/** Where the virtual clock starts: a fixed instant, so reports are reproducible. */
export const VIRTUAL_EPOCH = Date.UTC(2026, 0, 1, 0, 0, 0);

/** A virtual clock that can also be put back (a replayed process's clock returns to where it stood). */
export interface SettableClock extends Clock {
  set(t: number): void;
}

/** A clock that moves only when told to (plus one millisecond per read, so events keep their order). */
export function virtualClock(start = VIRTUAL_EPOCH): SettableClock {
  let t = start;
  return {
    set: (to) => {
      t = to;
    },
    now: () => (t += 1),
    advance: (ms) => {
      t += Math.max(0, Math.round(ms));
    },
    peek: () => t,
    waitUntil: (until) => {
      t = Math.max(t, Math.round(until));
    },
  };
}

/** How the wall clock waits for real; without one, a wait moves the offset on like a sleep. */
export interface WallClockOptions {
  block?: (ms: number) => void;
}

/** The machine's clock; `advance` (sleep) is recorded as an offset so virtual sleeps still move time on. */
export function wallClock(options: WallClockOptions = {}): Clock {
  let offset = 0;
  const now = () => Date.now() + offset;
  return {
    now,
    advance: (ms) => {
      offset += Math.max(0, ms);
    },
    peek: now,
    waitUntil: (until) => {
      const block = options.block;
      if (!block) {
        offset += Math.max(0, until - now());
        return;
      }
      // a real wait may wake a little early; it ends only once the time has come
      for (let ms = until - now(); ms > 0; ms = until - now()) block(ms);
    },
  };
}
