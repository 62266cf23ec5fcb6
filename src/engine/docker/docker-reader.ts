// The read facet on a real engine. Everything goes through `docker cp NAME:path -`, which works on running and
// stopped containers alike and needs nothing inside the container (no shell, no ls). Images are read through a
// stopped container made for the purpose, volumes through one of the base image with the volume mounted; both
// are removed straight away so they never show up in a scenario's `docker ps -a` or block a `volume rm`.

import { randomBytes } from 'node:crypto';
import { posix } from 'node:path';
import type { DirEntryInfo, ObjectRef } from '../engine.js';
import { readTar } from '../../tar/tar.js';
import { FsError, type Stat } from '../fs-types.js';
import { archiveTree, statOf, type ArchiveTree } from './archive-tree.js';
import type { DockerClient } from './docker-client.js';

/** A container, image or volume (the host is read elsewhere). */
export type DockerObjectRef = Exclude<ObjectRef, { kind: 'host' }>;

// where a volume is mounted in the helper container
const VOLUME_MOUNT = '/drydock-volume';
// as Linux's MAXSYMLINKS
const MAX_LINKS = 40;

/** Reads containers, images and volumes of one engine; `labels` go on its helper containers. */
export class DockerReader {
  constructor(
    private readonly client: DockerClient,
    private readonly labels: Readonly<Record<string, string>>,
    /** the image for volume helpers (the base image), made on first use */
    private readonly helperImage: () => Promise<string>,
  ) {}

  /** `docker inspect --type <kind> <name>`, first element; throws docker's own text when it does not exist. */
  async inspect(ref: DockerObjectRef): Promise<unknown> {
    const result = await this.client.run(['inspect', '--type', ref.kind, ref.name]);
    if (result.exitCode !== 0) throw new Error(result.stderr.trim());
    return (JSON.parse(result.stdout) as unknown[])[0];
  }

  /** lstat; null when the path does not exist (or a parent is not a directory). */
  async stat(ref: DockerObjectRef, path: string): Promise<Stat | null> {
    const tree = await this.copy(ref, normalise(path));
    return tree === null ? null : statOf(tree.top, tree.byPath);
  }

  /** A file's bytes, following symlinks as open(2) does. */
  async readFile(ref: DockerObjectRef, path: string): Promise<Uint8Array> {
    const { tree } = await this.follow(ref, path);
    if (tree.top.type === 'dir') throw new FsError('EISDIR', path);
    if (tree.top.type !== 'file') throw new FsError('EINVAL', path);
    return tree.top.data;
  }

  /** A directory's entries (lstat of each), sorted by name, following symlinks to the directory. */
  async readDir(ref: DockerObjectRef, path: string): Promise<DirEntryInfo[]> {
    const { tree } = await this.follow(ref, path);
    if (tree.top.type !== 'dir') throw new FsError('ENOTDIR', path);
    return [...tree.children.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([name, entry]) => ({ name, stat: statOf(entry, tree.byPath) }));
  }

  // docker cp resolves symlinks in the middle of a path but copies a final symlink as a link
  private async follow(ref: DockerObjectRef, path: string): Promise<{ tree: ArchiveTree; path: string }> {
    let current = normalise(path);
    for (let hops = 0; hops <= MAX_LINKS; hops++) {
      const tree = await this.copy(ref, current);
      if (tree === null) throw new FsError('ENOENT', path);
      if (tree.top.type !== 'symlink') return { tree, path: current };
      current = normalise(posix.resolve(posix.dirname(current), tree.top.linkname ?? ''));
    }
    throw new FsError('ELOOP', path);
  }

  private async copy(ref: DockerObjectRef, path: string): Promise<ArchiveTree | null> {
    switch (ref.kind) {
      case 'container':
        return this.copyFromContainer(ref.name, path, () => this.requireExists('container', ref.name));
      case 'image':
        return this.withHelper(['--entrypoint', '', ref.name, 'true'], (helper) => this.copyFromContainer(helper, path));
      case 'volume': {
        await this.requireExists('volume', ref.name);
        const image = await this.helperImage();
        const inside = path === '/' ? VOLUME_MOUNT : `${VOLUME_MOUNT}${path}`;
        return this.withHelper(['-v', `${ref.name}:${VOLUME_MOUNT}:ro,nocopy`, image, 'true'], (helper) =>
          this.copyFromContainer(helper, inside),
        );
      }
    }
  }

  private async copyFromContainer(container: string, path: string, onMissing?: () => Promise<void>): Promise<ArchiveTree | null> {
    const result = await this.client.runBytes(['cp', `${container}:${path}`, '-']);
    if (result.exitCode === 0) return archiveTree(readTar(result.stdout));
    // the same text covers a missing container and a missing path
    if (/No such container:path/u.test(result.stderr)) {
      await onMissing?.();
      return null;
    }
    if (/not a directory/u.test(result.stderr)) return null;
    throw new Error(result.stderr.trim());
  }

  private async requireExists(kind: 'container' | 'volume', name: string): Promise<void> {
    const result = await this.client.run([kind, 'inspect', '--format', '{{.Name}}', name]);
    if (result.exitCode !== 0) throw new Error(result.stderr.trim());
  }

  // a stopped, labelled container that lives only while `use` runs
  private async withHelper<T>(createArgs: readonly string[], use: (name: string) => Promise<T>): Promise<T> {
    const name = `drydock-read-${randomBytes(6).toString('hex')}`;
    const labels = Object.entries(this.labels).flatMap(([key, value]) => ['--label', `${key}=${value}`]);
    const created = await this.client.run(['create', '--network', 'none', '--pull', 'never', ...labels, '--name', name, ...createArgs]);
    if (created.exitCode !== 0) throw new Error(created.stderr.trim().replace(/^docker: /u, '').replace(/\nSee 'docker create --help'\.$/u, ''));
    try {
      return await use(name);
    } finally {
      // -v: an image's VOLUME lines gave the helper anonymous volumes; named volumes are never removed by -v
      await this.client.run(['rm', '-f', '-v', name]);
    }
  }
}

function normalise(path: string): string {
  const resolved = posix.resolve('/', path);
  return resolved.length > 1 ? resolved.replace(/\/+$/u, '') : resolved;
}
