// `drydock run a.yaml scenarios/ 'scenarios/**/vol*.yaml'`: files, folders (searched for .yaml and .yml) and
// globs, expanded to a sorted list of scenario files without duplicates.

import { readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import picomatch from 'picomatch';

/** The files found, and the arguments that named nothing. */
export interface FoundFiles {
  files: { path: string; display: string }[];
  missing: string[];
}

const SCENARIO_FILE = /\.ya?ml$/i;

/** An exercise's pins.yaml (drydock verify's) is not a scenario. */
const NOT_SCENARIOS = new Set(['pins.yaml']);

function walk(dir: string, out: string[]): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries) {
    if (e.name.startsWith('.') || e.name === 'node_modules') continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (e.isFile() && SCENARIO_FILE.test(e.name) && !NOT_SCENARIOS.has(e.name)) out.push(p);
  }
}

function kind(path: string): 'file' | 'dir' | undefined {
  try {
    const st = statSync(path);
    return st.isDirectory() ? 'dir' : st.isFile() ? 'file' : undefined;
  } catch {
    return undefined;
  }
}

/** Expands the command line's paths (relative to `cwd`). */
export function findScenarioFiles(args: readonly string[], cwd: string): FoundFiles {
  const found = new Set<string>();
  const missing: string[] = [];
  for (const arg of args) {
    const abs = resolve(cwd, arg);
    const k = kind(abs);
    if (k === 'file') found.add(abs);
    else if (k === 'dir') {
      const list: string[] = [];
      walk(abs, list);
      if (list.length === 0) missing.push(arg);
      list.forEach((f) => found.add(f));
    } else if (picomatch.scan(arg).isGlob) {
      const { base } = picomatch.scan(arg);
      const root = resolve(cwd, base || '.');
      const isMatch = picomatch(picomatch.scan(arg).glob, { dot: false });
      const list: string[] = [];
      walk(root, list);
      const hits = list.filter((f) => isMatch(relative(root, f).split('\\').join('/')));
      if (hits.length === 0) missing.push(arg);
      hits.forEach((f) => found.add(f));
    } else missing.push(arg);
  }
  const files = [...found].sort().map((path) => ({ path, display: relative(cwd, path) || path }));
  return { files, missing };
}
