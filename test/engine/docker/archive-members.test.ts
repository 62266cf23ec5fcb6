// The archive cases of test/engine/sim/cli/archive-members.ts on the real engine, so the recorded texts never go
// stale: cp - into a container, import and load, each compared with what was recorded on 20.10. Runs only where
// a daemon answers. Budget: about 30 s on a busy machine (one container, seven cp, seven imports, four loads, two builds).

import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBaseImage } from '../../../src/engine/docker/base-image.js';
import type { DockerClient } from '../../../src/engine/docker/docker-client.js';
import { ADD_CASES, ARCHIVE_CASES, LOAD_CASES } from '../sim/cli/archive-members.js';
import { requireDocker } from './require-docker.js';

describe('real engine: hostile and damaged archives (recorded texts still hold)', function () {
  this.timeout(120_000);
  let client: DockerClient;
  let base: string;
  const prefix = `drydock-archtest-${randomBytes(4).toString('hex')}`;
  const container = `${prefix}-c`;
  const images: string[] = [];
  let dir: string;

  before(async function () {
    client = await requireDocker(this);
    base = (await ensureBaseImage(client)).tag;
    dir = mkdtempSync(join(tmpdir(), 'drydock-archtest-'));
    const started = await client.run(['run', '-d', '--network', 'none', '--name', container, base, 'sleep', '600']);
    assert.equal(started.exitCode, 0, started.stderr);
  });

  after(async () => {
    if (!client) return;
    await client.run(['rm', '-f', container]);
    if (images.length > 0) await client.run(['rmi', ...images]);
    rmSync(dir, { recursive: true, force: true });
  });

  for (const c of ARCHIVE_CASES) {
    it(`cp - and import of the "${c.name}" archive`, async () => {
      assert.equal((await client.run(['exec', container, 'mkdir', '-p', `/t/${c.name}`])).exitCode, 0);
      const r = await client.run(['cp', '-', `${container}:/t/${c.name}`], { input: c.archive });
      assert.deepEqual([r.exitCode, r.stderr], [c.cp.code, c.cp.stderr]);
      const left = (await client.run(['exec', container, 'sh', '-c', `find /t/${c.name} /tmp | sort`])).stdout.split('\n').filter(Boolean);
      assert.deepEqual(left, c.cp.left);
      const file = join(dir, `${c.name}.tar`);
      writeFileSync(file, c.archive);
      const tag = `${prefix}-${c.name}:1`;
      const imported = await client.run(['import', file, tag]);
      if (imported.exitCode === 0) images.push(tag);
      if (c.import === null) assert.deepEqual([imported.exitCode, imported.stderr], [0, '']);
      else assert.deepEqual([imported.exitCode, imported.stderr], [1, c.import]);
    });
  }

  for (const c of ADD_CASES) {
    it(`ADD of the "${c.name}" archive in a build`, async () => {
      const ctx = join(dir, `ctx-${c.name}`);
      mkdirSync(ctx);
      writeFileSync(join(ctx, 'a.tar'), ARCHIVE_CASES.find((a) => a.name === c.name)!.archive);
      writeFileSync(join(ctx, 'Dockerfile'), `FROM ${base}\nADD a.tar /d/\n`);
      const tag = `${prefix}-add-${c.name}:1`;
      const r = await client.run(['build', '--network', 'none', '-t', tag, ctx]);
      if (r.exitCode === 0) images.push(tag);
      assert.deepEqual([r.exitCode, r.stderr], [c.files === null ? 1 : 0, c.stderr]);
      if (c.files !== null) {
        const found = await client.run(['run', '--rm', '--network', 'none', tag, 'sh', '-c', 'find /d | sort']);
        assert.deepEqual(found.stdout.split('\n').filter(Boolean), c.files);
      }
    });
  }

  for (const c of LOAD_CASES) {
    it(`load -i of ${c.name}`, async () => {
      const file = join(dir, 'load-input');
      writeFileSync(file, c.archive);
      const r = await client.run(['load', '-i', file]);
      assert.equal(r.exitCode, 1);
      assert.match(r.stderr, c.stderr);
    });
  }
});
