// `docker build --cache-from` with the legacy builder (moby's image/cache.ImageCache): only the given images
// may serve a step from the cache. A step hits when its command line equals the next history entry of a
// source whose history and layers start as the current image's do; the last entry hits the source itself
// (which becomes the current image's child), an earlier one is restored as a new image holding that one
// entry and its layer, and from then on only that source is followed. The local cache still serves a step,
// but only with an image that is an ancestor of a source.

import { cloneConfig, emptyConfig, type ContainerConfig } from '../image/config.js';
import { makeImage, type HistoryEntry, type Image } from '../image/image.js';
import type { Layer } from '../layer/layer.js';
import type { Daemon } from '../daemon.js';

/** The cache sources of one build (shared by its stages). */
export interface CacheSources {
  images: Image[];
}

/** Resolves --cache-from references; a name that finds no image is skipped (the daemon only logs it). */
export function cacheSources(names: readonly string[], resolve: (name: string) => Image | undefined): CacheSources {
  return { images: names.map((n) => resolve(n)).filter((i): i is Image => i !== undefined) };
}

/** ImageCache.GetCache: the image serving the step, or undefined. `local` is what the local cache found. */
export function cacheFromLookup(
  daemon: Daemon,
  sources: CacheSources,
  parent: Image | null,
  step: { createdBy: string; config: ContainerConfig },
  local: Image | undefined,
): Image | undefined {
  if (local && sources.images.some((s) => isAncestor(daemon, s, local.id))) return local;
  const lenHistory = parent ? parent.history.length : 0;
  for (const target of sources.images) {
    if (!validParent(target, parent)) continue;
    if (target.history[lenHistory]?.createdBy !== step.createdBy) continue;
    if (target.history.length - 1 === lenHistory) {
      if (parent) target.parent = parent.id;
      return target;
    }
    const restored = restore(daemon, parent, target, lenHistory, step.config);
    sources.images = [target];
    return restored;
  }
  return undefined;
}

// isParent: `ancestor` is a strict ancestor of `image` along the parent links
function isAncestor(daemon: Daemon, image: Image, ancestor: string): boolean {
  for (let at = daemon.images.get(image.parent); at; at = daemon.images.get(at.parent)) {
    if (at.id === ancestor) return true;
  }
  return false;
}

function diffIds(layer: Layer | null): string[] {
  const out: string[] = [];
  for (let at = layer; at; at = at.parent) out.unshift(at.diffId);
  return out;
}

function sameHistory(a: HistoryEntry, b: HistoryEntry | undefined): boolean {
  return b !== undefined && a.created === b.created && a.createdBy === b.createdBy && a.comment === b.comment && a.author === b.author && a.emptyLayer === b.emptyLayer;
}

// isValidParent: the source's history and layers begin with the parent's
function validParent(image: Image, parent: Image | null): boolean {
  if (image.history.length === 0) return false;
  const parentLayers = diffIds(parent?.layer ?? null);
  if (!parent || (parent.history.length === 0 && parentLayers.length === 0)) return true;
  if (parent.history.length >= image.history.length) return false;
  const layers = diffIds(image.layer);
  if (parentLayers.length > layers.length) return false;
  return parent.history.every((h, i) => sameHistory(h, image.history[i])) && parentLayers.every((d, i) => d === layers[i]);
}

// restoreCachedImage: the parent plus the source's entry at `index` (and its layer unless it is an empty one)
function restore(daemon: Daemon, parent: Image | null, target: Image, index: number, config: ContainerConfig): Image {
  const entry = target.history[index]!;
  let layer = parent?.layer ?? null;
  if (!entry.emptyLayer) {
    const depth = target.history.slice(0, index).filter((h) => !h.emptyLayer).length + 1;
    let at = target.layer;
    while (at && at.depth > depth) at = at.parent;
    layer = at;
  }
  const image = makeImage({
    parent: parent?.id ?? '',
    comment: '',
    created: entry.created,
    container: '',
    containerConfig: emptyConfig(),
    author: target.author,
    config: cloneConfig(config),
    layer,
    history: [...(parent?.history ?? []), entry],
  });
  return daemon.images.get(image.id) ?? daemon.images.add(image);
}
