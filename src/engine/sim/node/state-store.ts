// Saves and loads a simulator state in a directory, for `drydock docker`. state.json (format 2) holds the
// metadata and the sha256 of its own body; layers, containers' writable layers and volumes are blobs in
// blobs/, named by the sha256 of their bytes and checked against it when read. A save writes only blobs that
// are not there yet, then renames state.json into place (so a crash mid-save leaves the previous state whole),
// then removes the blobs nothing names any more. A load reads state.json and checks that every blob is there
// with its length; the blobs themselves are read when first used (`docker ps` reads none). Anything missing,
// altered or unreadable is reported as damage (exit 125, what is wrong); nothing is ever reset or deleted
// because of it. States of format 1 (generation folders, no digests) still load, and are rewritten as format 2
// by their next save.

import { closeSync, openSync, readFileSync, readSync, readdirSync, rmSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { EngineError } from '../../../errors/engine-error.js';
import { writeTar } from '../../../tar/tar.js';
import type { Container } from '../container/container.js';
import { containerLowerIndex, mountProc, mountSystemPaths } from '../container/init-layer.js';
import { utsOf } from '../container/proc-sys.js';
import { mountTmpfs, mountedTmpfs } from '../container/tmpfs-mounts.js';
import { addDevices } from '../container/devices.js';
import { Daemon } from '../daemon.js';
import { buildFixtures, installFixtures, type BuiltFixtures, type FixtureSet } from '../fixture-images.js';
import type { FsBackend } from '../fs/backend.js';
import { MountedFs } from '../fs/mounted-fs.js';
import { SubtreeBackend } from '../fs/subtree-backend.js';
import type { TreeBackend } from '../fs/tree-backend.js';
import type { Entry, EntryMeta, LiveEntry } from '../layer/entry.js';
import { Layer } from '../layer/layer.js';
import { RwLayer } from '../layer/rw-layer.js';
import { tarFromEntries } from '../layer/tar-layer.js';
import { PidNamespace } from '../shell/pid-namespace.js';
import type { Clock } from '../state/clock.js';
import { BlobError, BlobStore, sha256Of, writeAtomically, type BlobRef } from './blob-store.js';
import { layerEntries, layerTar } from './layer-tar.js';
import { storedTar } from './stored-tar.js';
import { bodyOfV1, bodyProblem, FORMAT, type StateBody, type StateFileV1 } from './state-format.js';

/** What the last load or save of a daemon left on disk: the body's text and what is known to be stored. */
interface OnDisk {
  dir: string;
  body: string | undefined;
  format: number;
  /** containers and volumes never looked into since loading, with the blob they still are */
  untouched: WeakMap<object, BlobRef>;
  /** sha256 of body, once asked for */
  digest?: string;
}

const onDisk = new WeakMap<Daemon, OnDisk>();

/** The error every kind of damage ends in: exit 125, the directory and what is wrong, nothing deleted. */
function stateDamaged(dir: string, why: string): EngineError {
  return new EngineError('STATE_DAMAGED', `drydock: the state directory ${dir} is damaged (${why}); move it away or delete it to start afresh`);
}

const PREFIX = /^\{"format":2,"sha256":"([0-9a-f]{64})","state":/;

/**
 * Loads the state in `dir`, or a fresh one with the built-in images when the directory holds none. `fixtures`
 * are the built-in images (or the definitions to build them from); they are added to every state, as before.
 */
export function loadState(dir: string, fixtures: FixtureSet | BuiltFixtures, host: FsBackend, clock: Clock): Daemon {
  const daemon = new Daemon({ clock, host });
  const built = 'rootfs' in fixtures ? buildFixtures(fixtures) : fixtures;
  installFixtures(daemon, built);
  const damaged = (why: string): never => {
    throw stateDamaged(dir, why);
  };
  const file = join(dir, 'state.json');
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') return damaged(`state.json cannot be read: ${(error as Error).message}`);
    const saved = leftovers(dir);
    if (saved.length > 0) damaged(`state.json is missing beside ${saved.join(', ')}`);
    onDisk.set(daemon, { dir, body: undefined, format: FORMAT, untouched: new WeakMap() });
    return daemon;
  }
  const blobs = new BlobStore(join(dir, 'blobs'));
  const sealed = PREFIX.exec(text);
  if (sealed) {
    const bodyText = text.replace(/\s+$/, '').slice(sealed[0].length, -1);
    if (!text.replace(/\s+$/, '').endsWith('}') || sha256Of(bodyText) !== sealed[1]) damaged('state.json does not match its sha256 digest (truncated or altered)');
    const body = parse(bodyText, damaged);
    const problem = bodyProblem(body, isBlobRef);
    if (problem) damaged(`state.json: ${problem}`);
    const state = body as StateBody<BlobRef>;
    const refs = [...state.layers.map((l) => l.tar), ...state.volumes.map((v) => v.data), ...state.containers.flatMap((c) => [c.rw, ...Object.values(c.tmpfsData ?? {})])];
    try {
      blobs.checkPresent(refs);
    } catch (error) {
      damaged((error as Error).message);
    }
    const read = (ref: BlobRef): Uint8Array => {
      try {
        return blobs.get(ref);
      } catch (error) {
        return damaged(error instanceof BlobError ? error.message : String(error));
      }
    };
    return build(daemon, built, state, read, { dir, body: bodyText, format: FORMAT, untouched: new WeakMap() }, damaged, blobs);
  }
  const saved = parse(text, damaged);
  if (typeof saved !== 'object' || saved === null || Array.isArray(saved)) return damaged('state.json holds no state object');
  const format = (saved as { format?: unknown }).format;
  if (format === FORMAT) damaged('state.json does not match its sha256 digest (its header was altered)');
  if (format !== 1) damaged(`state.json has format ${JSON.stringify(format)}, this drydock reads 1 and ${FORMAT}`);
  const v1 = saved as StateFileV1;
  for (const key of ['layers', 'volumes', 'containers'] as const) if (!Array.isArray(v1[key])) damaged(`state.json: "${key}" is missing or not a list`);
  if (!v1.containers.every((c) => typeof c === 'object' && c !== null)) damaged('state.json: a container is not an object');
  const body = bodyOfV1(v1);
  const problem = bodyProblem(body, (ref) => typeof ref === 'string' && !isAbsolute(ref) && !ref.split('/').includes('..'));
  if (problem) damaged(`state.json: ${problem}`);
  // format 1 kept no digests: every file is read now (once, when such a state is first loaded), and a tar
  // without its end (two zero blocks) was cut short
  const files = new Map<string, Uint8Array>();
  const builtIn = new Set(built.images.flatMap((image) => image.layer?.chain().map((l) => l.chainId) ?? []));
  for (const rel of [...body.layers.filter((l) => !builtIn.has(l.chainId)).map((l) => l.tar), ...body.volumes.map((v) => v.data), ...body.containers.map((c) => c.rw)]) {
    let data: Uint8Array;
    try {
      data = new Uint8Array(readFileSync(join(dir, rel)));
    } catch (error) {
      return damaged(`${rel} cannot be read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
    if (data.length < 1024 || data.length % 512 !== 0 || data.subarray(data.length - 1024).some((b) => b !== 0)) damaged(`${rel} is truncated`);
    files.set(rel, data);
  }
  const read = (rel: string): Uint8Array => files.get(rel) ?? damaged(`${rel} was not read`);
  return build(daemon, built, body, read, { dir, body: undefined, format: 1, untouched: new WeakMap() }, damaged);
}

function build<Ref>(
  daemon: Daemon,
  built: BuiltFixtures,
  saved: StateBody<Ref>,
  read: (ref: Ref) => Uint8Array,
  disk: OnDisk,
  damaged: (why: string) => never,
  blobs?: BlobStore,
): Daemon {
  // a volume is a plain folder: a file in it named `.wh.x` is a file, never a deletion
  const entries = (ref: Ref, what: string, whiteouts = true): Map<string, Entry> => {
    try {
      return layerEntries(read(ref), whiteouts);
    } catch (error) {
      if (error instanceof EngineError) throw error;
      return damaged(`${what}: ${(error as Error).message}`);
    }
  };
  const layers = new Map<string, Layer>();
  for (const image of built.images) for (let l = image.layer; l; l = l.parent) layers.set(l.chainId, l);
  for (const l of saved.layers) {
    if (layers.has(l.chainId)) continue;
    const parent = l.parent === null ? null : (layers.get(l.parent) ?? damaged(`layer ${l.chainId} has no parent ${l.parent}`));
    const what = `layer ${l.chainId}`;
    let layer: Layer;
    if (blobs && typeof l.diffId === 'string' && typeof l.bytes === 'number') {
      layer = new Layer(parent, { diffId: l.diffId, size: l.bytes, load: () => entries(l.tar, what) });
      storedTar.set(layer, { ref: l.tar as BlobRef, read: () => read(l.tar) });
    } else layer = new Layer(parent, entries(l.tar, what));
    if (layer.chainId !== l.chainId) damaged(`${what} does not hash to its chain ID`);
    layers.set(layer.chainId, layer);
  }
  const layerOf = (chainId: string | null) => (chainId === null ? null : (layers.get(chainId) ?? damaged(`unknown layer ${chainId}`)));
  for (const image of saved.images) {
    if (daemon.images.get(image.id)) continue;
    daemon.images.add({ ...image, layer: layerOf(image.layer) });
  }
  for (const [ref, id, time] of saved.tags) {
    if (!daemon.images.get(id)) damaged(`tag ${ref} names an unknown image ${id}`);
    daemon.images.tag(ref, id, time);
  }
  for (const [key, id] of saved.buildCache) daemon.buildCache.set(key, id);
  for (const v of saved.volumes) {
    const volume = daemon.volumes.create(v.name, v.createdAt, v.anonymous, v.labels ?? null, v.options ?? null);
    volume.populated = v.populated;
    const tree = volume.data;
    lazy(volume, ['data'], () => {
      disk.untouched.delete(volume);
      for (const [path, entry] of entries(v.data, `volume ${v.name}`, false)) if (entry.kind !== 'whiteout') tree.put(path, entry);
      return { data: tree };
    });
    if (blobs) disk.untouched.set(volume, v.data as BlobRef);
  }
  for (const c of saved.containers) {
    const layer = layerOf(c.layer);
    for (const m of c.mounts) if (m.type !== 'bind' && !daemon.volumes.get(m.name as string)) damaged(`container ${c.name}: volume ${String(m.name)} is missing`);
    const { rw: rwRef, xattrBlockDirs, rwRoot, procs, tmpfsData, ...rest } = c;
    // a state saved before processes were tracked: a running container has its PID 1 at least
    const running = rest.state.status === 'running' || rest.state.status === 'paused';
    const namespace = procs ? PidNamespace.restore(procs) : running ? PidNamespace.start([rest.path, ...rest.args]) : PidNamespace.empty();
    const container = { ...rest, layer, stdin: new Uint8Array(0), procs: namespace } as Container;
    lazy(container, ['rw', 'fs'], () => {
      disk.untouched.delete(container);
      const rw = RwLayer.restore(containerLowerIndex(layer, c.created), entries(rwRef, `container ${c.name}`), xattrBlockDirs ?? [], rwRoot ?? { mtime: c.created });
      const fs = new MountedFs(rw, c.host.readonlyRootfs, () => ({ uid: 0, gid: 0, now: daemon.clock.now() }));
      mountSystemPaths(fs, c.config.Hostname, c.config.Tty, c.state.startedAt ?? c.created, undefined, c.host);
      if (c.state.startedAt) addDevices(daemon.host, fs, c.host.devices, c.state.startedAt);
      for (const m of c.mounts) {
        if (m.type === 'bind') fs.mount(m.destination, new SubtreeBackend(daemon.host, m.source), !m.rw);
        else fs.mount(m.destination, (daemon.volumes.get(m.name as string) as { data: TreeBackend }).data, !m.rw);
      }
      // a running container's tmpfs comes back with what it held (its mount point is in the saved layer)
      if (running) {
        const below = c.mounts.map((m) => ({ destination: m.destination, isFile: m.type === 'bind' && daemon.host.get(m.source)?.kind === 'file' }));
        const saved = (dest: string) => {
          const ref = tmpfsData?.[dest];
          if (ref === undefined) return undefined;
          return [...entries(ref, `container ${c.name}: tmpfs ${dest}`, false)].filter((e): e is [string, LiveEntry] => e[1].kind !== 'whiteout');
        };
        mountTmpfs(fs, c.host.tmpfs, c.state.startedAt ?? c.created, () => {}, below, saved);
      }
      mountProc(fs, () => container.procs, c.mounts, () => container.state.startedAt ?? container.created, () => utsOf(container.config), () => container.host);
      return { rw, fs };
    });
    if (blobs) {
      disk.untouched.set(container, rwRef as BlobRef);
      savedExtras.set(container, { xattrBlockDirs: xattrBlockDirs ?? [], rwRoot: rwRoot ?? { mtime: c.created }, ...(tmpfsData ? { tmpfsData: tmpfsData as Record<string, BlobRef> } : {}) });
    }
    if (layer) daemon.images.retain(layer);
    daemon.containers.set(container.id, container);
  }
  daemon.ids.position = saved.ids;
  onDisk.set(daemon, disk);
  return daemon;
}

/** Makes `keys` of `target` computed on first read (all together, once), then plain writable properties. */
function lazy<T extends object>(target: T, keys: string[], make: () => Record<string, unknown>): void {
  let made: Record<string, unknown> | undefined;
  const materialise = () => {
    if (!made) {
      made = make();
      for (const key of keys) Object.defineProperty(target, key, { value: made[key], writable: true, enumerable: true, configurable: true });
    }
    return made;
  };
  for (const key of keys) {
    Object.defineProperty(target, key, {
      get: () => materialise()[key],
      set: (value: unknown) => {
        materialise();
        Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
      },
      enumerable: true,
      configurable: true,
    });
  }
}

/** Copies an object's own fields but `skip`, without reading the skipped ones (they may be lazy). */
function without<T extends object>(value: T, skip: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) if (!skip.includes(key)) out[key] = (value as Record<string, unknown>)[key];
  return out;
}

/** Files and folders a saved state leaves besides state.json (their presence without it is damage). */
function leftovers(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.filter((n) => n === 'blobs' || n === 'layers' || /^gen-\d+$/.test(n)).sort();
}

function parse(text: string, damaged: (why: string) => never): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    return damaged(`state.json: ${(error as Error).message}`);
  }
}

function isBlobRef(ref: unknown): boolean {
  return typeof ref === 'object' && ref !== null && typeof (ref as BlobRef).sha256 === 'string' && typeof (ref as BlobRef).size === 'number';
}

/** Writes the state to `dir`: the blobs not stored yet, then state.json (see the header comment). */
export function saveState(daemon: Daemon, dir: string): void {
  const disk = onDisk.get(daemon);
  const sameDir = disk?.dir === dir;
  const blobs = new BlobStore(join(dir, 'blobs'));
  const layers = new Map<string, Layer>();
  const keep = (layer: Layer | null) => {
    for (let l = layer; l; l = l.parent) layers.set(l.chainId, l);
  };
  for (const image of daemon.images.all()) keep(image.layer);
  for (const c of daemon.containers.values()) keep(c.layer);
  // a layer whose tar does not read back to the same digest is saved without it: loading then hashes it, and
  // reports the difference as damage instead of trusting a digest its entries do not have
  const lossy = new Set<Layer>();
  const layerRef = (layer: Layer): BlobRef => {
    const stored = storedTar.get(layer);
    if (stored && blobs.has(stored.ref)) return stored.ref;
    // a stored layer (the fixture cache, another state) is copied as it is, checked; others are written out
    let bytes: Uint8Array | undefined;
    try {
      bytes = stored?.read();
    } catch {
      bytes = undefined; // where it was stored is gone (another state, removed): its entries are in memory
    }
    if (bytes === undefined) {
      bytes = layerTar(layer.entries);
      if (new Layer(layer.parent, layerEntries(bytes)).chainId !== layer.chainId) lossy.add(layer);
    }
    const ref = blobs.put(bytes);
    if (!stored && !lossy.has(layer)) storedTar.set(layer, { ref, read: () => blobs.get(ref) });
    return ref;
  };
  const untouched = (item: object): BlobRef | undefined => (sameDir ? disk?.untouched.get(item) : undefined);
  // a running (or paused) container's tmpfs contents, a tar each; a stopped one's tmpfs is gone
  const tmpfsRefs = (c: Container): { tmpfsData?: Record<string, BlobRef> } => {
    if ((c.state.status !== 'running' && c.state.status !== 'paused') || !c.host.tmpfs) return {};
    const data: Record<string, BlobRef> = {};
    for (const [dest, backend] of mountedTmpfs(c.fs, c.host.tmpfs)) data[dest] = blobs.put(writeTar(tarFromEntries(new Map(backend.entries()), { markLiteralNames: true })));
    return Object.keys(data).length > 0 ? { tmpfsData: data } : {};
  };
  const body: StateBody<BlobRef> = {
    ids: daemon.ids.position,
    layers: [...layers.values()]
      .sort((a, b) => a.depth - b.depth)
      .map((layer) => {
        const tar = layerRef(layer);
        return lossy.has(layer) ? { chainId: layer.chainId, parent: layer.parent?.chainId ?? null, tar } : { chainId: layer.chainId, parent: layer.parent?.chainId ?? null, diffId: layer.diffId, bytes: layer.size, tar };
      }),
    images: daemon.images.all().map((image) => ({ ...image, layer: image.layer?.chainId ?? null })),
    tags: daemon.images.all().flatMap((image) => daemon.images.refsOf(image.id).map((ref): [string, string, number] => [ref, image.id, daemon.images.lastTagTime(image.id) ?? 0])),
    buildCache: [...daemon.buildCache],
    volumes: daemon.volumes.all().map((v) => {
      const data = untouched(v) ?? blobs.put(writeTar(tarFromEntries(new Map(v.data.entries()), { markLiteralNames: true })));
      return { name: v.name, createdAt: v.createdAt, labels: v.labels, options: v.options, anonymous: v.anonymous, populated: v.populated, data };
    }),
    containers: [...daemon.containers.values()].map((c) => {
      const rest = without(c, ['rw', 'fs', 'layer', 'stdin', 'stdinClosed', 'procs']) as Omit<Container, 'rw' | 'fs' | 'layer' | 'stdin' | 'stdinClosed' | 'procs'>;
      const kept = untouched(c);
      const rw = kept ?? blobs.put(writeTar(tarFromEntries(c.rw.snapshot(), { markLiteralNames: true })));
      const extra = kept ? savedExtras.get(c) : { xattrBlockDirs: c.rw.xattrBlockDirs(), rwRoot: c.rw.rootMeta, ...tmpfsRefs(c) };
      return { ...rest, layer: c.layer?.chainId ?? null, rw, ...extra, procs: c.procs.save() };
    }),
  };
  const text = JSON.stringify(body);
  // nothing changed (`docker ps`, `inspect`): nothing is written
  if (sameDir && disk?.body === text) return;
  writeAtomically(join(dir, 'state.json'), `{"format":${FORMAT},"sha256":"${sha256Of(text)}","state":${text}}`);
  const referenced = new Set([
    ...body.layers.map((l) => l.tar.sha256),
    ...body.volumes.map((v) => v.data.sha256),
    ...body.containers.flatMap((c) => [c.rw.sha256, ...Object.values(c.tmpfsData ?? {}).map((r) => r.sha256)]),
  ]);
  blobs.sweep(referenced);
  // a format-1 state, now rewritten: its generation folders and layer files are superseded
  if (sameDir && disk?.format === 1) {
    for (const name of readdirSync(dir)) if (name === 'layers' || /^gen-\d+$/.test(name)) rmSync(join(dir, name), { recursive: true, force: true });
  }
  onDisk.set(daemon, { dir, body: text, format: FORMAT, untouched: disk?.untouched ?? new WeakMap() });
}

/**
 * Which state `dir` holds now, cheaply: the sha256 its state.json names (format 2), 'none' when there is no
 * state.json, 'other' for anything else. The resident daemon compares it with savedGeneration() before each
 * command, to load again when another process changed the state.
 */
export function diskGeneration(dir: string): string {
  let fd: number;
  try {
    fd = openSync(join(dir, 'state.json'), 'r');
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'none' : 'other';
  }
  try {
    const head = Buffer.alloc(96);
    const n = readSync(fd, head, 0, head.length, 0);
    return PREFIX.exec(head.subarray(0, n).toString('latin1'))?.[1] ?? 'other';
  } finally {
    closeSync(fd);
  }
}

/** The generation (see diskGeneration) `daemon` was loaded from or last saved as; 'unknown' for a format-1 load. */
export function savedGeneration(daemon: Daemon): string {
  const disk = onDisk.get(daemon);
  if (!disk) return 'unknown';
  if (disk.body === undefined) return disk.format === FORMAT ? 'none' : 'unknown';
  return (disk.digest ??= sha256Of(disk.body));
}

/** What an untouched container's rw layer said of itself when loaded (kept so a save need not read the layer). */
const savedExtras = new WeakMap<object, { xattrBlockDirs: string[]; rwRoot: Partial<EntryMeta>; tmpfsData?: Record<string, BlobRef> }>();
