// The local volume driver: named and anonymous volumes, each an in-memory tree that outlives the containers
// using it until it is removed explicitly (`volume rm`, `volume prune`, `rm -v` or `run --rm` of its last
// user for anonymous ones), as Docker does, whatever the notes say.

import { TreeBackend } from '../fs/tree-backend.js';

/** A stored volume. */
export interface Volume {
  name: string;
  driver: 'local';
  createdAt: number;
  labels: Record<string, string> | null;
  options: Record<string, string> | null;
  /** created for `-v /path` or an image VOLUME: 64-hex name, removed by `rm -v` */
  anonymous: boolean;
  data: TreeBackend;
  /** a volume is filled from the image only at its first mount */
  populated: boolean;
}

/** All volumes of one simulator state. */
export class VolumeStore {
  private readonly volumes = new Map<string, Volume>();

  get(name: string): Volume | undefined {
    return this.volumes.get(name);
  }

  all(): Volume[] {
    return [...this.volumes.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  /** Creates a volume, or returns the existing one of that name (as `docker volume create` does). */
  create(name: string, time: number, anonymous: boolean, labels: Record<string, string> | null, options: Record<string, string> | null): Volume {
    const existing = this.volumes.get(name);
    if (existing) return existing;
    const volume: Volume = {
      name,
      driver: 'local',
      createdAt: time,
      labels,
      options,
      anonymous,
      data: new TreeBackend(),
      populated: false,
    };
    this.volumes.set(name, volume);
    return volume;
  }

  delete(name: string): boolean {
    return this.volumes.delete(name);
  }

  /** Restores a volume from saved state. */
  restore(volume: Volume): void {
    this.volumes.set(volume.name, volume);
  }
}

/** The `docker volume inspect` object. */
export function volumeJson(volume: Volume): Record<string, unknown> {
  return {
    CreatedAt: new Date(Math.floor(volume.createdAt / 1000) * 1000).toISOString().replace('.000Z', 'Z'),
    Driver: volume.driver,
    Labels: volume.labels,
    Mountpoint: `/var/lib/docker/volumes/${volume.name}/_data`,
    Name: volume.name,
    Options: volume.options,
    Scope: 'local',
  };
}
