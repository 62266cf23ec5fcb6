// An image as the daemon's image store keeps it: a config, the top of its layer chain and its history. The ID
// is the sha256 of the serialised config, as Docker's is, so the same build from the same state gives the
// same ID twice.

import { sha256Hex } from '../layer/digest.js';
import type { Layer } from '../layer/layer.js';
import { configToJson, type ContainerConfig } from './config.js';

/** One `docker history` row. */
export interface HistoryEntry {
  created: number;
  createdBy: string;
  comment: string;
  author: string;
  /** true for metadata-only steps (ENV, CMD, …): they add no layer */
  emptyLayer: boolean;
}

/** Everything that defines an image; the ID is derived from it. */
export interface ImageSpec {
  parent: string;
  comment: string;
  created: number;
  container: string;
  containerConfig: ContainerConfig;
  author: string;
  config: ContainerConfig;
  layer: Layer | null;
  history: HistoryEntry[];
}

/** A stored image. */
export interface Image extends ImageSpec {
  id: string;
}

/** The simulated daemon's version string, reported by inspect and `docker version`. */
export const DOCKER_VERSION = '20.10.24+dfsg1';

/** Builds an image and computes its content ID. */
export function makeImage(spec: ImageSpec): Image {
  return { ...spec, id: `sha256:${sha256Hex(JSON.stringify(imageConfigBlob(spec)))}` };
}

/** The image config blob as Docker stores it and `docker save` writes it (its digest is the image ID). */
export function imageConfigBlob(spec: ImageSpec): Record<string, unknown> {
  return {
    architecture: 'amd64',
    author: spec.author || undefined,
    comment: spec.comment || undefined,
    config: configToJson(spec.config),
    container: spec.container || undefined,
    container_config: configToJson(spec.containerConfig),
    created: new Date(spec.created).toISOString(),
    docker_version: DOCKER_VERSION,
    history: spec.history.map((h) => ({
      created: new Date(h.created).toISOString(),
      created_by: h.createdBy,
      comment: h.comment || undefined,
      empty_layer: h.emptyLayer || undefined,
    })),
    os: 'linux',
    parent: spec.parent || undefined,
    rootfs: { type: 'layers', diff_ids: spec.layer ? spec.layer.chain().map((l) => l.diffId) : [] },
  };
}

/** Bytes of all layers of the image, as `docker images` SIZE counts them. */
export function imageSize(image: ImageSpec): number {
  let size = 0;
  for (let layer = image.layer; layer; layer = layer.parent) size += layer.size;
  return size;
}
