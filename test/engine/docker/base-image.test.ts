import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBaseImage, ensureFixtureImages, type FixtureImageReport } from '../../../src/engine/docker/base-image.js';
import type { DockerClient } from '../../../src/engine/docker/docker-client.js';
import { fixturesDir } from '../../../src/engine/docker/fixtures-dir.js';
import { EngineError } from '../../../src/errors/engine-error.js';
import { requireDocker } from './require-docker.js';

// a client that answers `image inspect` from a table and records everything else, for the logic without a daemon
function fakeClient(labels: Record<string, string> | null): DockerClient & { calls: string[][] } {
  const calls: string[][] = [];
  const run = async (argv: readonly string[]) => {
    calls.push([...argv]);
    if (argv[0] === 'image' && argv[1] === 'inspect' && labels !== null) {
      return { exitCode: 0, stdout: `"sha256:1" ${JSON.stringify(labels)}\n`, stderr: '', timedOut: false };
    }
    return { exitCode: 1, stdout: '', stderr: 'Error: No such image\n', timedOut: false };
  };
  return { calls, run } as unknown as DockerClient & { calls: string[][] };
}

describe('base and fixture images', () => {
  it('refuses to replace an image of the same tag that drydock did not make', async () => {
    const client = fakeClient({ maintainer: 'someone' });
    await assert.rejects(ensureBaseImage(client), (error: unknown) => {
      assert.ok(error instanceof EngineError);
      assert.equal(error.code, 'POLICY_REFUSED');
      assert.match(error.message, /drydock\/busybox:1\.35 exists but was not made by drydock/);
      return true;
    });
    assert.ok(!client.calls.some((argv) => argv[0] === 'import'));
  });

  it('says which package to install when the host has no busybox-static', async () => {
    const client = fakeClient(null);
    await assert.rejects(ensureBaseImage(client, { busybox: '/nonexistent/busybox' }), (error: unknown) => {
      assert.ok(error instanceof EngineError);
      assert.equal(error.code, 'FIXTURE_MISSING');
      assert.match(error.message, /\/nonexistent\/busybox, which is missing: apt-get install busybox-static$/);
      return true;
    });
  });

  describe('on a reachable engine', () => {
    let client: DockerClient;
    let fixtures: string;
    const suffix = `t${randomBytes(4).toString('hex')}`;
    const tags = ['ubuntu', 'centos', 'tomcat'].map((name) => `drydock/${name}-${suffix}:latest`);
    const baseTag = `drydock/busybox-${suffix}:1.35`;

    before(async function () {
      client = await requireDocker(this);
      // a copy of fixtures/ under tags of its own, so the first build really builds and other runs are untouched
      fixtures = mkdtempSync(join(tmpdir(), 'drydock-fixtures-'));
      cpSync(fixturesDir(), fixtures, { recursive: true });
      const indexPath = join(fixtures, 'images', 'index.json');
      const index = readFileSync(indexPath, 'utf8')
        .replaceAll('drydock/busybox:1.35', baseTag)
        .replace(/"realTag": "drydock\/(\w+):latest"/gu, `"realTag": "drydock/$1-${suffix}:latest"`);
      writeFileSync(indexPath, index);
      for (const name of ['tomcat', 'centos']) {
        const path = join(fixtures, 'images', name, 'Dockerfile');
        writeFileSync(path, readFileSync(path, 'utf8').replace('FROM drydock/busybox:1.35', `FROM ${baseTag}`));
      }
    });

    after(async () => {
      if (fixtures === undefined) return;
      rmSync(fixtures, { recursive: true, force: true });
      for (const tag of [...tags, baseTag]) {
        const labels = await client.run(['image', 'inspect', '--format', '{{index .Config.Labels "drydock.managed"}}', tag]);
        if (labels.stdout.trim() === 'true') await client.run(['rmi', tag]);
      }
      // the content tags of this test's images (drydock/content:<repo>-<hash>), found by the test's own suffix
      const listed = await client.run(['images', '--format', '{{.Repository}}:{{.Tag}}', 'drydock/content']);
      for (const ref of listed.stdout.split('\n').filter((r) => r.includes(suffix))) await client.run(['rmi', ref]);
    });

    it('builds the base and the fixtures in dependency order, then reuses all of them', async function () {
      this.timeout(600_000);
      let started = Date.now();
      const first = await ensureFixtureImages(client, { fixtures });
      const firstMs = Date.now() - started;
      assert.deepEqual(
        first.map((r) => [r.name, r.tag, r.built]),
        [
          [baseTag, baseTag, true],
          ['tomcat:latest', tags[2], true],
          ['centos:latest', tags[1], true],
          ['ubuntu:latest', tags[0], true],
        ],
      );
      started = Date.now();
      const again = await ensureFixtureImages(client, { fixtures });
      const againMs = Date.now() - started;
      assert.deepEqual(again.map((r) => r.built), [false, false, false, false]);
      assert.deepEqual(again.map((r) => r.id), first.map((r) => r.id));
      assert.ok(againMs < 5000 && againMs < firstMs, `reuse took ${againMs} ms, the first build ${firstMs} ms`);
      console.log(`      first build ${firstMs} ms, reuse ${againMs} ms`);
      await checkLabels(client, first);
    });

    it('rebuilds only what a changed fixture folder affects', async function () {
      this.timeout(600_000);
      writeFileSync(join(fixtures, 'images', 'centos', 'bash'), '#!/bin/sh\n# changed\nexec /bin/sh "$@"\n', { mode: 0o755 });
      const report = await ensureFixtureImages(client, { fixtures });
      assert.deepEqual(report.map((r) => r.built), [false, false, true, true]);
    });
  });
});

async function checkLabels(client: DockerClient, reports: readonly FixtureImageReport[]): Promise<void> {
  for (const report of reports) {
    const result = await client.run(['image', 'inspect', '--format', '{{json .Config.Labels}}', report.tag]);
    const labels = JSON.parse(result.stdout) as Record<string, string>;
    assert.equal(labels['drydock.managed'], 'true', report.tag);
    const repo = report.tag.slice(0, report.tag.lastIndexOf(':'));
    const marked = await client.run(['image', 'inspect', '--format', '{{.Id}}', `drydock/content:${repo.replace(/[^a-z0-9_.-]/g, '-')}-${report.content.slice(0, 16)}`]);
    assert.equal(marked.stdout.trim(), report.id, `${report.tag} carries its content tag`);
    const history = await client.run(['history', '--format', '{{.CreatedBy}}', report.tag]);
    assert.doesNotMatch(history.stdout, /LABEL drydock/, `${report.tag}: no LABEL rows from drydock in the history`);
  }
}
