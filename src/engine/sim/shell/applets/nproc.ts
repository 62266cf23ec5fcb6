// busybox nproc: the CPUs the context gives (2 by default).

import type { Applet } from './lib/common.js';

/** The number of CPUs `nproc` reports when the context does not say. */
export const DEFAULT_CPUS = 2;

/** `nproc` */
export const nproc: Applet = (ctx) => (ctx.stdout(`${ctx.cpus ?? DEFAULT_CPUS}\n`), 0);
