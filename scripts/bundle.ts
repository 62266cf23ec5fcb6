// Bundles drydock's published entry points with esbuild (run by `npm run build`, so by `prepare`): a process
// then reads a handful of files instead of resolving and compiling some 400 modules, and each command's
// dynamic `import()` becomes a chunk of its own, loaded only when that command runs.
//
// BUNDLES is the list to extend: one object per output folder. A browser build of the simulator core is one
// more object with `platform: 'browser'` and an entry under src/engine/sim/ (the core imports no Node module;
// Node-only code lives in src/engine/sim/node/ and must stay out of such an entry).
//
//   tsx scripts/bundle.ts            build every bundle
//   tsx scripts/bundle.ts --meta     also write <outdir>/meta.json (what each output file contains)

import { build, type Metafile, type Platform } from 'esbuild';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFastPaths } from './fast-paths.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

// CommonJS packages inside an ES module bundle still call require() for Node's built-ins.
const NODE_BANNER = "import { createRequire as __drydockRequire } from 'node:module'; const require = __drydockRequire(import.meta.url);";

/** One output folder: its entries (output name → source file), for Node or for a browser. */
export interface BundleSpec {
  name: string;
  platform: Platform;
  outdir: string;
  /** each dynamic import() its own chunk (Node: commands load only what they use) */
  splitting: boolean;
  entries: Record<string, string>;
}

/**
 * Every bundle drydock ships. Entry names are paths inside `outdir` without `.js`; they must match what the code
 * opens by URL relative to itself: `new URL('./sim-worker.js', import.meta.url)` (src/runner/sim-pool.ts),
 * './grade-worker.js' (src/gradebook/grade-pool.ts) and './compare/<entry>.js' (src/cli/compare-command.ts).
 * `outdir` sits two folders below the package root, as dist/<folder>/ of tsc's output does, so
 * '../../schemas/…' and '../../package.json' still resolve.
 */
export const BUNDLES: BundleSpec[] = [
  {
    name: 'cli',
    platform: 'node',
    outdir: 'dist/bundle',
    splitting: true,
    entries: {
      drydock: 'src/cli/main.ts',
      'sim-worker': 'src/runner/sim-worker.ts',
      'grade-worker': 'src/gradebook/grade-worker.ts',
      'compare/sim-docker-entry': 'src/cli/compare/sim-docker-entry.ts',
      'compare/real-docker-main': 'src/cli/compare/real-docker-main.ts',
    },
  },
];

/**
 * A digest of the sources and the locked dependencies: the bundle's identity, compiled in as __DRYDOCK_BUILD__.
 * The fixture image cache (src/engine/sim/node/fixture-cache.ts) keys on it, so images built by other code are
 * never reused.
 */
export function buildId(): string {
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const name of readdirSync(join(root, dir)).sort()) {
      const rel = `${dir}/${name}`;
      if (statSync(join(root, rel)).isDirectory()) walk(rel);
      else hash.update(`${rel}\0`).update(readFileSync(join(root, rel))).update('\0');
    }
  };
  walk('src');
  hash.update(readFileSync(join(root, 'package-lock.json')));
  return hash.digest('hex').slice(0, 32);
}

/** Builds one bundle into `outdir` (relative to the package root unless absolute); returns esbuild's metafile. */
export async function bundle(spec: BundleSpec, { outdir = spec.outdir, meta = false } = {}): Promise<Metafile> {
  const out = isAbsolute(outdir) ? outdir : join(root, outdir);
  rmSync(out, { recursive: true, force: true });
  const node = spec.platform === 'node';
  const id = buildId();
  const result = await build({
    absWorkingDir: root,
    entryPoints: Object.entries(spec.entries).map(([name, file]) => ({ in: file, out: name })),
    outdir: out,
    bundle: true,
    format: 'esm',
    platform: spec.platform,
    target: node ? 'node20' : 'es2022',
    splitting: spec.splitting,
    chunkNames: '[name]-[hash]',
    sourcemap: true,
    metafile: true,
    logLevel: 'warning',
    define: { __DRYDOCK_BUILD__: JSON.stringify(id) },
    ...(node ? { banner: { js: NODE_BANNER } } : {}),
  });
  if (meta) writeFileSync(join(out, 'meta.json'), JSON.stringify(result.metafile));
  // the thin client (bin/drydock-client.pl) sends it, so a daemon of other code is never used
  if (node) writeFileSync(join(out, 'build-id'), `${id}\n`);
  return result.metafile;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const meta = process.argv.includes('--meta');
  for (const spec of BUNDLES) await bundle(spec, { meta });
  // what bin/drydock prints without starting Node, recorded from the bundle just built
  writeFastPaths(root);
}
