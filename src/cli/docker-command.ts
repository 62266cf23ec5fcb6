// `drydock docker …`: hands the whole command line to the simulator's own docker CLI, which has docker's help
// and errors; drydock parses none of it. The module is loaded only when used (a build may lack it).

import { EXIT, type CliIo } from './io.js';

/** Runs `drydock docker <argv>` on the simulator's saved state; returns docker's exit code. */
export async function dockerCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const modulePath = '../engine/sim/node/docker-command.js';
  let mod: { runDockerCli?: (argv: string[]) => Promise<number> };
  try {
    mod = (await import(modulePath)) as typeof mod;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ERR_MODULE_NOT_FOUND') {
      io.stderr('drydock: `drydock docker` is not available in this build (the simulator command is missing)\n');
      return EXIT.usage;
    }
    throw e;
  }
  if (typeof mod.runDockerCli !== 'function') {
    io.stderr('drydock: `drydock docker` is not available in this build (runDockerCli is missing)\n');
    return EXIT.usage;
  }
  return mod.runDockerCli([...argv]);
}
