// The base image of a fixture set: the rootfs manifest as one imported layer, tagged with the manifest's name.

import type { RootfsManifest } from '../../tar/rootfs-manifest.js';
import { baseLayer, importedImage } from './image/base-image.js';
import type { Image } from './image/image.js';

/** The imported base image (shared layer, deterministic ID for a given creation time). */
export function baseImageFromManifest(manifest: RootfsManifest, created: number): Image {
  return importedImage(baseLayer(manifest), created);
}
