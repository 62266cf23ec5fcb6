// The built-in images, built once and kept on disk by content: building them runs the simulator's builder
// (tens of milliseconds), too much for every `drydock docker` process. The cache is keyed by a digest of
// everything they come from (fixtures/base/rootfs.json, fixtures/images/**) and of the code that builds them
// (the bundle's build id), so a changed fixture or a new drydock builds afresh and nothing stale is used.
// Layers load their files on first use. Concurrent processes are safe: an entry is written in a private
// folder and renamed into place whole; the loser of a race drops its copy and uses the winner's.

import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { EngineError } from '../../../errors/engine-error.js';
import { buildFixtures, type BuiltFixtures } from '../fixture-images.js';
import type { Image } from '../image/image.js';
import { Layer } from '../layer/layer.js';
import { BlobError, BlobStore, sha256Of, type BlobRef } from './blob-store.js';
import { fixturesDir, loadFixtures } from './load-fixtures.js';
import { layerEntries, layerTar } from './layer-tar.js';
import { storedTar } from './stored-tar.js';

// Set by scripts/bundle.ts to a digest of the sources: the code that builds the images is part of the key.
declare const __DRYDOCK_BUILD__: string | undefined;

/** Bumped when what this file writes changes shape. */
const CACHE_FORMAT = 1;

interface CachedLayer extends BlobRef {
  chainId: string;
  diffId: string;
  parent: string | null;
  bytes: number;
}

interface CacheIndex {
  format: number;
  layers: CachedLayer[];
  images: (Omit<Image, 'layer'> & { layer: string | null })[];
  tags: [string, string][];
}

/** Where the fixture cache lives: DRYDOCK_CACHE, else $XDG_CACHE_HOME/drydock, else ~/.cache/drydock. */
function fixtureCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.DRYDOCK_CACHE) return env.DRYDOCK_CACHE;
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'drydock');
}

/** The code that builds the images, when it is a build (the bundle); undefined when running the sources. */
function buildId(): string | undefined {
  return typeof __DRYDOCK_BUILD__ === 'string' ? __DRYDOCK_BUILD__ : undefined;
}

/** Digest of every file the built-in images come from, plus the code's identity. */
export function fixtureKey(dir: string, code: string): string {
  const hash = [`drydock-fixtures ${CACHE_FORMAT} ${code}`];
  const walk = (rel: string) => {
    for (const name of readdirSync(join(dir, rel)).sort()) {
      const path = join(dir, rel, name);
      const st = statSync(path);
      if (st.isDirectory()) walk(join(rel, name));
      else hash.push(`${join(rel, name)} ${(st.mode & 0o777).toString(8)} ${sha256Of(readFileSync(path))}`);
    }
  };
  walk('base');
  walk('images');
  return sha256Of(hash.join('\n'));
}

let inProcess: BuiltFixtures | undefined;

/**
 * The built-in images: from the cache when an entry for these fixtures and this code is there, else built
 * (and stored, when the code has an identity). `code` defaults to the bundle's build id; running from the
 * sources there is none, and the images are built in memory once per process as before.
 */
export function cachedFixtures(options: { cacheDir?: string; code?: string; fixtures?: string } = {}): BuiltFixtures {
  const code = options.code ?? buildId();
  const dir = options.fixtures ?? fixturesDir();
  if (code === undefined) return buildFixtures(loadFixtures(dir));
  if (inProcess && options.cacheDir === undefined && options.code === undefined && options.fixtures === undefined) return inProcess;
  const entry = join(options.cacheDir ?? fixtureCacheDir(), `fixtures-${fixtureKey(dir, code)}`);
  let built = existsSync(join(entry, 'index.json')) ? readEntry(entry) : undefined;
  if (!built) {
    built = buildFixtures(loadFixtures(dir));
    writeEntry(entry, built);
  }
  if (options.cacheDir === undefined && options.code === undefined && options.fixtures === undefined) inProcess = built;
  return built;
}

function readEntry(entry: string): BuiltFixtures | undefined {
  let index: CacheIndex;
  try {
    index = JSON.parse(readFileSync(join(entry, 'index.json'), 'utf8')) as CacheIndex;
    if (index.format !== CACHE_FORMAT) return undefined;
  } catch {
    return undefined;
  }
  const blobs = new BlobStore(join(entry, 'blobs'));
  const layers = new Map<string, Layer>();
  for (const l of index.layers) {
    const parent = l.parent === null ? null : (layers.get(l.parent) ?? null);
    const load = () => {
      try {
        return layerEntries(blobs.get(l));
      } catch (error) {
        // a damaged cache is thrown away: the next process builds the images again
        rmSync(entry, { recursive: true, force: true });
        const why = error instanceof BlobError ? error.message : (error as Error).message;
        throw new EngineError('FIXTURE_MISSING', `drydock: the built-in image cache ${entry} was damaged (${why}) and has been removed; run the command again`);
      }
    };
    const layer = new Layer(parent, { diffId: l.diffId, size: l.bytes, load });
    if (layer.chainId !== l.chainId) return undefined;
    storedTar.set(layer, { ref: { sha256: l.sha256, size: l.size }, read: () => blobs.get(l) });
    layers.set(l.chainId, layer);
  }
  const images: Image[] = index.images.map((image) => ({ ...image, layer: image.layer === null ? null : (layers.get(image.layer) ?? null) }));
  return { images, tags: index.tags };
}

function writeEntry(entry: string, built: BuiltFixtures): void {
  const tmp = `${entry}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    const blobs = new BlobStore(join(tmp, 'blobs'));
    const layers = new Map<string, CachedLayer>();
    for (const image of built.images) {
      for (const layer of image.layer?.chain() ?? []) {
        if (layers.has(layer.chainId)) continue;
        const bytes = layerTar(layer.entries);
        // only what reads back to the same digest is cached (a tar that loses something would change images)
        if (new Layer(layer.parent, layerEntries(bytes)).chainId !== layer.chainId) return;
        const ref = blobs.put(bytes);
        layers.set(layer.chainId, { ...ref, chainId: layer.chainId, diffId: layer.diffId, parent: layer.parent?.chainId ?? null, bytes: layer.size });
      }
    }
    const index: CacheIndex = {
      format: CACHE_FORMAT,
      layers: [...layers.values()],
      images: built.images.map((image) => ({ ...image, layer: image.layer?.chainId ?? null })),
      tags: built.tags,
    };
    mkdirSync(tmp, { recursive: true });
    writeFileSync(join(tmp, 'index.json'), JSON.stringify(index));
    try {
      renameSync(tmp, entry);
    } catch {
      // another process stored the same entry first: theirs is as good as ours
    }
  } catch {
    // a cache that cannot be written (read-only home, full disk) only costs the build next time
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
