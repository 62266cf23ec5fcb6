// `docker images` inside a run on a real daemon lists what the simulator lists: the run's tags (whatever its
// ID looks like: run IDs are 12 hex digits, as image IDs are) and the stand-ins, never drydock's bookkeeping
// tags of the stand-ins (drydock/content:…), also with -q. Skipped where no engine answers.

import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureFixtureImages } from '../../../../src/engine/docker/base-image.js';
import type { DockerClient } from '../../../../src/engine/docker/docker-client.js';
import { IsolatedDockerEngine } from '../../../../src/engine/docker/isolation/isolated-engine.js';
import { RUN_DIR_PREFIX } from '../../../../src/runner/docker-engines.js';
import { createSimEngine } from '../../../../src/engine/sim/node/create-sim-engine.js';
import { TreeBackend } from '../../../../src/engine/sim/fs/tree-backend.js';
import { requireDocker } from '../require-docker.js';

describe('isolated engine: image listings as the simulator shows them (real daemon)', function () {
  this.timeout(300_000);
  let client: DockerClient;
  let fixtureIds: string[];

  before(async function () {
    this.timeout(600_000);
    client = await requireDocker(this);
    fixtureIds = (await ensureFixtureImages(client)).map((f) => f.id);
  });

  it('finds the run\'s tags under a hex run ID and hides drydock/content tags, with and without -q', async () => {
    // a run ID made only of hex digits, as `drydock compare` makes them, looked like an image ID to the row filter
    const runId = 'abcdef012345';
    const runDir = mkdtempSync(join(tmpdir(), `${RUN_DIR_PREFIX}${runId}-`));
    const engine = new IsolatedDockerEngine({ runId, runDir, cwd: '/', fixtureIds });
    const sim = createSimEngine({ host: new TreeBackend(), cwd: '/' });
    try {
      const script = [
        ['tag', 'drydock/busybox:1.35', 'ddx-img:one'],
        ['images', 'ddx-img', '--format', '{{.Repository}}:{{.Tag}}'],
        ['images', '--filter', 'reference=ddx-img:*', '--format', '{{.Repository}}:{{.Tag}}'],
        ['images', '-q', 'ddx-img'],
        ['images', '-q', 'busybox'],
        ['images', '--no-trunc', '-q', 'busybox'],
      ];
      for (const argv of script) {
        const real = await engine.docker(argv);
        const simulated = sim.dockerSync(argv);
        assert.equal(real.exitCode, 0, real.stderr);
        // IDs differ between the engines; the number of rows and the references do not
        const shape = (s: string) => s.replace(/\b(sha256:)?[0-9a-f]{12}([0-9a-f]{52})?\b/gu, '<id>');
        assert.equal(shape(real.stdout), shape(simulated.stdout), argv.join(' '));
      }
      const all = await engine.docker(['images', '--format', '{{.Repository}}:{{.Tag}}']);
      assert.doesNotMatch(all.stdout, /drydock\/content/u);
      assert.match(all.stdout, /^ddx-img:one$/mu);
    } finally {
      await engine.dispose();
    }
  });
});
