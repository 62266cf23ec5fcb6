// busybox yes: a line forever, until the pipe it writes to is full.

import type { Applet } from './lib/common.js';
import { produceForever } from './lib/common.js';

/** `yes [STRING]...`: endless; a limit (steps, time, output) or a full pipe ends it. */
export const yes: Applet = (ctx, argv) => {
  const line = `${argv.length > 1 ? argv.slice(1).join(' ') : 'y'}\n`;
  return produceForever(ctx, line.repeat(Math.max(1, Math.floor(4096 / line.length))));
};

/** `yes --help` (busybox 1.35's text, recorded from the real binary; the banner line is printed before it). */
export const yesUsage =
  "\nUsage: yes [STRING]\n\nRepeatedly print a line with STRING, or 'y'\n";
