// One docker command on the real engine inside a compare run's namespace (the `docker` of `drydock compare`'s
// real side): the run ID and folder come from the environment, what the engine remembers is kept in the
// run folder between commands, and the output is printed as docker prints it.

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { IsolatedDockerEngine } from '../../engine/docker/isolation/isolated-engine.js';

/** Runs `docker <argv>` for the compare run named by DRYDOCK_COMPARE_RUN and DRYDOCK_COMPARE_DIR. */
export async function runRealDocker(argv: string[]): Promise<number> {
  const runId = process.env.DRYDOCK_COMPARE_RUN ?? '';
  const runDir = process.env.DRYDOCK_COMPARE_DIR ?? '';
  const engine = new IsolatedDockerEngine({ runId, runDir, cwd: '/', fixtureIds: (process.env.DRYDOCK_FIXTURE_IDS ?? '').split(',').filter((x) => x !== '') });
  const stateFile = join(runDir, '.drydock', 'state.json');
  if (existsSync(stateFile)) engine.loadState(readFileSync(stateFile, 'utf8'));
  const stdin = !process.stdin.isTTY && (argv.includes('-') || argv.includes('-i') || argv[0] === 'load') ? readFileSync(0, 'utf8') : undefined;
  try {
    const result = await engine.docker(argv, stdin === undefined ? {} : { stdin });
    process.stdout.write(result.stdout);
    process.stderr.write(result.stderr);
    return result.exitCode;
  } catch (e) {
    process.stderr.write(`drydock: ${e instanceof Error ? e.message : String(e)}\n`);
    return 125;
  } finally {
    writeFileSync(stateFile, engine.saveState());
  }
}
