// The built-in images' definitions as JSON (the worker has no disk to read fixtures/ from): written at build
// time from what the Node loader reads, turned back into the simulator's FixtureSet in the worker.

import { parseRootfsManifest } from '../tar/rootfs-manifest.js';
import type { FixtureSet } from '../engine/sim/fixture-images.js';
import { fromBase64 } from './exercise-data.js';

/** fixtures/ in JSON-safe form: rootfs.json as it is, and each stand-in's build context. */
export interface SerialFixtures {
  rootfs: unknown;
  images: { name: string; from: string; fromArg?: string; files: { name: string; base64: string; mode: number }[] }[];
}

/** The FixtureSet the simulator builds its built-in images from. */
export function fixturesFromSerial(data: SerialFixtures): FixtureSet {
  return {
    rootfs: parseRootfsManifest(data.rootfs),
    images: data.images.map((i) => ({
      name: i.name,
      from: i.from,
      ...(i.fromArg ? { fromArg: i.fromArg } : {}),
      files: new Map(i.files.map((f) => [f.name, { data: fromBase64(f.base64), mode: f.mode }])),
    })),
  };
}
