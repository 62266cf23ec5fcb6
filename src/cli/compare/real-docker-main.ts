// The program `drydock compare` puts on PATH as `docker` for the real side.

import { runRealDocker } from './real-docker-entry.js';

process.exitCode = await runRealDocker(process.argv.slice(2));
