// The state directory writer of drydock before format 2 (main at 0695a87, src/engine/sim/node/state-store.ts's
// saveState), kept so tests can make a format-1 state with the code that wrote them and check that this
// drydock still loads it. Not used by drydock itself.

import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeTar } from '../../src/tar/tar.js';
import type { Daemon } from '../../src/engine/sim/daemon.js';
import type { Layer } from '../../src/engine/sim/layer/layer.js';
import { tarFromEntries } from '../../src/engine/sim/layer/tar-layer.js';

/** Writes `daemon` to `dir` as format 1 did: layers/<chain>.tar, gen-<n>/ for rw layers and volumes, state.json. */
export function saveStateV1(daemon: Daemon, dir: string, generation = 1): void {
  mkdirSync(join(dir, 'layers'), { recursive: true });
  const genDir = `gen-${generation}`;
  mkdirSync(join(dir, genDir), { recursive: true });
  const layers = new Map<string, Layer>();
  const keep = (layer: Layer | null) => {
    for (let l = layer; l; l = l.parent) layers.set(l.chainId, l);
  };
  for (const image of daemon.images.all()) keep(image.layer);
  for (const c of daemon.containers.values()) keep(c.layer);
  const savedLayers: { chainId: string; parent: string | null; file: string }[] = [];
  for (const layer of [...layers.values()].sort((a, b) => a.depth - b.depth)) {
    const rel = `layers/${layer.chainId.slice(7)}.tar`;
    if (!existsSync(join(dir, rel))) writeAtomically(join(dir, rel), writeTar(tarFromEntries(layer.entries)));
    savedLayers.push({ chainId: layer.chainId, parent: layer.parent?.chainId ?? null, file: rel });
  }
  const state = {
    format: 1,
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
  for (const name of readdirSync(dir)) {
    if (name.startsWith('gen-') && name !== genDir) rmSync(join(dir, name), { recursive: true, force: true });
  }
}

function writeAtomically(path: string, data: Uint8Array): void {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, data);
  renameSync(tmp, path);
}
