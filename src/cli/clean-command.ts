// `drydock clean`: removes what real-engine runs that were killed (SIGKILL, a crash, a lost machine) left
// behind, found by drydock's labels and name prefixes (containers and volumes labelled drydock.run, images under
// drydock-run-<id>/ or labelled drydock.run, the runs' folders) and by the journal each run writes as it goes
// (what carries neither: a failed build's step container and images, loaded images, anonymous volumes), under
// the same proofs dispose() uses. A user's own objects carry none of these, so they are never touched; a run
// whose journal names a live process is skipped. `--all` also removes the stand-in images (rebuilt on next run).

import { readdirSync, rmSync, rmdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DockerClient } from '../engine/docker/docker-client.js';
import { JournalCleaner } from '../engine/docker/journal-clean.js';
import { defaultJournalDir, readJournals } from '../engine/docker/run-journal.js';
import { EngineError } from '../errors/engine-error.js';
import { RUN_DIR_PREFIX } from '../runner/docker-engines.js';
import { EXIT, type CliIo } from './io.js';
import { parseCommandArgs } from './parse-command-args.js';

const RUN_FOLDER = new RegExp(`^${RUN_DIR_PREFIX}([0-9a-f]{12})-`, 'u');

/** `drydock clean --help`. */
const CLEAN_USAGE = `Usage: drydock clean [options]

Removes what real-engine runs that were killed (SIGKILL, a crash, a lost machine) left behind, found by
drydock's labels and name prefixes only: containers and volumes labelled drydock.run, images under
drydock-run-<id>/ or labelled drydock.run, and the runs' temporary folders; and what each run's journal
recorded (a failed build's step container and images, loaded images, anonymous volumes), only if the daemon
confirms the run made it. Objects without them (your own) are never touched, nor are the objects of a run
that is still running.

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
  const removed = await cleanLeftovers(client, { dry: values['dry-run'] === true, all: values.all === true });
  const dry = values['dry-run'] === true;
  for (const line of removed) io.stdout(`${dry ? 'would remove' : 'removed'} ${line}\n`);
  io.stdout(`drydock clean: ${removed.length === 0 ? 'nothing to remove' : `${removed.length} removed`}\n`);
  return EXIT.ok;
}

/** What cleanLeftovers() does. */
export interface CleanOptions {
  dry: boolean;
  /** the stand-in images too */
  all: boolean;
  /** only runs this accepts (tests, which share the engine with other runs); default: every dead run */
  only?: (runId: string) => boolean;
  /** where the run journals are; default defaultJournalDir() */
  journalDir?: string;
}

/**
 * Removes (or lists) what dead runs left: containers and volumes by label, images by prefix and label, what
 * their journals recorded, their folders and journals. A run whose journal names a live process is left alone.
 */
export async function cleanLeftovers(client: DockerClient, options: CleanOptions): Promise<string[]> {
  const { dry } = options;
  const journals = readJournals(options.journalDir ?? defaultJournalDir());
  const live = new Set(journals.filter((j) => j.live).map((j) => j.runId));
  const mine = (runId: string | undefined) => runId !== undefined && !live.has(runId) && (options.only?.(runId) ?? true);
  const rows = async (args: string[]) => (await client.run(args)).stdout.split('\n').filter((l) => l !== '').map((l) => l.split(' '));
  const removed: string[] = [];
  const remove = async (what: string, args: string[], names: string[]) => {
    if (names.length === 0) return;
    removed.push(...names.map((n) => `${what} ${n}`));
    if (!dry) await client.run([...args, ...names]);
  };
  const labelled = async (ids: string[][]) => {
    if (ids.length === 0) return [];
    const inspected = await rows(['image', 'inspect', '--format', '{{.Id}} {{index .Config.Labels "drydock.run"}}', ...ids.map(([id = '']) => id)]);
    return [...new Set(inspected.filter(([, run]) => mine(run)).map(([id = '']) => id))];
  };
  const cleaner = new JournalCleaner(client, journals.filter((j) => mine(j.runId)), dry);
  const containers = await rows(['ps', '-a', '--no-trunc', '--filter', 'label=drydock.run', '--format', '{{.ID}} {{.Label "drydock.run"}}']);
  await remove('container', ['rm', '-f', '-v'], containers.filter(([, run]) => mine(run)).map(([id = '']) => id.slice(0, 12)));
  removed.push(...(await cleaner.containers()));
  const refs = (await rows(['images', '--format', '{{.Repository}}:{{.Tag}}'])).map(([ref = '']) => ref).filter((r) => mine(/^drydock-run-([0-9a-f]{12})\//u.exec(r)?.[1]));
  await remove('image', ['rmi', '-f'], refs);
  // a run's commits and imports carry its label; children before parents, so go round while that helps
  for (let pass = 0; pass < 5; pass++) {
    const ids = await labelled(await rows(['images', '-q', '--no-trunc', '--filter', 'label=drydock.run']));
    if (ids.length === 0) break;
    await remove('image', ['rmi', '-f'], ids);
    if (dry) break;
  }
  removed.push(...(await cleaner.images()));
  const volumes = await rows(['volume', 'ls', '--filter', 'label=drydock.run', '--format', '{{.Name}} {{.Label "drydock.run"}}']);
  await remove('volume', ['volume', 'rm', '-f'], volumes.filter(([, run]) => mine(run)).map(([name = '']) => name));
  removed.push(...(await cleaner.volumes()));
  if (options.all && options.only === undefined) {
    const fixtures = (await rows(['images', '--format', '{{.Repository}}:{{.Tag}}', '--filter', 'label=drydock.managed=true'])).map(([r = '']) => r).filter((r) => r.startsWith('drydock/'));
    await remove('image', ['rmi'], fixtures);
  }
  for (const name of readdirSync(tmpdir()).filter((n) => mine(RUN_FOLDER.exec(n)?.[1]))) {
    removed.push(`folder ${join(tmpdir(), name)}`);
    if (!dry) rmSync(join(tmpdir(), name), { recursive: true, force: true });
  }
  if (!dry) {
    for (const journal of journals.filter((j) => mine(j.runId))) rmSync(journal.path, { force: true });
    try {
      rmdirSync(options.journalDir ?? defaultJournalDir()); // only when no journal is left in it
    } catch {
      // a live run's journal is still there, or the folder never was
    }
  }
  return removed;
}
