// `drydock docker …`: hands the whole command line to the simulator's own docker CLI, which has docker's help
// and errors; drydock parses none of it. The simulator is imported only when this command runs. (With a
// resident daemon, bin/drydock sends the command there instead; this is the in-process path.)

import type { CliIo } from './io.js';

/** Runs `drydock docker <argv>` on the simulator's saved state; returns docker's exit code. */
export async function dockerCommand(argv: readonly string[], _io: CliIo): Promise<number> {
  const { runDockerCli, dockerCliEnvironment } = await import('../engine/sim/node/docker-command.js');
  const code = await runDockerCli([...argv]);
  // what a killed daemon left would send every later command through a refused socket first
  const { removeDeadDaemon } = await import('./daemon/stale.js');
  try {
    removeDeadDaemon(dockerCliEnvironment().stateDir);
  } catch {
    // the state is busy or unwritable: the next command tries again
  }
  return code;
}
