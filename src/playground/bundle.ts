// Bundles the playground's browser code with esbuild: the page script (xterm included), its stylesheet, and the
// simulator's worker with the built-in images' definitions baked in. esbuild is a devDependency: building a site
// needs drydock's source tree with its dev dependencies installed (a clone after `npm install`).

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fixturesDir, loadFixtures } from '../engine/sim/node/load-fixtures.js';
import { toBase64 } from './exercise-data.js';
import type { SerialFixtures } from './fixture-data.js';

/** The three files every site shares. */
export interface Bundles {
  'playground.js': string;
  'playground.css': string;
  'worker.js': string;
}

/** drydock's source folder of the playground (from src/ under tsx, or from dist/ next to it). */
function sourceDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [here, join(here, '..', '..', 'src', 'playground')];
  const found = candidates.find((d) => existsSync(join(d, 'page', 'main.ts')));
  if (!found) throw new Error("the playground's source (src/playground/) is not here: build sites from a clone of drydock after `npm install`");
  return found;
}

function serialFixtures(): SerialFixtures {
  const rootfs = JSON.parse(readFileSync(join(fixturesDir(), 'base', 'rootfs.json'), 'utf8')) as unknown;
  const images = loadFixtures().images.map((i) => ({
    name: i.name,
    from: i.from,
    ...(i.fromArg ? { fromArg: i.fromArg } : {}),
    files: [...i.files].map(([name, f]) => ({ name, base64: toBase64(f.data), mode: f.mode })),
  }));
  return { rootfs, images };
}

/** Bundles page, stylesheet and worker (minified, no source maps: the site must stay small). */
export async function bundle(): Promise<Bundles> {
  let esbuild: typeof import('esbuild');
  try {
    // a name, not a literal: drydock's own CLI bundle must leave esbuild (a native binary's wrapper) to Node
    const name = 'esbuild';
    esbuild = (await import(name)) as typeof import('esbuild');
  } catch {
    throw new Error('esbuild is not installed: build sites from a clone of drydock after `npm install` (it is a devDependency)');
  }
  const dir = sourceDir();
  const common = { bundle: true, minify: true, write: false, target: 'es2022', logLevel: 'silent', legalComments: 'none' } as const;
  // grading/submission.ts (commands.sh parsing, shared with `drydock grade`) also reads folders with node:fs;
  // the worker never calls those functions, so node: modules become empty stand-ins there.
  const nodeStub = {
    name: 'node-stub',
    setup(b: import('esbuild').PluginBuild) {
      b.onResolve({ filter: /^node:/ }, (a) => ({ path: a.path, namespace: 'node-stub' }));
      // the one call that is reached: parseCommands names the commands file by its basename in a problem
      const path = 'module.exports = { basename: (p) => p.slice(p.lastIndexOf("/") + 1) };';
      b.onLoad({ filter: /.*/, namespace: 'node-stub' }, (a) => ({ contents: a.path === 'node:path' ? path : 'module.exports = {};', loader: 'js' as const }));
    },
  };
  const [page, css, worker] = await Promise.all([
    esbuild.build({ ...common, entryPoints: [join(dir, 'page', 'main.ts')], format: 'iife', platform: 'browser' }),
    esbuild.build({ ...common, entryPoints: [join(dir, 'page', 'playground.css')], loader: { '.css': 'css' } }),
    esbuild.build({
      ...common,
      entryPoints: [join(dir, 'worker', 'worker-main.ts')],
      format: 'iife',
      platform: 'browser',
      define: { DRYDOCK_FIXTURES: JSON.stringify(serialFixtures()) },
      plugins: [nodeStub],
    }),
  ]);
  const text = (r: { outputFiles?: { text: string }[] }) => r.outputFiles?.[0]?.text ?? '';
  return {
    'playground.js': text(page),
    'playground.css': text(css),
    // a function, not a file the page points a Worker at: a page from file:// may only start a worker from a blob
    'worker.js': `window.drydockWorker=function(){${text(worker)}};\n`,
  };
}
