// What the container's filesystem looked like when its main process started. A replayed main process reads
// this (under a scratch layer) up to where it stood, so it takes the same path it took then, even though its
// own writes and other processes' have changed the container since: `mkdir /d && sleep 1 && echo ok` must not
// find /d already there. Kept in memory only; a state directory loaded again replays over the present instead.

import type { FsBackend } from '../fs/backend.js';
import { TreeBackend } from '../fs/tree-backend.js';
import { RwLayer } from '../layer/rw-layer.js';
import type { Container } from './container.js';

/** A frozen copy of each mount's backend, by destination; bind mounts onto the host stay live. */
export type StartSnapshot = Map<string, FsBackend>;

const snapshots = new WeakMap<Container, StartSnapshot>();

/** Copies the container layer and the in-memory mounts (volumes, /dev, /proc, /etc files). */
export function takeSnapshot(c: Container): StartSnapshot {
  const copy: StartSnapshot = new Map();
  for (const m of c.fs.mountPoints()) copy.set(m.destination, frozen(c, m.backend));
  return copy;
}

/** Keeps (or, with null, forgets) the snapshot of the current start of `c`. */
export function rememberSnapshot(c: Container, snapshot: StartSnapshot | null): void {
  if (snapshot) snapshots.set(c, snapshot);
  else snapshots.delete(c);
}

/** The snapshot of the current start of `c`, if this process took one. */
export function snapshotOf(c: Container): StartSnapshot | undefined {
  return snapshots.get(c);
}

function frozen(c: Container, backend: FsBackend): FsBackend {
  if (backend === c.rw) return RwLayer.restore(c.rw.lower, c.rw.snapshot(), c.rw.xattrBlockDirs(), c.rw.rootMeta);
  if (!(backend instanceof TreeBackend)) return backend;
  const entries = [...backend.entries()];
  const tree = new TreeBackend(entries.find(([p]) => p === '/')?.[1]);
  for (const [path, entry] of entries) if (path !== '/') tree.put(path, entry);
  return tree;
}
