// The dependency rules of STYLE.md's layout table, checked on every import in src/ (after Playwright's
// DEPS.list): a folder may import only what its row allows, and the simulator's core no Node module at all.

import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const src = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'src');

/** Folder (most specific first) → the folders it may import from, besides itself. */
const RULES: [string, string[]][] = [
  ['errors', []],
  ['go', []],
  ['docker-cli', ['errors', 'go']],
  ['engine/sim/node', ['engine', 'docker-cli', 'errors', 'go']],
  ['engine/sim', ['engine/engine.ts', 'docker-cli', 'errors', 'go']],
  ['engine/docker', ['engine/engine.ts', 'engine/sim/archive', 'engine/sim/fs/vfs.ts', 'docker-cli', 'errors', 'go']],
  ['engine', ['engine/sim/fs/vfs.ts', 'docker-cli', 'errors']],
  ['scenario', ['errors', 'docker-cli', 'go', 'engine/engine.ts', 'assertions']],
  ['assertions', ['engine/engine.ts', 'engine/sim/fs/vfs.ts', 'errors', 'runner/normalize', 'scenario']],
  ['runner', ['scenario', 'engine', 'assertions', 'errors', 'docker-cli']],
  ['grading', ['runner', 'scenario', 'engine', 'assertions', 'errors', 'reporters']],
  ['claims', ['runner', 'scenario', 'engine', 'assertions', 'errors', 'reporters']],
  ['reporters', ['runner/result.ts', 'runner/compare', 'scenario', 'assertions', 'grading', 'errors', 'go']],
  ['playground', ['engine', 'docker-cli', 'scenario', 'assertions', 'runner', 'grading', 'errors', 'go']],
  ['cli', ['*']],
];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

function folderOf(file: string): string {
  const rel = relative(src, file).split(sep).join('/');
  return RULES.find(([folder]) => rel.startsWith(`${folder}/`))?.[0] ?? '(unlisted)';
}

const within = (target: string, allowed: string) => target === allowed || target.startsWith(`${allowed.replace(/\.ts$/, '')}/`) || target === allowed.replace(/\.ts$/, '') + '.ts';

describe('import boundaries (STYLE.md layout)', () => {
  const all = files(src);
  it('puts every source file in a folder of the layout table', () => {
    assert.deepEqual(all.filter((f) => folderOf(f) === '(unlisted)').map((f) => relative(src, f)), []);
  });
  it('imports only what each folder may import', () => {
    const violations: string[] = [];
    for (const file of all) {
      const folder = folderOf(file);
      const allowed = RULES.find(([f]) => f === folder)?.[1] ?? [];
      if (allowed.includes('*')) continue;
      for (const m of readFileSync(file, 'utf8').matchAll(/^(?:import|export)[^'"]*from '(\.[^']+)'/gm)) {
        const target = relative(src, resolve(dirname(file), (m[1] as string).replace(/\.js$/, '.ts'))).split(sep).join('/');
        if (target.startsWith(`${folder}/`)) continue;
        if (!allowed.some((a) => within(target, a))) violations.push(`${relative(src, file)} → ${target}`);
      }
    }
    assert.deepEqual(violations, []);
  });
  it('keeps the simulator core free of Node modules (it must run in a browser); only engine/sim/node uses them', () => {
    const offenders = all
      .filter((f) => folderOf(f) === 'engine/sim')
      .filter((f) => /from 'node:|require\(/.test(readFileSync(f, 'utf8')))
      .map((f) => relative(src, f));
    assert.deepEqual(offenders, []);
  });
});
