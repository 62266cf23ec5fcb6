// The simulated Docker daemon: one state (images, containers, volumes, a host filesystem, a clock, an ID
// source) and the operations the docker CLI asks a daemon for. Everything here is synchronous and in memory;
// the CLI layer (cli/) turns docker command lines into these calls and the results into docker's output.

import type { FsBackend } from './fs/backend.js';
import { TreeBackend } from './fs/tree-backend.js';
import { ImageStore, type ImageUser } from './image/image-store.js';
import type { Image } from './image/image.js';
import { VolumeStore } from './volume/volume-store.js';
import { virtualClock, type Clock } from './state/clock.js';
import { IdSource } from './state/ids.js';
import { isRunning, type Container } from './container/container.js';
import { DaemonError } from './daemon-error.js';

/** Options for a fresh simulator state. */
export interface DaemonOptions {
  clock?: Clock;
  seed?: string;
  /** the filesystem standing in for the host's `/` (bind mounts, build contexts, docker cp) */
  host?: FsBackend;
  /** steps a process may run before it is stopped as runaway */
  stepBudget?: number;
}

/** One simulated daemon state. */
export class Daemon {
  readonly clock: Clock;
  readonly ids: IdSource;
  readonly images = new ImageStore();
  readonly volumes = new VolumeStore();
  readonly containers = new Map<string, Container>();
  readonly host: FsBackend;
  readonly stepBudget: number;
  /** build cache: (parent image ID + step key) → image ID, as the legacy builder's cache probe */
  readonly buildCache = new Map<string, string>();

  constructor(options: DaemonOptions = {}) {
    this.clock = options.clock ?? virtualClock();
    this.ids = new IdSource(options.seed);
    this.host = options.host ?? new TreeBackend();
    this.stepBudget = options.stepBudget ?? 200_000;
  }

  /** moby's GetContainer: full ID, then exact name, then unique ID prefix. */
  findContainer(ref: string): Container | undefined {
    const byId = this.containers.get(ref);
    if (byId) return byId;
    const name = ref.startsWith('/') ? ref.slice(1) : ref;
    for (const c of this.containers.values()) if (c.name === name) return c;
    if (!/^[0-9a-f]+$/.test(ref)) return undefined;
    const matches = [...this.containers.values()].filter((c) => c.id.startsWith(ref));
    if (matches.length > 1) throw new DaemonError(`Multiple IDs found with provided prefix: ${ref}`);
    return matches[0];
  }

  /** findContainer, or docker's "No such container" error. */
  container(ref: string): Container {
    const found = this.findContainer(ref);
    if (!found) throw new DaemonError(`No such container: ${ref}`);
    return found;
  }

  /** The containers' image usage, for rmi conflict checks. */
  imageUsers(): ImageUser[] {
    return [...this.containers.values()].map((c) => ({ id: c.id, imageId: c.imageId, running: isRunning(c) }));
  }

  /** Image by familiar reference first, then by ID prefix (moby's GetImage order). */
  findImage(ref: string | null, raw: string): Image | undefined {
    if (ref !== null) {
      const byRef = this.images.byRef(ref);
      if (byRef) return byRef;
    }
    return this.images.byIdPrefix(raw);
  }

  /** Containers newest first, as `docker ps` lists them. */
  listContainers(): Container[] {
    return [...this.containers.values()].sort((a, b) => b.created - a.created);
  }

  nameTaken(name: string): Container | undefined {
    for (const c of this.containers.values()) if (c.name === name) return c;
    return undefined;
  }
}
