// The README's layout table, enforced on every import of src/ read from the TypeScript AST (static imports,
// re-exports, `import()` calls and `import('…')` types), after Playwright's check_deps.js: a folder imports only
// what its row allows, and the simulator's core no Node module at all.

import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { externalImports, importGraph, SRC } from '../../scripts/architecture/import-graph.js';
import { allows, readLayoutTable, ruleFor } from '../../scripts/architecture/layout-table.js';

const readme = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'README.md');

describe('import boundaries (the README layout table)', () => {
  const rules = readLayoutTable(readme);
  const edges = importGraph(SRC);

  it('reads a table with a row for every folder of src/', () => {
    assert.ok(rules.some((r) => r.folder === 'engine/sim'), 'the simulator has a row');
    const unlisted = [...new Set(edges.map((e) => e.from))].filter((f) => !ruleFor(rules, f));
    assert.deepEqual(unlisted, []);
  });

  it('sees dynamic and type-only imports as well as static ones (a lazy import is no way around the table)', () => {
    const kinds = new Set(edges.map((e) => e.kind));
    assert.ok(kinds.has('static') && kinds.has('type') && kinds.has('dynamic'), [...kinds].join(','));
    // the CLI loads each command with a typed import()
    assert.ok(edges.filter((e) => e.from === 'cli/main.ts' && e.kind === 'dynamic').length >= 8, 'main.ts loads its commands with import()');
  });

  it('allows each import only where the importing folder’s row allows it', () => {
    const violations = edges
      .filter((e) => {
        const rule = ruleFor(rules, e.from);
        if (!rule || e.to.startsWith(`${rule.folder}/`)) return false;
        return !rule.allowed.some((entry) => allows(entry, e.to));
      })
      .map((e) => `${e.from}:${e.line} → ${e.to} (${e.kind})`);
    assert.deepEqual(violations, []);
  });

  it('lets outside code (cli/ included) into docker-cli/ only through its index.ts', () => {
    const around = edges.filter((e) => !e.from.startsWith('docker-cli/') && e.to.startsWith('docker-cli/') && e.to !== 'docker-cli/index.ts').map((e) => `${e.from}:${e.line} → ${e.to}`);
    assert.ok(edges.some((e) => e.to === 'docker-cli/index.ts' && e.from.startsWith('engine/sim/')), 'the simulator imports the parser');
    assert.deepEqual(around, []);
  });

  it('names only files and folders that exist (a stale row allows nothing, so it hides nothing)', () => {
    const missing = rules.flatMap((r) => [r.folder, ...r.allowed.filter((a) => a !== '*')]).filter((entry) => !existsSync(join(SRC, entry)));
    assert.deepEqual(missing, []);
  });

  it('runs one way: no two folders may import each other (a layer that imports the one above it is an exception in disguise)', () => {
    const related = (a: string, b: string) => a === b || a.startsWith(`${b}/`) || b.startsWith(`${a}/`);
    const mayImport = (from: (typeof rules)[number], to: string) => from.allowed.some((entry) => entry === '*' || related(entry.replace(/\.ts$/, ''), to) || related(entry, to));
    const both = rules.flatMap((a) =>
      rules
        .filter((b) => a.folder < b.folder && !related(a.folder, b.folder) && !a.allowed.includes('*') && !b.allowed.includes('*'))
        .filter((b) => mayImport(a, b.folder) && mayImport(b, a.folder))
        .map((b) => `${a.folder} ↔ ${b.folder}`),
    );
    assert.deepEqual(both, []);
  });

  it('keeps the simulator core free of Node modules (it must run in a browser); only engine/sim/node uses them', () => {
    const offenders = externalImports(SRC)
      .filter((i) => ruleFor(rules, i.from)?.folder === 'engine/sim' && (i.spec.startsWith('node:') || ['fs', 'path', 'os', 'child_process', 'worker_threads'].includes(i.spec)))
      .map((i) => `${i.from}:${i.line} ${i.spec}`);
    assert.deepEqual(offenders, []);
  });
});

describe('the layout rules themselves', () => {
  it('match folders by prefix and files exactly', () => {
    assert.equal(allows('engine/sim/archive', 'engine/sim/archive/tar.ts'), true);
    assert.equal(allows('engine/sim/archive', 'engine/sim/archive-x.ts'), false);
    assert.equal(allows('engine/engine.ts', 'engine/engine.ts'), true);
    assert.equal(allows('engine/engine.ts', 'engine/sim/daemon.ts'), false);
    assert.equal(allows('*', 'anything.ts'), true);
  });
});
