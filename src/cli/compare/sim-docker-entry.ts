// `drydock docker` as a program of its own, the `docker` of `drydock compare`'s simulator side.

import { runDockerCli } from '../../engine/sim/node/docker-command.js';

process.exitCode = await runDockerCli(process.argv.slice(2));
