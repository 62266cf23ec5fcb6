// A simulator engine with drydock's built-in images, for Node callers (the runner, the CLI, tests).

import { buildFixtures } from '../fixture-images.js';
import { SimEngine, type SimEngineOptions } from '../sim-engine.js';
import { loadFixtures } from './load-fixtures.js';

/** A fresh simulator state; the built-in images are built once per process and shared. */
export function createSimEngine(options: Omit<SimEngineOptions, 'fixtures'> = {}): SimEngine {
  return new SimEngine({ fixtures: buildFixtures(loadFixtures()), ...options });
}
