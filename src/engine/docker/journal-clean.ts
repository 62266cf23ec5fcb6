// `drydock clean`'s use of the run journals: what killed runs recorded and that still exists is removed under the
// same rules dispose() applies, so nothing that is not provably the run's goes: a build's container or image
// only if the daemon dates it within that build (and, for an image, no tag holds it), a loaded image only if the
// engine did not have it before the load and no tag holds it now, a volume only if no container uses it.

import { BuildLeftovers } from './build-leftovers.js';
import type { DockerClient } from './docker-client.js';
import { removeUntagged } from './loaded-images.js';
import { truncateId } from '../../docker-cli/index.js';
import type { RunJournalFile } from './run-journal.js';

/** Removes (or with `dry`, lists) in three phases what dead runs' journals name; each returns `kind id` lines. */
export class JournalCleaner {
  private readonly builds = new BuildLeftovers();
  private readonly loaded: string[] = [];
  private readonly volumeNames: string[] = [];

  constructor(
    private readonly client: DockerClient,
    journals: readonly RunJournalFile[],
    private readonly dry: boolean,
  ) {
    for (const journal of journals) {
      if (journal.live) continue;
      for (const entry of journal.entries) {
        if (entry.kind === 'build') this.builds.loadState(entry.leftovers);
        if (entry.kind === 'load') this.loaded.push(...entry.images.map((i) => i.id));
        if (entry.kind === 'volumes') this.volumeNames.push(...entry.names);
      }
    }
  }

  /** The step containers builds kept (first: images cannot go while containers use them). */
  async containers(): Promise<string[]> {
    const found = await this.builds.findContainers(this.client);
    if (!this.dry && found.length > 0) await this.builds.removeContainers(this.client);
    return found.map((id) => `build container ${id.slice(0, 12)}`);
  }

  /** Untagged build and load images (after the runs' tags are removed, so what only they held is untagged). */
  async images(): Promise<string[]> {
    const built = await this.builds.findImages(this.client);
    if (!this.dry && built.length > 0) await this.builds.removeImages(this.client);
    const loaded = await removeUntagged(this.client, this.loaded, this.dry);
    return [...built.map((id) => `build image ${id}`), ...loaded.map((id) => `loaded image ${truncateId(id)}`)];
  }

  /** Anonymous volumes the runs' `rm` left, unless something uses them. */
  async volumes(): Promise<string[]> {
    if (this.volumeNames.length === 0) return [];
    const dangling = new Set((await this.client.run(['volume', 'ls', '-q', '--filter', 'dangling=true'])).stdout.split('\n'));
    const doomed = [...new Set(this.volumeNames)].filter((v) => dangling.has(v));
    if (!this.dry && doomed.length > 0) await this.client.run(['volume', 'rm', ...doomed]);
    return doomed.map((v) => `volume ${v}`);
  }
}
