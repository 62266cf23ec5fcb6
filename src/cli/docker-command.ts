// `drydock docker …`: hands the whole command line to the simulator's own docker CLI, which has docker's help
// and errors; drydock parses none of it. The simulator is imported only when this command runs.

import type { CliIo } from './io.js';

/** Runs `drydock docker <argv>` on the simulator's saved state; returns docker's exit code. */
export async function dockerCommand(argv: readonly string[], _io: CliIo): Promise<number> {
  const { runDockerCli } = await import('../engine/sim/node/docker-command.js');
  return runDockerCli([...argv]);
}
