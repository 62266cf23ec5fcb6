// No export of src/ that no other file imports (scripts/architecture/dead-exports.ts): a dead one is removed, one
// its own file still uses loses its `export`. Budget: a few seconds (every file of the repository parsed once).

import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { deadExports } from '../../scripts/architecture/dead-exports.js';

describe('dead exports (scripts/architecture/dead-exports.ts)', () => {
  it('finds no export of src/ that no other file imports', function () {
    this.timeout(120_000);
    const dead = deadExports();
    assert.deepEqual(
      dead.map((d) => `${d.file}:${d.line} ${d.name}${d.usedInFile ? ' (unexport it)' : ' (remove it)'}`),
      [],
    );
  });

  it('tells imported names from dead ones, through re-exports, import() and import types', () => {
    const root = mkdtempSync(join(tmpdir(), 'drydock-dead-exports-'));
    const write = (path: string, text: string) => {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
    };
    try {
      write('src/a.ts', 'export const used = 1;\nexport const dead = 2;\nexport function local(): number { return 3; }\nexport const viaIndex = local();\n');
      write('src/index.ts', "export * from './a.js';\nexport { lazy } from './lazy.js';\n");
      write('src/lazy.ts', 'export const lazy = 1;\nexport const loaded = 2;\nexport interface Shape { a: number }\nexport type Api = { shape: Shape };\n');
      write('src/b.ts', "import { used } from './a.js';\nimport { viaIndex } from './index.js';\nexport const run = async () => used + viaIndex + (await import('./lazy.js')).loaded;\nexport type T = import('./lazy.js').Api;\n");
      write('test/b.test.ts', "import { run, type T } from '../src/b.js';\nvoid run; export type U = T;\n");
      const found = deadExports(root).map((d) => `${d.file} ${d.name} ${d.usedInFile ? 'local' : 'dead'}`);
      assert.deepEqual(found.sort(), ['src/a.ts dead dead', 'src/a.ts local local', 'src/index.ts lazy dead']);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
