// Waiting on the virtual clock, as sleep and usleep do: the main process's sleep goes through its gate, so a
// container keeps running while it sleeps.

import type { ProcessContext } from '../../process.js';
import { ProcessBlocked } from '../../process-errors.js';

/** Waits `ms` of virtual time; a main (or background) process would still be waiting: ProcessBlocked. */
export function sleepFor(ctx: ProcessContext, ms: number): void {
  if (ms <= 0) return;
  // the main process's sleeps go through its gate; a background job's sleep still never ends for its shell
  if (ctx.sleepGate && ctx.mode === 'main' && !ctx.background) return ctx.sleepGate.sleep(ms);
  const waited = ctx.mode === 'main' && !ctx.background && ctx.waitLimitMs !== undefined && ms <= ctx.waitLimitMs;
  if (!waited && (ctx.mode === 'main' || ctx.background)) throw new ProcessBlocked('sleep', ms);
  ctx.clock.advance(ms);
}
