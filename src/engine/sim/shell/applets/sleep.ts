// busybox sleep: durations with s/m/h/d suffixes, on the virtual clock (the main process's sleep goes
// through its gate, so a container keeps running while it sleeps).

import type { Applet } from './lib/common.js';
import { sleepFor } from './lib/sleep-for.js';
import { showUsage } from './lib/usage.js';
import { errorMsg } from './lib/common.js';

// busybox sleep durations ("1.5", "2m", "1d"); null when invalid.
function parseDuration(s: string): number | null {
  const m = /^(\d+(?:\.\d*)?|\.\d+)([smhd]?)$/.exec(s);
  if (!m) return null;
  const unit: Record<string, number> = { '': 1, s: 1, m: 60, h: 3600, d: 86400 };
  return Number(m[1]) * (unit[m[2] ?? ''] ?? 1) * 1000;
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
