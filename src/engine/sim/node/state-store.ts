// Saves and loads a simulator state in a directory, for `drydock docker`. Layers are content-addressed files
// written once (the built-in images' too, so a state outlives a drydock that ships other fixtures); containers' layers and volumes are written under a new generation each save, and state.json
// (renamed into place last) says which generation is current, so a crash mid-save leaves the previous state
// whole. Anything missing or unreadable is reported as damage, never silently reset.

import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EngineError } from '../../../errors/engine-error.js';
import { readTar, writeTar } from '../archive/tar.js';
import { Daemon } from '../daemon.js';
import type { FsBackend } from '../fs/backend.js';
import type { Clock } from '../state/clock.js';
import { buildFixtures, installFixtures, type FixtureSet } from '../fixture-images.js';
import type { Image } from '../image/image.js';
import { Layer } from '../layer/layer.js';
import { RwLayer } from '../layer/rw-layer.js';
import { entriesFromTar, tarFromEntries } from '../layer/tar-layer.js';
import type { Container } from '../container/container.js';
import { containerLowerIndex, mountProc, mountSystemPaths } from '../container/init-layer.js';
import { PidNamespace, type SavedPidNamespace } from '../shell/pid-namespace.js';
import { MountedFs } from '../fs/mounted-fs.js';
import { SubtreeBackend } from '../fs/subtree-backend.js';
import type { Entry, EntryMeta } from '../layer/entry.js';

const FORMAT = 1;

interface SavedState {
  format: number;
  generation: number;
  ids: number;
  layers: { chainId: string; parent: string | null; file: string }[];
  images: (Omit<Image, 'layer'> & { layer: string | null })[];
  tags: [string, string, number][];
  buildCache: [string, string][];
  volumes: { name: string; createdAt: number; labels: Record<string, string> | null; options: Record<string, string> | null; anonymous: boolean; populated: boolean; file: string }[];
  containers: (Omit<Container, 'rw' | 'fs' | 'layer' | 'stdin' | 'procs'> & {
    layer: string | null;
    rwFile: string;
    /** RwLayer.xattrBlockDirs(); absent in states saved before it existed */
    xattrBlockDirs?: string[];
    /** the processes alive; absent in states saved before they were tracked */
    procs?: SavedPidNamespace;
    /** RwLayer.rootMeta: what the container's root directory says of itself */
    rwRoot?: Partial<EntryMeta>;
  })[];
}

/** Loads the state in `dir` (a fresh one with the built-in images when the directory is new). */
export function loadState(dir: string, fixtures: FixtureSet, host: FsBackend, clock: Clock): Daemon {
  const daemon = new Daemon({ clock, host });
  const built = buildFixtures(fixtures);
  installFixtures(daemon, built);
  const file = join(dir, 'state.json');
  if (!existsSync(file)) return daemon;
  const damaged = (why: string): never => {
    throw new EngineError('STATE_DAMAGED', `drydock: the state directory ${dir} is damaged (${why}); move it away or delete it to start afresh`);
  };
  let saved: SavedState;
  try {
    saved = JSON.parse(readFileSync(file, 'utf8')) as SavedState;
  } catch (error) {
    return damaged(`state.json: ${(error as Error).message}`);
  }
  if (saved.format !== FORMAT) damaged(`state.json has format ${String(saved.format)}, this drydock reads ${FORMAT}`);
  const layers = new Map<string, Layer>();
  for (const image of built.images) for (let l = image.layer; l; l = l.parent) layers.set(l.chainId, l);
  const readEntries = (rel: string): Map<string, Entry> => {
    try {
      return entriesFromTar(readTar(new Uint8Array(readFileSync(join(dir, rel)))));
    } catch (error) {
      return damaged(`${rel}: ${(error as Error).message}`);
    }
  };
  for (const saved_ of saved.layers) {
    if (layers.has(saved_.chainId)) continue;
    const parent = saved_.parent === null ? null : layers.get(saved_.parent) ?? damaged(`layer ${saved_.chainId} has no parent ${saved_.parent}`);
    const layer = new Layer(parent, readEntries(saved_.file));
    if (layer.chainId !== saved_.chainId) damaged(`${saved_.file} does not hash to ${saved_.chainId}`);
    layers.set(layer.chainId, layer);
  }
  const layerOf = (chainId: string | null) => (chainId === null ? null : layers.get(chainId) ?? damaged(`unknown layer ${chainId}`));
  for (const image of saved.images) {
    if (daemon.images.get(image.id)) continue;
    daemon.images.add({ ...image, layer: layerOf(image.layer) });
  }
  for (const [ref, id, time] of saved.tags) daemon.images.tag(ref, id, time);
  for (const [key, id] of saved.buildCache) daemon.buildCache.set(key, id);
  for (const v of saved.volumes) {
    const volume = daemon.volumes.create(v.name, v.createdAt, v.anonymous, v.labels, v.options);
    volume.populated = v.populated;
    for (const [path, entry] of readEntries(v.file)) if (entry.kind !== 'whiteout') volume.data.put(path, entry);
  }
  for (const c of saved.containers) {
    const layer = layerOf(c.layer);
    const rw = RwLayer.restore(containerLowerIndex(layer, c.created), readEntries(c.rwFile), c.xattrBlockDirs ?? [], c.rwRoot ?? { mtime: c.created });
    const fs = new MountedFs(rw, c.host.readonlyRootfs, () => ({ uid: 0, gid: 0, now: daemon.clock.now() }));
    mountSystemPaths(fs, c.config.Hostname, c.config.Tty, c.state.startedAt ?? c.created);
    for (const m of c.mounts) {
      if (m.type === 'bind') fs.mount(m.destination, new SubtreeBackend(host, m.source), !m.rw);
      else fs.mount(m.destination, (daemon.volumes.get(m.name as string) ?? damaged(`volume ${m.name} is missing`)).data, !m.rw);
    }
    const { rwFile: _rwFile, xattrBlockDirs: _xattrBlockDirs, rwRoot: _rwRoot, procs, ...rest } = c;
    // a state saved before processes were tracked: a running container has its PID 1 at least
    const running = rest.state.status === 'running' || rest.state.status === 'paused';
    const namespace = procs ? PidNamespace.restore(procs) : running ? PidNamespace.start([rest.path, ...rest.args]) : PidNamespace.empty();
    const container: Container = { ...rest, layer, rw, fs, stdin: new Uint8Array(0), procs: namespace };
    mountProc(fs, () => container.procs, c.mounts, () => container.state.startedAt ?? container.created);
    if (layer) daemon.images.retain(layer);
    daemon.containers.set(container.id, container);
  }
  daemon.ids.position = saved.ids;
  generations.set(daemon, saved.generation);
  return daemon;
}

const generations = new WeakMap<Daemon, number>();

/** Writes the state to `dir` atomically (see the header comment). */
export function saveState(daemon: Daemon, dir: string): void {
  mkdirSync(join(dir, 'layers'), { recursive: true });
  const generation = (generations.get(daemon) ?? 0) + 1;
  const genDir = `gen-${generation}`;
  mkdirSync(join(dir, genDir), { recursive: true });
  const layers = new Map<string, Layer>();
  const keep = (layer: Layer | null) => {
    for (let l = layer; l; l = l.parent) layers.set(l.chainId, l);
  };
  for (const image of daemon.images.all()) keep(image.layer);
  for (const c of daemon.containers.values()) keep(c.layer);
  const savedLayers: SavedState['layers'] = [];
  for (const layer of [...layers.values()].sort((a, b) => a.depth - b.depth)) {
    const rel = `layers/${layer.chainId.slice(7)}.tar`;
    // the built-in images' layers too: a later drydock may ship other fixtures, and the state must still load
    // (loading takes them from the fixtures whenever they are unchanged, so the files are only a fallback)
    if (!existsSync(join(dir, rel))) writeAtomically(join(dir, rel), writeTar(tarFromEntries(layer.entries)));
    savedLayers.push({ chainId: layer.chainId, parent: layer.parent?.chainId ?? null, file: rel });
  }
  const state: SavedState = {
    format: FORMAT,
    generation,
    ids: daemon.ids.position,
    layers: savedLayers,
    images: daemon.images.all().map((image) => ({ ...image, layer: image.layer?.chainId ?? null })),
    tags: daemon.images.all().flatMap((image) => daemon.images.refsOf(image.id).map((ref): [string, string, number] => [ref, image.id, daemon.images.lastTagTime(image.id) ?? 0])),
    buildCache: [...daemon.buildCache],
    volumes: daemon.volumes.all().map((v) => {
      const file = `${genDir}/volume-${v.name}.tar`;
      writeFileSync(join(dir, file), writeTar(tarFromEntries(new Map(v.data.entries()))));
      return { name: v.name, createdAt: v.createdAt, labels: v.labels, options: v.options, anonymous: v.anonymous, populated: v.populated, file };
    }),
    containers: [...daemon.containers.values()].map((c) => {
      const rwFile = `${genDir}/rw-${c.id}.tar`;
      writeFileSync(join(dir, rwFile), writeTar(tarFromEntries(c.rw.snapshot())));
      const { rw: _rw, fs: _fs, layer, stdin: _stdin, procs, ...rest } = c;
      return { ...rest, layer: layer?.chainId ?? null, rwFile, xattrBlockDirs: c.rw.xattrBlockDirs(), rwRoot: c.rw.rootMeta, procs: procs.save() };
    }),
  };
  writeAtomically(join(dir, 'state.json'), new TextEncoder().encode(JSON.stringify(state)));
  generations.set(daemon, generation);
  for (const name of readdirSync(dir)) {
    if (name.startsWith('gen-') && name !== genDir) rmSync(join(dir, name), { recursive: true, force: true });
  }
}

function writeAtomically(path: string, data: Uint8Array): void {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, data);
  renameSync(tmp, path);
}
