// Runs `drydock docker <args…>` from the sources (tests use it instead of the compiled bin).
import { runDockerCli } from '../../src/engine/sim/node/docker-command.js';

process.exitCode = await runDockerCli(process.argv.slice(2));
