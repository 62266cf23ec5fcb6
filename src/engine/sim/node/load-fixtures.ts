// Reads the fixture definitions shipped with drydock (fixtures/base/rootfs.json, fixtures/images/*) into the
// plain FixtureSet the simulator core builds from. The only place the simulator touches the disk for them.

import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fixturesDir as findFixturesDir } from '../../docker/fixtures-dir.js';
import { parseRootfsManifest } from '../../../tar/rootfs-manifest.js';
import type { FixtureSet } from '../fixture-images.js';

let dirCache: string | undefined;

/** drydock's own fixtures/ folder, found above this module (src/, tsc's dist/ and the bundle differ in depth). */
export function fixturesDir(): string {
  return (dirCache ??= findFixturesDir());
}

// git records only whether a file is executable; the other mode bits on disk come from the umask of whoever
// checked the repository out (644 or 664…), and would otherwise change the stand-in images' IDs.
const gitMode = (mode: number) => (mode & 0o111 ? 0o755 : 0o644);

let loaded: FixtureSet | undefined;

/** The fixture set, read once per process. */
export function loadFixtures(dir = fixturesDir()): FixtureSet {
  if (loaded && dir === fixturesDir()) return loaded;
  const rootfs = parseRootfsManifest(JSON.parse(readFileSync(join(dir, 'base', 'rootfs.json'), 'utf8')));
  const index = JSON.parse(readFileSync(join(dir, 'images', 'index.json'), 'utf8')) as {
    images: { name: string; folder: string; from: string; fromArg?: string }[];
  };
  const images = index.images.map((spec) => {
    const folder = join(dir, 'images', spec.folder);
    const files = new Map<string, { data: Uint8Array; mode: number }>();
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      files.set(name, { data: new Uint8Array(readFileSync(path)), mode: gitMode(statSync(path).mode) });
    }
    return { name: spec.name, from: spec.from, ...(spec.fromArg ? { fromArg: spec.fromArg } : {}), files };
  });
  const set: FixtureSet = { rootfs, images };
  if (dir === fixturesDir()) loaded = set;
  return set;
}
