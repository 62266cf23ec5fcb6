// overlay2 names each layer's directory with a random "cache ID", unrelated to its digests. The simulator derives
// one from the chain ID, so GraphDriver paths are stable but never equal a digest shown elsewhere in inspect.

import { sha256Hex } from './digest.js';
import type { Layer } from './layer.js';

const cache = new WeakMap<Layer, string>();

/** The overlay2 directory name of a layer (/var/lib/docker/overlay2/<cacheId>). */
export function cacheId(layer: Layer): string {
  let id = cache.get(layer);
  if (!id) {
    id = sha256Hex(`overlay2-cache-id:${layer.chainId}`);
    cache.set(layer, id);
  }
  return id;
}
