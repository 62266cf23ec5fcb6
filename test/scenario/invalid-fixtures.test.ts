// Every invalid fixture states the problems it must produce (`# expect: CODE@line:col, …` on its first line);
// the loader must report exactly those codes at those positions, and never throw.

import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadScenario } from '../../src/scenario/load.js';

const dir = fileURLToPath(new URL('./fixtures/invalid/', import.meta.url));

// Files that cannot carry a comment (empty, binary) state their expectation here.
const HEADERLESS: Record<string, string[]> = {
  'empty.yaml': ['EMPTY_FILE@1:1'],
  'binary.yaml': ['BINARY_FILE@1:1'],
};

function expected(name: string, bytes: Buffer): string[] {
  if (HEADERLESS[name]) return HEADERLESS[name];
  const first = bytes.toString('utf8').split('\n')[0] ?? '';
  const m = /^# expect: (.*)$/.exec(first);
  assert.ok(m, `${name}: the first line must be "# expect: CODE@line:col, …"`);
  return (m[1] as string).split(',').map((s) => s.trim());
}

describe('invalid scenario fixtures', () => {
  const files = readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort();

  it('there are fixtures for most problem codes', () => {
    assert.ok(files.length >= 30);
  });

  for (const name of files) {
    it(name, () => {
      const bytes = readFileSync(dir + name);
      const want = expected(name, bytes);
      const result = loadScenario(new Uint8Array(bytes), name);
      assert.equal(result.ok, false, `${name} must not load`);
      if (result.ok) return;
      const got = result.problems.map((p) => `${p.code}@${p.start.line}:${p.start.col}`);
      assert.deepEqual(got, want, result.problems.map((p) => `${p.file}:${p.start.line}:${p.start.col}: ${p.message}`).join('\n'));
      for (const p of result.problems) {
        assert.equal(p.file, name);
        assert.ok(p.message.length > 0);
      }
    });
  }
});
