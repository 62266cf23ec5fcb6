// Waiting on the virtual clock, as sleep and usleep do: the main process's sleep goes through its gate, so a
// container keeps running while it sleeps.

import type { ProcessContext } from '../../process.js';
import { ProcessBlocked } from '../../process-errors.js';

/**
 * How long "for ever" is (`sleep infinity`, a duration past busybox's LONG_MAX seconds): a finite number of
 * milliseconds, so a deadline made of it is saved in state.json as a number (JSON has no Infinity) and adds
 * exactly (2^53 ms is some 285,000 years).
 */
export const FOREVER_MS = 2 ** 53;

/** True for what is left of a sleep for ever (its deadline minus any time that passed since it began). */
const isForever = (ms: number): boolean => ms >= FOREVER_MS / 2;

/**
 * Waits `ms` of virtual time; a main (or background) process would still be waiting: ProcessBlocked.
 * `interruptibleBy`: a shell's `wait`, which a signal it traps ends early (see SleepGate); returns that signal.
 */
export function sleepFor(ctx: ProcessContext, ms: number, interruptibleBy?: (signal: { number: number; name: string }) => boolean): { number: number; name: string } | null {
  if (ms <= 0) return null;
  // the main process's sleeps go through its gate; a background job's sleep still never ends for its shell
  if (ctx.sleepGate && ctx.mode === 'main' && !ctx.background) return ctx.sleepGate.sleep(ms, interruptibleBy);
  const waited = ctx.mode === 'main' && !ctx.background && ctx.waitLimitMs !== undefined && ms <= ctx.waitLimitMs;
  // for ever never ends, in an exec too: the client would hang (docker exec … keeps running)
  if ((!waited && (ctx.mode === 'main' || ctx.background)) || isForever(ms)) throw new ProcessBlocked('sleep', ms);
  ctx.clock.advance(ms);
  return null;
}
