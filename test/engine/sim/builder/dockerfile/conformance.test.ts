// buildkit's own parser test files (shared/conformance/buildkit-parser/<name>/{Dockerfile,result}): our parse
// dump must equal buildkit's, byte for byte. The shared folder sits beside the repository; DRYDOCK_SHARED
// points elsewhere.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dumpNodes } from '../../../../../src/engine/sim/builder/dockerfile/dump.js';
import { parseDockerfile } from '../../../../../src/engine/sim/builder/dockerfile/parser.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../..');
const shared = process.env.DRYDOCK_SHARED ?? join(repoRoot, '..', 'shared');
const casesDir = join(shared, 'conformance', 'buildkit-parser');

describe('Dockerfile parser conformance with buildkit test files', () => {
  if (!existsSync(casesDir)) {
    it(`needs buildkit's parser test files in ${casesDir} (set DRYDOCK_SHARED to the shared folder)`, function () {
      this.skip();
    });
    return;
  }
  const cases = readdirSync(casesDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  for (const name of cases) {
    it(name, () => {
      const dockerfile = readFileSync(join(casesDir, name, 'Dockerfile'), 'utf8');
      const expected = readFileSync(join(casesDir, name, 'result'), 'utf8');
      assert.equal(dumpNodes(parseDockerfile(dockerfile).nodes), expected);
    });
  }
});
