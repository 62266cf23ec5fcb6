// busybox nproc: the CPUs the context gives (2 by default).

import type { Applet } from './lib/common.js';

/** The number of CPUs `nproc` reports when the context does not say. */
const DEFAULT_CPUS = 2;

/** `nproc` */
export const nproc: Applet = (ctx) => (ctx.stdout(`${ctx.cpus ?? DEFAULT_CPUS}\n`), 0);

/** `nproc --help` (busybox 1.35's text, recorded from the real binary; the banner line is printed before it). */
export const nprocUsage =
  "\nUsage: nproc [--all] [--ignore=N]\n\nPrint number of available CPUs\n\n\t--all\t\tNumber of installed CPUs\n\t--ignore=N\tExclude N CPUs\n";
