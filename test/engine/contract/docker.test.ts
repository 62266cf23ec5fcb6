import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDockerEngine } from '../../../src/engine/docker/docker-engine.js';
import { requireDocker } from '../docker/require-docker.js';
import { defineEngineContract } from './engine-contract.js';

defineEngineContract('real Docker engine', async (ctx) => {
  await requireDocker(ctx);
  const hostDir = mkdtempSync(join(tmpdir(), 'drydock-contract-'));
  return {
    engine: await createDockerEngine({ hostDir }),
    image: (name) => (name === 'busybox' ? 'drydock/busybox:1.35' : `drydock/${name}:latest`),
    hostPath: (path) => join(hostDir, path),
  };
});
