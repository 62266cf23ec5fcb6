// The built-in images are built once and kept by content: a second process reads them from the cache (their
// layers only when looked into), a changed fixture gets an entry of its own, processes racing to fill the cache
// all end with the same images, and a damaged entry is thrown away rather than used.

import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { chmodSync, cpSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { buildFixtures } from '../../../../src/engine/sim/fixture-images.js';
import { cachedFixtures, fixtureKey } from '../../../../src/engine/sim/node/fixture-cache.js';
import { fixturesDir, loadFixtures } from '../../../../src/engine/sim/node/load-fixtures.js';
import { Layer } from '../../../../src/engine/sim/layer/layer.js';

const run = promisify(execFile);
const repo = join(fileURLToPath(import.meta.url), '..', '..', '..', '..', '..');

describe('fixture image cache', function () {
  this.timeout(60_000);
  let cache: string;
  beforeEach(() => {
    cache = mkdtempSync(join(tmpdir(), 'drydock-fixture-cache-'));
  });
  afterEach(() => rmSync(cache, { recursive: true, force: true }));

  const ids = (built: ReturnType<typeof cachedFixtures>) => built.images.map((i) => `${i.id} ${i.layer?.chainId}`).sort();

  it('stores the built images once and reads them back lazily, identical to a fresh build', () => {
    const fresh = buildFixtures(loadFixtures());
    const first = cachedFixtures({ cacheDir: cache, code: 'test-code' });
    assert.equal(readdirSync(cache).filter((n) => n.startsWith('fixtures-')).length, 1);
    const second = cachedFixtures({ cacheDir: cache, code: 'test-code' });
    assert.notEqual(second, first, 'the second read comes from disk, not from memory');
    assert.deepEqual(ids(second), ids(fresh));
    assert.deepEqual(second.tags.sort(), fresh.tags.sort());
    const top = second.images.find((i) => second.tags.some(([ref, id]) => ref === 'ubuntu:latest' && id === i.id))?.layer;
    assert.ok(top);
    assert.equal(top.loaded, false, 'a cached layer is not read until used');
    const freshTop = fresh.images.find((i) => i.id === second.images.find((j) => j.layer === top)?.id)?.layer;
    assert.equal(top.index.size, freshTop?.index.size);
    assert.deepEqual(top.index.get('/etc/os-release'), freshTop?.index.get('/etc/os-release'));
    assert.equal(top.loaded, true);
    // what the cache gives hashes to the digest it claims
    for (const layer of top.chain()) assert.equal(new Layer(layer.parent, new Map(layer.entries)).diffId, layer.diffId);
  });

  it('keys entries by the fixtures and by the code: a changed fixture or other code builds afresh', () => {
    const dir = mkdtempSync(join(tmpdir(), 'drydock-fixtures-'));
    try {
      cpSync(fixturesDir(), dir, { recursive: true });
      const before = fixtureKey(dir, 'code');
      assert.notEqual(fixtureKey(dir, 'other code'), before);
      const original = cachedFixtures({ cacheDir: cache, code: 'code', fixtures: dir });
      writeFileSync(join(dir, 'images', 'tomcat', 'catalina.sh'), '#!/bin/sh\necho "version 2"\n', { mode: 0o755 });
      assert.notEqual(fixtureKey(dir, 'code'), before);
      const changed = cachedFixtures({ cacheDir: cache, code: 'code', fixtures: dir });
      assert.equal(readdirSync(cache).filter((n) => n.startsWith('fixtures-')).length, 2);
      const tomcat = (b: typeof changed) => b.tags.find(([ref]) => ref === 'tomcat:latest')?.[1];
      const busybox = (b: typeof changed) => b.tags.find(([ref]) => ref === 'drydock/busybox:1.35')?.[1];
      assert.notEqual(tomcat(changed), tomcat(original));
      assert.equal(busybox(changed), busybox(original));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('gives racing processes the same images, leaving one whole entry and no temporary folder', async () => {
    const script = `import { cachedFixtures } from ${JSON.stringify(join(repo, 'src/engine/sim/node/fixture-cache.ts'))};
      const b = cachedFixtures({ cacheDir: process.argv[1], code: 'race' });
      process.stdout.write(b.images.map((i) => i.id).sort().join(','));`;
    const outs = await Promise.all([1, 2, 3].map(() => run(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script, cache], { cwd: repo })));
    assert.equal(new Set(outs.map((o) => o.stdout)).size, 1);
    assert.deepEqual(readdirSync(cache).map((n) => n.replace(/[0-9a-f]{64}/, 'KEY')), ['fixtures-KEY']);
  });

  it('throws a damaged entry away instead of using it', () => {
    cachedFixtures({ cacheDir: cache, code: 'x' });
    const entry = join(cache, readdirSync(cache)[0] as string);
    for (const blob of readdirSync(join(entry, 'blobs'))) writeFileSync(join(entry, 'blobs', blob), 'garbage');
    const damaged = cachedFixtures({ cacheDir: cache, code: 'x' });
    const layer = damaged.images[0]?.layer;
    assert.throws(() => layer?.entries, /the built-in image cache .* was damaged .* has been removed; run the command again/);
    assert.deepEqual(readdirSync(cache), []);
    assert.equal(cachedFixtures({ cacheDir: cache, code: 'x' }).images.length, damaged.images.length);
  });

  it('gives the same image IDs whatever umask the fixtures were checked out with (git keeps only the x bit)', () => {
    const copy = mkdtempSync(join(tmpdir(), 'drydock-fixtures-umask-'));
    try {
      cpSync(fixturesDir(), copy, { recursive: true });
      const widen = (dir: string) => {
        for (const entry of readdirSync(dir, { withFileTypes: true })) {
          const path = join(dir, entry.name);
          if (entry.isDirectory()) widen(path);
          else chmodSync(path, statSync(path).mode & 0o111 ? 0o775 : 0o664);
        }
      };
      widen(copy);
      const ref = buildFixtures(loadFixtures());
      const other = buildFixtures(loadFixtures(copy));
      assert.deepEqual(other.tags.sort(), ref.tags.sort());
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });
});
