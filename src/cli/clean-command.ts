// `drydock clean`: removes what real-engine runs that were killed (SIGKILL, a crash, a lost machine) left
// behind, found by drydock's labels and name prefixes only: containers and volumes labelled drydock.run,
// images under drydock-run-<id>/ or labelled drydock.run, and the runs' folders. A user's own objects carry
// neither, so they are never touched. `--all` also removes the stand-in images (rebuilt on the next run).

import { readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DockerClient } from '../engine/docker/docker-client.js';
import { EngineError } from '../errors/engine-error.js';
import { RUN_DIR_PREFIX } from '../runner/docker-engines.js';
import { EXIT, type CliIo } from './io.js';
import { parseCommandArgs } from './parse-command-args.js';

const RUN_FOLDER = new RegExp(`^${RUN_DIR_PREFIX}[0-9a-f]{12}-`, 'u');

/** `drydock clean --help`. */
export const CLEAN_USAGE = `Usage: drydock clean [options]

Removes what real-engine runs that were killed (SIGKILL, a crash, a lost machine) left behind, found by
drydock's labels and name prefixes only: containers and volumes labelled drydock.run, images under
drydock-run-<id>/ or labelled drydock.run, and the runs' temporary folders. Objects without them (your own)
are never touched.

Options:
      --all           also remove the stand-in images (drydock/ubuntu, …; rebuilt on the next run)
      --context NAME  the docker context to use (default: DOCKER_HOST, else docker's current context)
      --dry-run       list what would be removed, and remove nothing
  -h, --help          show this help

Examples:
  drydock clean --dry-run
  drydock clean --all

Exit codes: 0 cleaned (or nothing to clean), 2 bad usage or no Docker engine reachable.
`;

const CLEAN_OPTIONS = { all: { type: 'boolean' }, context: { type: 'string' }, 'dry-run': { type: 'boolean' } } as const;

/** Runs `drydock clean [--all] [--context NAME] [--dry-run]`; returns the exit code. */
export async function cleanCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseCommandArgs('clean', argv, CLEAN_OPTIONS, { maxPositionals: 0 });
  if (parsed.help) {
    io.stdout(CLEAN_USAGE);
    return EXIT.ok;
  }
  const values = parsed.values;
  const client = new DockerClient({
    ...(values.context !== undefined ? { context: values.context } : {}),
    ...(io.env.DOCKER_HOST !== undefined ? { host: io.env.DOCKER_HOST } : {}),
  });
  try {
    await client.checkReachable();
  } catch (e) {
    if (!(e instanceof EngineError)) throw e;
    io.stderr(`drydock: ${e.message}\n`);
    return EXIT.usage;
  }
  const dry = values['dry-run'] === true;
  const lines = async (args: string[]) => (await client.run(args)).stdout.split('\n').filter((l) => l !== '');
  const removed: string[] = [];
  const remove = async (what: string, args: string[], names: string[]) => {
    if (names.length === 0) return;
    removed.push(...names.map((n) => `${what} ${n}`));
    if (!dry) await client.run([...args, ...names]);
  };
  await remove('container', ['rm', '-f', '-v'], await lines(['ps', '-aq', '--filter', 'label=drydock.run']));
  const refs = (await lines(['images', '--format', '{{.Repository}}:{{.Tag}}'])).filter((r) => /^drydock-run-[0-9a-f]{12}\//u.test(r));
  await remove('image', ['rmi', '-f'], refs);
  // a run's commits and imports carry its label; children before parents, so go round while that helps
  for (let pass = 0; pass < 5; pass++) {
    const ids = await lines(['images', '-q', '--no-trunc', '--filter', 'label=drydock.run']);
    if (ids.length === 0) break;
    await remove('image', ['rmi', '-f'], ids);
    if (dry) break;
  }
  await remove('volume', ['volume', 'rm', '-f'], await lines(['volume', 'ls', '-q', '--filter', 'label=drydock.run']));
  if (values.all === true) {
    const fixtures = (await lines(['images', '--format', '{{.Repository}}:{{.Tag}}', '--filter', 'label=drydock.managed=true'])).filter((r) => r.startsWith('drydock/'));
    await remove('image', ['rmi'], fixtures);
  }
  for (const name of readdirSync(tmpdir()).filter((n) => RUN_FOLDER.test(n))) {
    removed.push(`folder ${join(tmpdir(), name)}`);
    if (!dry) rmSync(join(tmpdir(), name), { recursive: true, force: true });
  }
  for (const line of removed) io.stdout(`${dry ? 'would remove' : 'removed'} ${line}\n`);
  io.stdout(`drydock clean: ${removed.length === 0 ? 'nothing to remove' : `${removed.length} removed`}\n`);
  return EXIT.ok;
}
