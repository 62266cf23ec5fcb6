// What the generator believes the engine holds after each command: images (by reference, with an identity so
// tags can share one), containers and their states, volumes and the host folder's files. Steps are generated
// against it, and the shrinker replays it to keep a shortened sequence meaningful (a step that was valid stays
// valid, a deliberately wrong one stays wrong for the same reason).

/** The base image every sequence starts from (a drydock fixture present on both engines). */
export const BASE_IMAGE = 'drydock/busybox:1.35';

/** A container's life-cycle state as the generator tracks it. */
export type ContainerState = 'created' | 'running' | 'paused' | 'exited';

/** One container. */
export interface ModelContainer {
  image: string;
  state: ContainerState;
  /** runs a script and exits (true) or sleeps until stopped (false) */
  oneShot: boolean;
  volumes: string[];
  /** files its script leaves behind (absolute container paths) */
  files: string[];
}

/** The generator's picture of one engine's state; plain data so it can be cloned. */
export interface Model {
  /** image reference → identity (two references with one identity are two tags of one image) */
  images: Record<string, string>;
  containers: Record<string, ModelContainer>;
  volumes: string[];
  /** files in the host folder, relative to the working directory */
  hostFiles: string[];
  /** host archive file → what it holds: 'container' (export) or the image references saved with identities */
  archives: Record<string, { kind: 'export' } | { kind: 'save'; images: Record<string, string> }>;
}

/** The state every sequence starts from. */
export function initialModel(hostFiles: readonly string[]): Model {
  return { images: { [BASE_IMAGE]: 'base' }, containers: {}, volumes: [], hostFiles: [...hostFiles], archives: {} };
}

/** A deep copy (the shrinker replays many candidates). */
export function cloneModel(m: Model): Model {
  return structuredClone(m);
}

/** Image references other than the base (the ones a sequence may untag or remove). */
export function ownImages(m: Model): string[] {
  return Object.keys(m.images).filter((r) => r !== BASE_IMAGE);
}

/** Names of containers in one of the given states. */
export function containersIn(m: Model, ...states: ContainerState[]): string[] {
  return Object.entries(m.containers)
    .filter(([, c]) => states.includes(c.state))
    .map(([n]) => n);
}

/** True when some container was made from an image of this identity. */
export function identityInUse(m: Model, identity: string): boolean {
  return Object.values(m.containers).some((c) => c.image === identity);
}

/** Containers that mount the volume. */
export function volumeUsers(m: Model, volume: string): string[] {
  return Object.entries(m.containers)
    .filter(([, c]) => c.volumes.includes(volume))
    .map(([n]) => n);
}

/** One generated docker command and how it relates to the model. */
export interface FuzzStep {
  /** the command family it exercises (run, cp-to, volume-rm, …) for the summary */
  family: string;
  /** everything after `docker` */
  argv: string[];
  /** generated to fail (a missing name, a conflict, a bad flag, removing what is in use) */
  wrong: boolean;
  /** whether what the generator relied on still holds in this model (for the shrinker) */
  holds: (m: Model) => boolean;
  /** the step's effect on the model (called only when the step is not wrong) */
  apply: (m: Model) => void;
}
