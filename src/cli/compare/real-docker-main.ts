// The program `drydock compare` puts on PATH as `docker` for the real side.

import { exitCodeOf } from '../exit-code.js';
import { processIo } from '../io.js';
import { runRealDocker } from './real-docker-entry.js';

process.exitCode = await exitCodeOf(() => runRealDocker(process.argv.slice(2)), processIo());
