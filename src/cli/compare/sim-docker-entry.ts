// `drydock docker` as a program of its own, the `docker` of `drydock compare`'s simulator side.

import { exitCodeOf } from '../exit-code.js';
import { processIo } from '../io.js';
import { runDockerCli } from '../../engine/sim/node/docker-command.js';

process.exitCode = await exitCodeOf(() => runDockerCli(process.argv.slice(2)), processIo());
