// What a state directory's state.json holds, and the checks that turn anything else into a plain "damaged"
// report instead of a TypeError halfway through loading. Format 2 (this drydock) seals the body with its
// sha256 and names every other file by the sha256 of its bytes; format 1 (before) is still read.

import type { Container } from '../container/container.js';
import type { Image } from '../image/image.js';
import type { SavedPidNamespace } from '../shell/pid-namespace.js';
import type { EntryMeta } from '../layer/entry.js';
import { configProblem, layerNotesProblem, procsProblem, sleepProblem } from './state-shape.js';

/** The format this drydock writes: state.json is `{"format":2,"sha256":…,"state":…}`, the state a `StateBody<BlobRef>` and the digest that of its exact JSON text. */
export const FORMAT = 2;

/** A container as saved: everything but its live filesystem and processes, which are rebuilt on load. */
export type SavedContainer<Ref> = Omit<Container, 'rw' | 'fs' | 'layer' | 'stdin' | 'procs'> & {
  layer: string | null;
  rw: Ref;
  /** RwLayer.xattrBlockDirs(); absent in states saved before it existed */
  xattrBlockDirs?: string[];
  /** the processes alive; absent in states saved before they were tracked */
  procs?: SavedPidNamespace;
  /** RwLayer.rootMeta: what the container's root directory says of itself */
  rwRoot?: Partial<EntryMeta>;
  /** a running container's --tmpfs contents, by destination (a tar each, as a volume's) */
  tmpfsData?: Record<string, Ref>;
};

/** One saved volume. */
export interface SavedVolume<Ref> {
  name: string;
  createdAt: number;
  labels: Record<string, string> | null;
  options: Record<string, string> | null;
  anonymous: boolean;
  populated: boolean;
  data: Ref;
}

/** One saved layer; `bytes` is Layer.size, so a stored layer needs no reading to answer `docker images`. */
export interface SavedLayer<Ref> {
  chainId: string;
  parent: string | null;
  diffId?: string;
  bytes?: number;
  tar: Ref;
}

/** The body of state.json, with files named by `Ref` (a BlobRef in format 2, a relative path in format 1). */
export interface StateBody<Ref> {
  ids: number;
  layers: SavedLayer<Ref>[];
  images: (Omit<Image, 'layer'> & { layer: string | null })[];
  tags: [string, string, number][];
  buildCache: [string, string][];
  volumes: SavedVolume<Ref>[];
  containers: SavedContainer<Ref>[];
}

/** state.json of format 1 (drydock before the digests): files named by path, rw and volumes in a generation folder. */
export interface StateFileV1 {
  format: 1;
  generation: number;
  ids: number;
  layers: { chainId: string; parent: string | null; file: string }[];
  images: StateBody<string>['images'];
  tags: [string, string, number][];
  buildCache: [string, string][];
  volumes: (Omit<SavedVolume<string>, 'data'> & { file: string })[];
  containers: (Omit<SavedContainer<string>, 'rw'> & { rwFile: string })[];
}

/** state.json of format 1 in the shape of format 2 (paths where format 2 has blobs). */
export function bodyOfV1(v1: StateFileV1): StateBody<string> {
  return {
    ids: v1.ids,
    layers: v1.layers.map((l) => ({ chainId: l.chainId, parent: l.parent, tar: l.file })),
    images: v1.images,
    tags: v1.tags,
    buildCache: v1.buildCache,
    volumes: v1.volumes.map(({ file, ...v }) => ({ ...v, data: file })),
    containers: v1.containers.map(({ rwFile, ...c }) => ({ ...c, rw: rwFile })),
  };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Checks the shape of a body before anything is built from it; returns what is wrong, or undefined. It checks
 * what loading reads (so a hand-edited `"state": null` is damage, not a TypeError), not every field's meaning.
 */
export function bodyProblem(body: unknown, isRef: (ref: unknown) => boolean): string | undefined {
  if (!isObject(body)) return 'it holds no state object';
  if (typeof body.ids !== 'number') return '"ids" is missing or not a number';
  for (const key of ['layers', 'images', 'tags', 'buildCache', 'volumes', 'containers']) {
    if (!Array.isArray(body[key])) return `"${key}" is missing or not a list`;
  }
  const each = (key: string, check: (item: Record<string, unknown>) => string | undefined): string | undefined => {
    for (const [i, item] of (body[key] as unknown[]).entries()) {
      const why = isObject(item) ? check(item) : 'not an object';
      if (why) return `${key}[${i}]: ${why}`;
    }
    return undefined;
  };
  return (
    each('layers', (l) => (typeof l.chainId !== 'string' ? 'no chainId' : !(l.parent === null || typeof l.parent === 'string') ? 'bad parent' : !isRef(l.tar) ? 'bad file reference' : undefined)) ??
    each('images', (i) => (typeof i.id !== 'string' ? 'no id' : !isObject(i.config) || !Array.isArray(i.history) ? 'no config or history' : configProblem(i.config))) ??
    (body.tags as unknown[]).map((t, i) => (Array.isArray(t) && typeof t[0] === 'string' && typeof t[1] === 'string' ? undefined : `tags[${i}]: not [ref, id, time]`)).find(Boolean) ??
    (body.buildCache as unknown[]).map((t, i) => (Array.isArray(t) && typeof t[0] === 'string' && typeof t[1] === 'string' ? undefined : `buildCache[${i}]: not [key, id]`)).find(Boolean) ??
    each('volumes', (v) => (typeof v.name !== 'string' ? 'no name' : typeof v.createdAt !== 'number' ? 'no createdAt' : !isRef(v.data) ? 'bad file reference' : undefined)) ??
    each('containers', containerProblem(isRef))
  );
}

function containerProblem(isRef: (ref: unknown) => boolean): (c: Record<string, unknown>) => string | undefined {
  return (c) => {
    if (typeof c.id !== 'string' || typeof c.name !== 'string') return 'no id or name';
    if (typeof c.created !== 'number') return 'no created time';
    if (!(c.layer === null || typeof c.layer === 'string')) return 'bad layer';
    if (!isRef(c.rw)) return 'bad file reference';
    if (!isObject(c.state) || typeof c.state.status !== 'string') return '"state" is not a container state';
    if (!isObject(c.config) || !isObject(c.host)) return 'no config or host options';
    if (!Array.isArray(c.args) || !c.args.every((a) => typeof a === 'string') || typeof c.path !== 'string') return 'no command';
    if (!Array.isArray(c.mounts) || !c.mounts.every((m) => isObject(m) && typeof m.destination === 'string' && typeof m.source === 'string')) return 'bad mounts';
    if (typeof c.imageId !== 'string' || typeof c.imageName !== 'string') return 'no image';
    if (c.labels !== undefined && c.labels !== null && !isObject(c.labels)) return 'bad labels';
    if (c.restartCount !== undefined && typeof c.restartCount !== 'number') return 'bad restart count';
    if (c.autoRemove !== undefined && typeof c.autoRemove !== 'boolean') return 'bad --rm flag';
    if (!Array.isArray(c.logs) || !c.logs.every(isObject)) return 'no logs';
    if (c.tmpfsData !== undefined && !(isObject(c.tmpfsData) && Object.values(c.tmpfsData).every(isRef))) return 'bad tmpfs contents';
    return configProblem(c.config) ?? procsProblem(c.procs) ?? sleepProblem(c.sleep) ?? layerNotesProblem(c);
  };
}
