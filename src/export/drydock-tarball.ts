// This very drydock as an npm package tarball (what `npm pack` makes: gzip'd tar, members under `package/`), so
// an export can ship the exact version that made it and the platform installs it with
// `npm install --global ./drydock-<version>.tgz`: no dependence on what the npm registry holds under the name
// drydock, and no build step on the platform (dist/ is in it). Made here, not by running npm, so that exporting
// works offline and from an installed copy, which has no compiler to run `prepare` with.

import { readdir, readFile, stat } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'fflate';
import { writeTar } from '../tar/tar.js';
import type { TarEntryInput } from '../tar/tar.js';

/**
 * drydock's package folder: the nearest folder above this module holding drydock's package.json, so that it is
 * found from src/export/, dist/export/ and a bundle's chunk folder alike.
 */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    try {
      if ((JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string }).name === 'drydock') return dir;
    } catch {
      // not here: one folder up
    }
    const up = dirname(dir);
    if (up === dir) return fileURLToPath(new URL('../../', import.meta.url));
    dir = up;
  }
}

/** drydock's package.json fields an export needs. */
interface PackageInfo {
  name: string;
  version: string;
  files: string[];
}

/** Reads drydock's own package.json. */
async function packageInfo(root = packageRoot()): Promise<PackageInfo> {
  const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as Partial<PackageInfo>;
  return { name: pkg.name ?? 'drydock', version: pkg.version ?? '0.0.0', files: pkg.files ?? ['bin', 'dist'] };
}

/** npm's fixed member time (1985-10-26), so the same drydock always packs to the same bytes. */
const NPM_MTIME = Date.UTC(1985, 9, 26, 8, 15);

async function walk(root: string, path: string, out: TarEntryInput[]): Promise<void> {
  const st = await stat(path).catch(() => undefined);
  if (!st) return;
  const name = `package/${relative(root, path).split(sep).join('/')}`;
  if (st.isDirectory()) {
    for (const child of (await readdir(path)).sort()) await walk(root, join(path, child), out);
    return;
  }
  if (!st.isFile() || path.endsWith('.map')) return;
  out.push({ path: name, type: 'file', mode: st.mode & 0o111 ? 0o755 : 0o644, mtime: NPM_MTIME, data: await readFile(path) });
}

/** The tarball's name and bytes; fails plainly when dist/ is not built (from a fresh clone: `npm install`). */
export async function drydockTarball(root = packageRoot()): Promise<{ name: string; version: string; bytes: Uint8Array }> {
  const info = await packageInfo(root);
  if (!(await stat(join(root, 'dist', 'cli', 'main.js')).catch(() => undefined))) {
    throw new Error(`${join(root, 'dist')} is not built: run \`npm install\` (or \`npm run build\`) in drydock first`);
  }
  const entries: TarEntryInput[] = [];
  const top = new Set(['package.json', 'README.md', 'LICENSE', ...info.files]);
  for (const name of [...top].sort()) await walk(root, join(root, name), entries);
  const bytes = gzipSync(writeTar(entries), { level: 9, mtime: NPM_MTIME });
  return { name: `${info.name}-${info.version}.tgz`, version: info.version, bytes };
}
