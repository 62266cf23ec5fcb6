// Builds in a scenario's namespace on a real engine: what a failed or untagged build leaves carries no run label
// and no run prefix, and dispose() must still remove it. Skipped where no engine answers.

import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureFixtureImages } from '../../../../src/engine/docker/base-image.js';
import type { DockerClient } from '../../../../src/engine/docker/docker-client.js';
import { IsolatedDockerEngine } from '../../../../src/engine/docker/isolation/isolated-engine.js';
import { RUN_DIR_PREFIX } from '../../../../src/runner/docker-engines.js';
import { requireDocker } from '../require-docker.js';

describe('isolated engine: builds that fail or have no tag (real daemon)', function () {
  this.timeout(300_000);
  let client: DockerClient;
  let fixtureIds: string[];

  before(async function () {
    this.timeout(600_000);
    client = await requireDocker(this);
    fixtureIds = (await ensureFixtureImages(client)).map((f) => f.id);
  });

  // an engine as `drydock run --engine docker` makes one for a scenario, with its Dockerfile in /scenario
  const engineWith = (dockerfile: string): IsolatedDockerEngine => {
    const runId = randomBytes(6).toString('hex');
    const runDir = mkdtempSync(join(tmpdir(), `${RUN_DIR_PREFIX}${runId}-`));
    const engine = new IsolatedDockerEngine({ runId, runDir, cwd: '/scenario', fixtureIds });
    engine.writeFiles([{ path: '/scenario/Dockerfile', content: new TextEncoder().encode(dockerfile), mode: 0o644 }]);
    return engine;
  };
  const marker = (): string => randomBytes(8).toString('hex');

  it('an untagged `docker build .` leaves no image after dispose', async () => {
    const engine = engineWith(`FROM centos\nVOLUME ["/dataVolume1"]\nRUN echo ${marker()} > /m\nCMD /bin/bash\n`);
    const images: string[] = [];
    try {
      const built = await engine.docker(['build', '.']);
      assert.equal(built.exitCode, 0, built.stdout + built.stderr);
      images.push(...stepImages(built.stdout));
      assert.equal(images.length, 3, built.stdout);
      assert.match(built.stdout, new RegExp(`Successfully built ${images[2]}\\n$`));
      assert.deepEqual(await present(client, 'image', images), images);
      // the scenario sees its own untagged image
      assert.match((await engine.docker(['images', '-q'])).stdout, new RegExp(`^${images[2]}$`, 'm'));
    } finally {
      await engine.dispose();
    }
    assert.deepEqual(await present(client, 'image', images), []);
  });

  it('a build failing at its second RUN leaves no container and no image after dispose (build and build -q)', async () => {
    const engine = engineWith(`FROM ubuntu\nRUN echo ${marker()} > /one\nRUN echo two > /two && false\n`);
    const containers: string[] = [];
    const images: string[] = [];
    try {
      const failed = await engine.docker(['build', '-t', 'tim/broken', '.']);
      assert.equal(failed.exitCode, 1, failed.stdout + failed.stderr);
      assert.match(failed.stderr, /returned a non-zero code: 1/);
      const quiet = await engine.docker(['build', '-q', '--no-cache', '.']);
      assert.equal(quiet.exitCode, 1);
      assert.equal(quiet.stdout, '');
      containers.push(...[...`${failed.stdout}${quiet.stderr}`.matchAll(/^ ---> Running in ([0-9a-f]{12})$/gm)].map((m) => m[1]!));
      images.push(...stepImages(failed.stdout + quiet.stderr));
      assert.equal(images.length, 2);
      // the failed step's containers are kept by the builder (the first step's were removed)
      assert.equal((await present(client, 'container', containers)).length, 2);
      assert.deepEqual(await present(client, 'image', images), images);
      // as on docker, the intermediate image of the failed build is listed in the scenario's `images -a`
      assert.match((await engine.docker(['images', '-a', '-q'])).stdout, new RegExp(`^${images[0]}$`, 'm'));
    } finally {
      await engine.dispose();
    }
    assert.deepEqual(await present(client, 'container', containers), []);
    assert.deepEqual(await present(client, 'image', images), []);
  });

  it('keeps what a compare run remembers between processes, so a later dispose still finds it', async () => {
    const engine = engineWith(`FROM ubuntu\nRUN echo ${marker()} > /one\nRUN exit 5\n`);
    const failed = await engine.docker(['build', '.']);
    assert.equal(failed.exitCode, 5, failed.stdout + failed.stderr);
    const container = [...failed.stdout.matchAll(/^ ---> Running in ([0-9a-f]{12})$/gm)].at(-1)?.[1] ?? '';
    assert.deepEqual(await present(client, 'container', [container]), [container]);
    const options = (engine as unknown as { options: { runId: string; runDir: string } }).options;
    const later = new IsolatedDockerEngine({ runId: options.runId, runDir: options.runDir, cwd: '/scenario', fixtureIds });
    later.loadState(engine.saveState());
    await later.dispose();
    assert.deepEqual(await present(client, 'container', [container]), []);
    assert.deepEqual(await present(client, 'image', stepImages(failed.stdout)), []);
    assert.equal(existsSync(options.runDir), false);
  });
});

// the images a legacy build's steps committed, as printed (FROM images and cache hits left out)
function stepImages(output: string): string[] {
  return [...output.matchAll(/^Step \d+\/\d+ : (?!FROM )[^\n]*\n(?: ---> Running in [0-9a-f]{12}\n(?:Removing intermediate container [0-9a-f]{12}\n)?)? ---> ([0-9a-f]{12})$/gm)].map((m) => m[1]!);
}

async function present(client: DockerClient, kind: 'container' | 'image', ids: readonly string[]): Promise<string[]> {
  const found: string[] = [];
  for (const id of ids) if ((await client.run([kind, 'inspect', id])).exitCode === 0) found.push(id);
  return found;
}

describe('isolated engine: state kept between processes', () => {
  it('carries the command count, so a later process never reuses a cidfile name (docker refuses an existing one)', () => {
    const runDir = mkdtempSync(join(tmpdir(), `${RUN_DIR_PREFIX}000000000000-`));
    const first = new IsolatedDockerEngine({ runId: '000000000000', runDir, cwd: '/' });
    first.loadState(JSON.stringify({ images: [], volumes: [], shadowed: [], commands: 7 }));
    const later = new IsolatedDockerEngine({ runId: '000000000000', runDir, cwd: '/' });
    later.loadState(first.saveState());
    assert.equal((JSON.parse(later.saveState()) as { commands: number }).commands, 7);
  });
});
