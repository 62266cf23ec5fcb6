// A simulator engine with drydock's built-in images, for Node callers (the runner, the CLI, tests).

import { SimEngine, type SimEngineOptions } from '../sim-engine.js';
import { cachedFixtures } from './fixture-cache.js';

/** A fresh simulator state; the built-in images are built once (cached on disk by a build) and shared. */
export function createSimEngine(options: Omit<SimEngineOptions, 'fixtures'> = {}): SimEngine {
  return new SimEngine({ fixtures: cachedFixtures(), ...options });
}
