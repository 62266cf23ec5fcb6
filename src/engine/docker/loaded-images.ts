// `docker load` on a shared engine. The archive names its own tags (manifest.json's RepoTags), which would land
// on whatever the engine already calls `tim/centos` and carry no drydock label; so the isolated engine rewrites
// them into the run's namespace before docker sees the archive, and the engines remember the images the load
// created. An image whose ID the engine had before the load is someone else's (IDs are content hashes: the same
// image loaded twice is one image) and is never removed.

import { EngineError } from '../../errors/engine-error.js';
import { readTar, writeTar } from '../../tar/tar.js';
import type { DockerClient } from './docker-client.js';

/** One image of a `docker save` archive. */
export interface SavedImage {
  /** the image ID, `sha256:<64 hex>` (the hash of its config) */
  id: string;
  /** `repo:tag` references, as stored */
  repoTags: string[];
}

/** An image a load created (the engine did not have it before). */
export interface LoadedImage {
  id: string;
}

const CONFIG = /^(?:blobs\/sha256\/)?([0-9a-f]{64})(?:\.json)?$/u;

/** The images a `docker save` archive (plain or gzipped) holds; throws POLICY_REFUSED when it cannot tell. */
export function readSaveArchive(archive: Uint8Array): SavedImage[] {
  const manifest = readTarSafely(archive).find((e) => e.path.replace(/^\.\//u, '') === 'manifest.json');
  if (manifest === undefined) throw refusal('the archive has no manifest.json');
  try {
    const rows = JSON.parse(new TextDecoder().decode(manifest.data)) as Array<{ Config?: unknown; RepoTags?: unknown }>;
    return rows.map((row) => {
      const id = typeof row.Config === 'string' ? CONFIG.exec(row.Config)?.[1] : undefined;
      if (id === undefined) throw new Error('no config');
      const tags = Array.isArray(row.RepoTags) ? row.RepoTags.filter((t): t is string => typeof t === 'string') : [];
      return { id: `sha256:${id}`, repoTags: tags };
    });
  } catch {
    throw refusal('its manifest.json cannot be read');
  }
}

/**
 * The archive with every tag of each image replaced by `map(tag, imageId)` (dropped when it returns null), in
 * manifest.json and in the legacy `repositories` file. Everything else (configs, layers) is copied unchanged, so
 * image and layer IDs stay what they were.
 */
export function retagSaveArchive(archive: Uint8Array, map: (tag: string, id: string) => string | null): Uint8Array {
  const entries = readTarSafely(archive);
  const images = readSaveArchive(archive);
  const renamed = new Map<string, string | null>();
  for (const image of images) for (const tag of image.repoTags) renamed.set(tag, map(tag, image.id));
  const rewritten = entries.map((entry) => {
    const path = entry.path.replace(/^\.\//u, '');
    if (path === 'manifest.json') {
      const rows = JSON.parse(new TextDecoder().decode(entry.data)) as Array<Record<string, unknown>>;
      for (const row of rows) {
        const tags = Array.isArray(row.RepoTags) ? (row.RepoTags as string[]) : [];
        row.RepoTags = tags.map((t) => renamed.get(t) ?? null).filter((t): t is string => t !== null);
      }
      return { ...entry, data: new TextEncoder().encode(JSON.stringify(rows)) };
    }
    if (path === 'repositories') {
      const repos = JSON.parse(new TextDecoder().decode(entry.data)) as Record<string, Record<string, string>>;
      const out: Record<string, Record<string, string>> = {};
      for (const [repo, tags] of Object.entries(repos)) {
        for (const [tag, layer] of Object.entries(tags)) {
          const mapped = renamed.get(`${repo}:${tag}`);
          if (mapped === null || mapped === undefined) continue;
          const cut = mapped.lastIndexOf(':');
          (out[mapped.slice(0, cut)] ??= {})[mapped.slice(cut + 1)] = layer;
        }
      }
      return { ...entry, data: new TextEncoder().encode(JSON.stringify(out)) };
    }
    return entry;
  });
  return writeTar(rewritten);
}

/** The IDs among `ids` the engine already has, with their number of tags. */
export async function existingImages(client: DockerClient, ids: readonly string[]): Promise<Map<string, number>> {
  const found = new Map<string, number>();
  if (ids.length === 0) return found;
  const result = await client.run(['image', 'inspect', '--format', '{{.Id}} {{len .RepoTags}}', ...ids]);
  for (const [id = '', tags = '0'] of result.stdout.split('\n').map((l) => l.split(' '))) if (id !== '') found.set(id, Number(tags));
  return found;
}

/** The images an engine's loads created, removed on dispose when no tag holds them. */
export class LoadedImages {
  private readonly images: LoadedImage[] = [];

  record(ids: readonly string[]): void {
    for (const id of ids) if (!this.images.some((i) => i.id === id)) this.images.push({ id });
  }

  saveState(): LoadedImage[] {
    return [...this.images];
  }

  loadState(images: readonly LoadedImage[]): void {
    for (const image of images) if (!this.images.some((i) => i.id === image.id)) this.images.push(image);
  }

  /** Removes the recorded images that no tag holds (call after the run's tags and containers are gone). */
  async removeImages(client: DockerClient): Promise<void> {
    await removeUntagged(client, this.images.splice(0).map((i) => i.id));
  }
}

/**
 * `rmi --no-prune` of those of `ids` that exist and have no tag (a tag someone added makes it theirs); with
 * `dry`, only which they are.
 */
export async function removeUntagged(client: DockerClient, ids: readonly string[], dry = false): Promise<string[]> {
  const untagged = [...(await existingImages(client, ids))].filter(([, tags]) => tags === 0).map(([id]) => id);
  if (!dry && untagged.length > 0) await client.run(['rmi', '--no-prune', ...untagged]);
  return untagged;
}

function readTarSafely(archive: Uint8Array) {
  try {
    return readTar(archive);
  } catch {
    throw refusal('it is not a tar archive drydock can read (plain or gzip)');
  }
}

function refusal(why: string): EngineError {
  return new EngineError('POLICY_REFUSED', `refusing docker load: ${why}, so its tags cannot be kept in the run's namespace`);
}
