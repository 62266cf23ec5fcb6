// busybox usleep: microseconds, on the virtual clock.

import type { Applet } from './lib/common.js';
import { showUsage } from './lib/usage.js';
import { errorMsg } from './lib/common.js';
import { sleepFor } from './lib/sleep-for.js';

/** `usleep N` (microseconds) */
export const usleep: Applet = (ctx, argv) => {
  const n = argv[1];
  if (n === undefined) return showUsage(ctx, 'usleep');
  if (!/^\d+$/.test(n)) {
    errorMsg(ctx, 'usleep', `invalid number '${n}'`);
    return 1;
  }
  sleepFor(ctx, Number(n) / 1000);
  return 0;
};

/** `usleep --help` (busybox 1.35's text, recorded from the real binary; the banner line is printed before it). */
export const usleepUsage =
  "\nUsage: usleep N\n\nPause for N microseconds\n";
