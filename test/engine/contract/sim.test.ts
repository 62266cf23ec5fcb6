import { createSimEngine } from '../../../src/engine/sim/node/create-sim-engine.js';
import { defineEngineContract } from './engine-contract.js';

defineEngineContract('simulator', async () => ({
  engine: createSimEngine({ cwd: '/' }),
  image: (name) => (name === 'busybox' ? 'drydock/busybox:1.35' : `${name}:latest`),
  hostPath: (path) => `/${path}`,
}));
