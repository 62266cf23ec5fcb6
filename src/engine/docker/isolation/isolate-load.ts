// `docker load` in a run's namespace: the archive's own tags (`tim/centos:latest`) go under the run's prefix
// before docker reads it, so a load never moves a tag of the user's (or of another run) and every tag it makes
// is the run's, removed at dispose. The archive comes from stdin or `-i FILE`; a rewritten copy replaces it.

import { readFileSync, writeFileSync } from 'node:fs';
import type { DockerClient } from '../docker-client.js';
import { existingImages, readSaveArchive, retagSaveArchive } from '../loaded-images.js';
import { slotArgv } from './argv-slots.js';
import { absoluteHostPath } from './isolate-argv.js';
import type { RunNames } from './run-names.js';

/** The load's argv and stdin with the archive's tags in the run's namespace. */
export interface IsolatedLoad {
  argv: string[];
  stdin: string | Uint8Array | undefined;
  /** the images the archive holds (full IDs), all visible to the run */
  ids: string[];
}

/**
 * Rewrites a `load`'s archive (throws POLICY_REFUSED when it cannot be read). An image the engine already has
 * untagged keeps no tag from the archive unless it is the run's own (`isOwn`): removing the run's tag at
 * dispose would otherwise delete someone's dangling image along with it.
 */
export async function isolateLoad(
  argv: readonly string[],
  stdin: string | Uint8Array | undefined,
  names: RunNames,
  client: DockerClient,
  copyPath: string,
  isOwn: (id: string) => boolean,
  cwd: string,
): Promise<IsolatedLoad> {
  const input = slotArgv(argv)?.slots.find((s) => s.flag === 'input');
  let archive: Uint8Array | undefined;
  if (input !== undefined) {
    try {
      archive = readFileSync(absoluteHostPath(input.value, cwd));
    } catch {
      return { argv: [...argv], stdin, ids: [] }; // docker says what is wrong with the file, in its own words
    }
  } else archive = typeof stdin === 'string' ? new TextEncoder().encode(stdin) : stdin;
  if (archive === undefined || archive.length === 0) return { argv: [...argv], stdin, ids: [] };
  const ids = readSaveArchive(archive).map((i) => i.id);
  const existing = await existingImages(client, ids);
  const rewritten = retagSaveArchive(archive, (tag, id) => (existing.get(id) === 0 && !isOwn(id) ? null : names.targetImage(tag)));
  if (input === undefined) return { argv: [...argv], stdin: rewritten, ids };
  writeFileSync(copyPath, rewritten);
  const out = [...argv];
  out[input.index] = input.prefix + copyPath;
  return { argv: out, stdin, ids };
}
