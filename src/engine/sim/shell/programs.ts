// The programs a simulated process can start, put together once: the applet table and the shell. Whoever makes
// a process's first context (the container's process runner, tests) gives it these; everything below reaches
// them through `ctx.programs`, so the applets and the shell never import the code that runs them.

import { appletUsage, runApplet } from './applets/registry.js';
import type { Programs } from './process.js';
import { runShellMain } from './sh/sh-main.js';

/** The simulator's programs: busybox's applets (with their `--help` texts) and its ash. */
export const PROGRAMS: Programs = { runApplet, runShell: runShellMain, usage: appletUsage };
