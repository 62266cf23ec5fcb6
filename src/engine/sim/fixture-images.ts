// The images every fresh simulator state starts with: the busybox base and the stand-ins for tomcat, centos
// and ubuntu, built once per process by the simulator's own builder from the same Dockerfiles the real engine
// builds, then shared (as immutable Image and Layer objects) by every state.

import type { RootfsManifest } from '../../tar/rootfs-manifest.js';
import { Daemon } from './daemon.js';
import { baseImageFromManifest } from './fixture-base.js';
import { BuildContext } from './builder/build-context.js';
import { build } from './builder/builder.js';
import { TreeBackend } from './fs/tree-backend.js';
import type { Image } from './image/image.js';
import { virtualClock, VIRTUAL_EPOCH } from './state/clock.js';

/** One stand-in image: its scenario name, its parent, and the files of its build context. */
export interface FixtureImageSpec {
  name: string;
  /** build argument that carries the parent's name, when the Dockerfile takes it that way */
  fromArg?: string;
  from: string;
  files: Map<string, { data: Uint8Array; mode: number }>;
}

/** Everything needed to make the built-in images, as plain data (the node loader reads it from fixtures/). */
export interface FixtureSet {
  rootfs: RootfsManifest;
  images: FixtureImageSpec[];
}

/** Built-in images with their tags, ready to be added to a new state. */
export interface BuiltFixtures {
  images: Image[];
  tags: [string, string][];
}

const cache = new WeakMap<FixtureSet, BuiltFixtures>();

/** Builds (once per fixture set) the base and stand-in images; throws if a fixture does not build. */
export function buildFixtures(set: FixtureSet): BuiltFixtures {
  const cached = cache.get(set);
  if (cached) return cached;
  const daemon = new Daemon({ clock: virtualClock(VIRTUAL_EPOCH - 86_400_000), seed: 'drydock-fixtures' });
  const base = baseImageFromManifest(set.rootfs, daemon.clock.now());
  daemon.images.add(base);
  daemon.images.tag(set.rootfs.image, base.id, daemon.clock.now());
  for (const spec of set.images) {
    const context = new TreeBackend();
    const mtime = Date.parse(set.rootfs.mtime);
    for (const [name, file] of spec.files) {
      context.put(`/${name}`, { kind: 'file', data: file.data, mode: file.mode, uid: 0, gid: 0, mtime });
    }
    const dockerfile = spec.files.get('Dockerfile');
    if (!dockerfile) throw new Error(`fixture ${spec.name}: no Dockerfile`);
    const result = build(daemon, {
      context: BuildContext.fromBackend(context, '/', 'Dockerfile'),
      dockerfileName: 'Dockerfile',
      dockerfileText: new TextDecoder().decode(dockerfile.data),
      tags: [spec.name],
      buildArgs: new Map(spec.fromArg ? [[spec.fromArg, spec.from]] : []),
      noCache: false,
      rm: true,
      forceRm: false,
      quiet: true,
      labels: {},
      target: null,
      cacheFrom: null,
      resolveImage: (name) => daemon.images.byRef(name.includes(':') ? name : `${name}:latest`),
    });
    if (result.exitCode !== 0) throw new Error(`fixture ${spec.name} does not build in the simulator: ${result.stderr}`);
  }
  const images = daemon.images.all();
  const tags: [string, string][] = [];
  for (const image of images) for (const ref of daemon.images.refsOf(image.id)) tags.push([ref, image.id]);
  const built = { images, tags };
  cache.set(set, built);
  return built;
}

/** Adds the built-in images to a fresh state. */
export function installFixtures(daemon: Daemon, built: BuiltFixtures): void {
  for (const image of built.images) daemon.images.add(image);
  for (const [ref, id] of built.tags) daemon.images.tag(ref, id, VIRTUAL_EPOCH - 1);
}
