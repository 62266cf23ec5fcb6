// Issue 13: `drydock docker ps` loads only the simulator, never the scenario parser, grading, reporters or
// their libraries (yaml, ajv, handlebars, execa), and `drydock --help` loads nothing but the command table.
// Checked on the bundle itself: esbuild's metafile says which sources each output file holds and which files it
// imports statically, so the files a command loads are its chunk and everything that chunk imports statically.

import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Metafile } from 'esbuild';
import { BUNDLES, bundle } from '../../scripts/bundle.js';

const FORBIDDEN = /^src\/(scenario|grading|reporters|runner|claims|assertions)\/|node_modules\/(yaml|ajv|handlebars|execa|jmespath)\//;

/** The output files loaded when `entry`'s chunk is imported: it and its static imports, recursively. */
function loaded(meta: Metafile, out: string, seen = new Set<string>()): Set<string> {
  if (seen.has(out)) return seen;
  seen.add(out);
  for (const imp of meta.outputs[out]?.imports ?? []) if (imp.kind === 'import-statement' && !imp.external) loaded(meta, imp.path, seen);
  return seen;
}

function chunkOf(meta: Metafile, source: string): string {
  const found = Object.entries(meta.outputs).find(([, o]) => o.entryPoint === source);
  assert.ok(found, `no chunk for ${source}`);
  return found[0];
}

function sourcesOf(meta: Metafile, outs: Iterable<string>): string[] {
  return [...outs].flatMap((o) => Object.keys(meta.outputs[o]?.inputs ?? {}));
}

describe('what a drydock command loads (bundle contents)', function () {
  this.timeout(120_000);
  let meta: Metafile;
  let dir: string;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'drydock-bundle-'));
    const cli = BUNDLES.find((b) => b.name === 'cli');
    assert.ok(cli);
    meta = await bundle(cli, { outdir: dir });
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const entry = () => chunkOf(meta, 'src/cli/main.ts');

  it('drydock --help and --version: the command table alone', () => {
    const sources = sourcesOf(meta, loaded(meta, entry()));
    assert.deepEqual(sources.filter((s) => !/^src\/cli\/(main|usage|usage-error|io|exit-code)\.ts$/.test(s)), []);
  });

  it('drydock docker ps: the simulator, no scenario, grading or report module and none of their libraries', () => {
    const outs = new Set([entry(), chunkOf(meta, 'src/cli/docker-command.ts'), chunkOf(meta, 'src/engine/sim/node/docker-command.ts')].flatMap((o) => [...loaded(meta, o)]));
    const sources = sourcesOf(meta, outs);
    assert.ok(sources.includes('src/engine/sim/cli/commands/ps.ts'), 'the simulator is in');
    assert.deepEqual(sources.filter((s) => FORBIDDEN.test(s)), []);
  });

  it('the resident daemon (drydock daemon serve) serving docker ps: the simulator, none of those either', () => {
    const outs = new Set([entry(), chunkOf(meta, 'src/cli/daemon-command.ts'), chunkOf(meta, 'src/cli/daemon/server.ts')].flatMap((o) => [...loaded(meta, o)]));
    const sources = sourcesOf(meta, outs);
    assert.ok(sources.includes('src/engine/sim/cli/commands/ps.ts'), 'the simulator is in');
    assert.ok(sources.includes('src/cli/daemon/resident-state.ts'), 'the daemon is in');
    assert.deepEqual(sources.filter((s) => FORBIDDEN.test(s)), []);
  });

  it('the check can fail: drydock run does load the scenario parser and yaml', () => {
    const outs = new Set([entry(), chunkOf(meta, 'src/cli/run-command.ts')].flatMap((o) => [...loaded(meta, o)]));
    const sources = sourcesOf(meta, outs);
    assert.ok(sources.some((s) => s.startsWith('src/scenario/')));
    assert.ok(sources.some((s) => /node_modules\/yaml\//.test(s)));
  });
});
