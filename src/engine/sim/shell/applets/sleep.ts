// busybox sleep: durations with s/m/h/d suffixes, on the virtual clock (the main process's sleep goes
// through its gate, so a container keeps running while it sleeps).

import type { ProcessContext } from '../process.js';
import { ProcessBlocked } from '../process-errors.js';
import type { Applet } from './lib/common.js';
import { showUsage } from './lib/usage.js';
import { errorMsg } from './lib/common.js';

/** Parses busybox sleep durations ("1.5", "2m", "1d"); null when invalid. */
export function parseDuration(s: string): number | null {
  const m = /^(\d+(?:\.\d*)?|\.\d+)([smhd]?)$/.exec(s);
  if (!m) return null;
  const unit: Record<string, number> = { '': 1, s: 1, m: 60, h: 3600, d: 86400 };
  return Number(m[1]) * (unit[m[2] ?? ''] ?? 1) * 1000;
}

/** Waits `ms` of virtual time; a main (or background) process would still be waiting: ProcessBlocked. */
export function sleepFor(ctx: ProcessContext, ms: number): void {
  if (ms <= 0) return;
  // the main process's sleeps go through its gate; a background job's sleep still never ends for its shell
  if (ctx.sleepGate && ctx.mode === 'main' && !ctx.background) return ctx.sleepGate.sleep(ms);
  const waited = ctx.mode === 'main' && !ctx.background && ctx.waitLimitMs !== undefined && ms <= ctx.waitLimitMs;
  if (!waited && (ctx.mode === 'main' || ctx.background)) throw new ProcessBlocked('sleep', ms);
  ctx.clock.advance(ms);
}

/** `sleep N[smhd]...` */
export const sleep: Applet = (ctx, argv) => {
  const args = argv.slice(1);
  if (args.length === 0) return showUsage(ctx, 'sleep');
  let total = 0;
  for (const a of args) {
    const ms = parseDuration(a);
    if (ms === null) {
      errorMsg(ctx, 'sleep', `invalid number '${a}'`);
      return 1;
    }
    total += ms;
  }
  sleepFor(ctx, total);
  return 0;
};

/** `sleep --help` (busybox 1.35's text, recorded from the real binary; the banner line is printed before it). */
export const sleepUsage =
  "\nUsage: sleep [N]...\n\nPause for a time equal to the total of the args given, where each arg can\nhave an optional suffix of (s)econds, (m)inutes, (h)ours, or (d)ays\n";
