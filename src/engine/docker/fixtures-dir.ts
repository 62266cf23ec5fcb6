// Finds the package's fixtures/ folder from this module's own location, which differs between running the
// sources (src/engine/docker) and the build output (dist/src/engine/docker).

import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EngineError } from '../../errors/engine-error.js';

/** Absolute path of fixtures/ (the folder holding base/rootfs.json and images/index.json). */
export function fixturesDir(from: string = fileURLToPath(import.meta.url)): string {
  let dir = dirname(from);
  for (;;) {
    const candidate = join(dir, 'fixtures');
    if (existsSync(join(candidate, 'images', 'index.json'))) return candidate;
    const parent = dirname(dir);
    if (parent === dir) throw new EngineError('FIXTURE_MISSING', `no fixtures/images/index.json above ${from}`);
    dir = parent;
  }
}
