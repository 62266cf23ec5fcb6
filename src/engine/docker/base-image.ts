// Puts drydock's base and fixture images on a real engine when they are missing or out of date, and reuses them
// otherwise: no registry is reachable, so the base is `docker import`ed from fixtures/base/rootfs.json plus the
// host's busybox-static, and the stand-ins for tomcat/centos/ubuntu are built FROM it. Each image has a second
// tag drydock/content:<repo>-<hash of what it was made from>, which is how a later run knows it can skip it; the base's
// import labels (drydock.managed) are inherited by the stand-ins, which are built without --label.

import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { EngineError } from '../../errors/engine-error.js';
import { parseRootfsManifest, rootfsEntries } from '../../tar/rootfs-manifest.js';
import { writeTar } from '../../tar/tar.js';
import { requiredImages } from './build-guard.js';
import type { DockerClient } from './docker-client.js';
import { loadFixtureIndex, type FixtureImage } from './fixture-index.js';
import { fixturesDir } from './fixtures-dir.js';

/** What ensuring one image did. */
export interface FixtureImageReport {
  /** the name scenarios use (the base image's name for the base) */
  name: string;
  /** the tag on this engine */
  tag: string;
  id: string;
  content: string;
  built: boolean;
}

/** Where the inputs are; all optional. */
export interface FixtureOptions {
  /** the fixtures/ folder; default: found from this module */
  fixtures?: string;
  /** the busybox-static binary; default $DRYDOCK_BUSYBOX, else the manifest's hostPath (/bin/busybox) */
  busybox?: string;
  /** per import or build; default 5 minutes */
  timeoutMs?: number;
}

// bump when the way an image is made changes without its inputs changing (e.g. the tar writer)
const RECIPE = 'drydock-fixtures-v1';

/** Ensures drydock/busybox:1.35 exists with the manifest's content, importing it when needed. */
export async function ensureBaseImage(client: DockerClient, options: FixtureOptions = {}): Promise<FixtureImageReport> {
  const fixtures = options.fixtures ?? fixturesDir();
  const index = loadFixtureIndex(fixtures);
  const manifestPath = join(fixtures, 'images', index.base.rootfs);
  const manifestBytes = readFileSync(manifestPath);
  const manifest = parseRootfsManifest(JSON.parse(manifestBytes.toString('utf8')));
  // the manifest pins busybox by size and sha256, so hashing the manifest covers the binary too, and a reuse
  // check needs no busybox on this host
  const content = sha256(RECIPE, 'base', manifestBytes);
  const tag = index.base.realTag;
  return ensureImage(client, index.base.name, tag, content, async () => {
    const busyboxPath = options.busybox ?? process.env.DRYDOCK_BUSYBOX ?? manifest.busybox.hostPath;
    if (!existsSync(busyboxPath)) {
      throw new EngineError(
        'FIXTURE_MISSING',
        `the base image ${tag} is made from Debian's static busybox at ${busyboxPath}, which is missing: apt-get install busybox-static`,
      );
    }
    const busybox = readFileSync(busyboxPath);
    const actual = createHash('sha256').update(busybox).digest('hex');
    if (actual !== manifest.busybox.sha256) {
      throw new EngineError(
        'FIXTURE_MISSING',
        `${busyboxPath} (${busybox.length} bytes, sha256 ${actual}) is not the busybox ${manifestPath} describes ` +
          `(${manifest.busybox.package}, ${manifest.busybox.size} bytes): apt-get install busybox-static from Debian 12, ` +
          `or regenerate the manifest with scripts/fixtures/make-rootfs-manifest.ts (the simulator then changes too)`,
      );
    }
    const tarball = writeTar(rootfsEntries(manifest, new Uint8Array(busybox)));
    const change = `LABEL drydock.managed="true" drydock.content="${content}"`;
    const result = await client.run(['import', '--change', change, '-', tag], { input: tarball, timeoutMs: options.timeoutMs ?? 300_000 });
    if (result.exitCode !== 0) throw new EngineError('FIXTURE_MISSING', `docker import of ${tag} failed: ${result.stderr.trim()}`);
  });
}

/** Ensures the base and every fixture image, in dependency order; reports each (base first). */
export async function ensureFixtureImages(client: DockerClient, options: FixtureOptions = {}): Promise<FixtureImageReport[]> {
  const fixtures = options.fixtures ?? fixturesDir();
  const index = loadFixtureIndex(fixtures);
  const base = await ensureBaseImage(client, { ...options, fixtures });
  const done = new Map<string, FixtureImageReport>([[base.name, base]]);
  for (const image of index.images) {
    const parent = done.get(image.from)!;
    done.set(image.name, await ensureFixture(client, fixtures, image, parent, options.timeoutMs ?? 300_000));
  }
  return [...done.values()];
}

async function ensureFixture(
  client: DockerClient,
  fixtures: string,
  image: FixtureImage,
  parent: FixtureImageReport,
  timeoutMs: number,
): Promise<FixtureImageReport> {
  const folder = join(fixtures, 'images', image.folder);
  const content = sha256(RECIPE, parent.content, folderDigest(folder));
  return ensureImage(client, image.name, image.realTag, content, async () => {
    const buildArgs: Record<string, string> = image.fromArg !== undefined ? { [image.fromArg]: parent.tag } : {};
    // the rule: never start a build whose FROM image is missing, or the builder goes looking for a registry
    for (const needed of requiredImages(readFileSync(join(folder, 'Dockerfile'), 'utf8'), buildArgs)) {
      if ((await client.run(['image', 'inspect', '--format', '{{.Id}}', needed])).exitCode !== 0) {
        throw new EngineError('FIXTURE_MISSING', `cannot build ${image.realTag}: its FROM image ${needed} is missing`);
      }
    }
    // No --label: the legacy builder would print each as a step and keep it as a history row, and the stand-ins
    // must show the same history as the simulator's. They inherit drydock.managed from the imported base.
    const argv = ['build', '--network', 'none', '--force-rm'];
    for (const [key, value] of Object.entries(buildArgs)) argv.push('--build-arg', `${key}=${value}`);
    argv.push('-t', image.realTag, folder);
    const result = await client.run(argv, { timeoutMs });
    if (result.exitCode !== 0) {
      throw new EngineError('FIXTURE_MISSING', `building ${image.realTag} from ${folder} failed:\n${result.stdout}${result.stderr}`);
    }
  });
}

// the shared skip-or-make step: reuse a drydock image with the same content, refuse to replace anyone else's.
// The content hash is kept as a second tag (<repo>:content-<hash>), since a label would show up in the history.
async function ensureImage(
  client: DockerClient,
  name: string,
  tag: string,
  content: string,
  make: () => Promise<void>,
): Promise<FixtureImageReport> {
  // In a repository of its own, so that listing the image's repository (`docker images centos`) does not show it.
  const repo = tag.slice(0, tag.lastIndexOf(':'));
  const contentTag = `drydock/content:${repo.replace(/[^a-z0-9_.-]/g, '-')}-${content.slice(0, 16)}`;
  const before = await imageLabels(client, tag);
  if (before !== null) {
    if (before.labels['drydock.managed'] !== 'true') {
      throw new EngineError('POLICY_REFUSED', `${tag} exists but was not made by drydock (no drydock.managed label): remove or rename it`);
    }
    const marked = await imageLabels(client, contentTag);
    if (marked !== null && marked.id === before.id) return { name, tag, id: before.id, content, built: false };
  }
  await make();
  const after = await imageLabels(client, tag);
  if (after === null || after.labels['drydock.managed'] !== 'true') {
    throw new EngineError('FIXTURE_MISSING', `${tag} was made but does not carry drydock.managed=true`);
  }
  const tagged = await client.run(['tag', tag, contentTag]);
  if (tagged.exitCode !== 0) throw new EngineError('FIXTURE_MISSING', `tagging ${tag} as ${contentTag} failed: ${tagged.stderr.trim()}`);
  // the outdated image is ours; drop it unless something still uses it (then rmi refuses, which is fine)
  if (before !== null && before.id !== after.id) await client.run(['rmi', before.id]);
  return { name, tag, id: after.id, content, built: true };
}

async function imageLabels(client: DockerClient, tag: string): Promise<{ id: string; labels: Record<string, string> } | null> {
  const result = await client.run(['image', 'inspect', '--format', '{{json .Id}} {{json .Config.Labels}}', tag]);
  if (result.exitCode !== 0) return null;
  const line = result.stdout.trim();
  const space = line.indexOf(' ');
  const labels = JSON.parse(line.slice(space + 1)) as Record<string, string> | null;
  return { id: JSON.parse(line.slice(0, space)) as string, labels: labels ?? {} };
}

// a folder's files, their executable bit (all git keeps of a mode) and bytes, in a stable order
function folderDigest(folder: string): Buffer {
  const hash = createHash('sha256');
  const walk = (dir: string, prefix: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      const stat = statSync(path);
      if (stat.isDirectory()) walk(path, `${prefix}${name}/`);
      else {
        const data = readFileSync(path);
        hash.update(`${prefix}${name}\0${stat.mode & 0o111 ? 'x' : '-'}\0${data.length}\0`).update(data);
      }
    }
  };
  walk(folder, '');
  return hash.digest();
}

function sha256(...parts: Array<string | Uint8Array>): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(typeof part === 'string' ? `${part}\0` : part);
  return hash.digest('hex');
}
