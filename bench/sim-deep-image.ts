// A 120-layer image with 10,000 files: a file read costs the same at any depth, committing a container with
// 10,000 changed files stays under 200 ms, and 100 containers of the image add under 1 MB of heap each.

import { Layer } from '../src/engine/sim/layer/layer.js';
import { RwLayer } from '../src/engine/sim/layer/rw-layer.js';
import { MountedFs } from '../src/engine/sim/fs/mounted-fs.js';
import type { Entry } from '../src/engine/sim/layer/entry.js';
import { createSimEngine } from '../src/engine/sim/node/create-sim-engine.js';
import { makeImage } from '../src/engine/sim/image/image.js';
import { emptyConfig } from '../src/engine/sim/image/config.js';

const text = new TextEncoder();
const meta = { mode: 0o644, uid: 0, gid: 0, mtime: 0 };

function deepImage(): Layer {
  let layer = new Layer(null, new Map<string, Entry>([['/', { kind: 'dir', opaque: false, ...meta, mode: 0o755 }]]));
  for (let l = 0; l < 120; l++) {
    const entries = new Map<string, Entry>([[`/d${l}`, { kind: 'dir', opaque: false, ...meta, mode: 0o755 }]]);
    const files = l < 40 ? 84 : 83; // 10,000 files in all
    for (let f = 0; f < files; f++) entries.set(`/d${l}/f${f}`, { kind: 'file', data: text.encode(`${l}:${f}\n`), ...meta });
    layer = new Layer(layer, entries);
  }
  return layer;
}

function time(fn: () => void, n = 1): number {
  const t = performance.now();
  for (let i = 0; i < n; i++) fn();
  return (performance.now() - t) / n;
}

export function benchDeepImage(): void {
  let top!: Layer;
  const buildMs = time(() => (top = deepImage()));
  const indexMs = time(() => void top.index);
  const fs = new MountedFs(new RwLayer(top.index), false, () => ({ uid: 0, gid: 0, now: 0 }));
  const reads = 100_000;
  // Warm both paths up first so the JIT does not bill the first measured one.
  time(() => fs.readFile('/d0/f1'), reads);
  time(() => fs.readFile('/d119/f1'), reads);
  const bottom = time(() => fs.readFile('/d0/f1'), reads) * 1000;
  const topRead = time(() => fs.readFile('/d119/f1'), reads) * 1000;
  console.log(`120-layer image, 10,000 files: built in ${buildMs.toFixed(0)} ms, merged index in ${indexMs.toFixed(0)} ms`);
  console.log(`read a file of the bottom layer: ${bottom.toFixed(2)} µs, of the top layer: ${topRead.toFixed(2)} µs (ratio ${(bottom / topRead).toFixed(2)})`);

  const rw = new RwLayer(top.index);
  const cfs = new MountedFs(rw, false, () => ({ uid: 0, gid: 0, now: 1 }));
  for (let l = 0; l < 120; l++) for (let f = 0; f < 84 && l * 84 + f < 10_000; f++) {
    if (cfs.lstat(`/d${l}/f${f}`)) cfs.writeFile(`/d${l}/f${f}`, text.encode('changed\n'), { append: true });
  }
  const commitMs = time(() => void new Layer(top, rw.snapshot()));
  console.log(`commit of a container with ${rw.changes().filter((c) => c.kind === 'C').length} changed entries: ${commitMs.toFixed(1)} ms (target under 200 ms)`);

  const engine = createSimEngine();
  const image = engine.daemon.images.add(
    makeImage({ parent: '', comment: '', created: 0, container: '', containerConfig: emptyConfig(), author: '', config: { ...emptyConfig(), Cmd: ['/bin/sh'] }, layer: top, history: [] }),
  );
  engine.daemon.images.tag('deep:latest', image.id, 0);
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) {
    console.log('heap per container: skipped (run with node --expose-gc)');
    return;
  }
  gc();
  const before = process.memoryUsage().heapUsed;
  for (let i = 0; i < 100; i++) {
    const r = engine.dockerSync(['create', '--name', `c${i}`, 'deep']);
    if (r.exitCode !== 0) throw new Error(r.stderr);
  }
  gc();
  const perContainer = (process.memoryUsage().heapUsed - before) / 100;
  console.log(`100 containers of the image: ${(perContainer / 1024).toFixed(1)} KiB of heap each (target under 1 MB)`);
}
