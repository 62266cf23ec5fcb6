// The answers bin/drydock prints without starting Node: command lines whose output depends on nothing but the
// code (drydock's help and version, docker's version and top-level help). Recorded at build time by running
// the real code (node bin/drydock.js on the fresh bundle), so the fast path prints exactly what the slow one
// does; test/cli/fast-paths.test.ts checks it again against the slow path.
//
// Each answer is three files in dist/fast/: NAME.out (stdout), NAME.err (stderr), NAME.code (exit code).
// NAME is the argv joined with '_' ('_' alone for no argument): the names bin/drydock's `case` builds.

import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Every command line bin/drydock answers from dist/fast (keep in step with its `case`). */
export const FAST_PATHS: readonly (readonly string[])[] = [
  [],
  ['--help'],
  ['-h'],
  ['help'],
  ['--version'],
  ['-v'],
  ['docker'],
  ...['version', '--version', '-v', '--help', '-h', 'help'].map((a) => ['docker', a]),
];

/** The file name (without extension) of a fast path's answer. */
export function fastName(argv: readonly string[]): string {
  return argv.length === 0 ? '_' : argv.join('_');
}

/** Runs each fast path's command through Node (the slow path) and records its answer under `<root>/dist/fast`. */
export function writeFastPaths(root: string): void {
  const dir = join(root, 'dist', 'fast');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const argv of FAST_PATHS) {
    const r = spawnSync(process.execPath, [join(root, 'bin', 'drydock.js'), ...argv], { cwd: root, env: { PATH: process.env.PATH ?? '' }, encoding: 'buffer' });
    if (r.status === null) throw new Error(`node bin/drydock.js ${argv.join(' ')}: ${r.error?.message ?? `killed by ${r.signal}`}`);
    const name = fastName(argv);
    writeFileSync(join(dir, `${name}.out`), r.stdout);
    writeFileSync(join(dir, `${name}.err`), r.stderr);
    writeFileSync(join(dir, `${name}.code`), `${r.status}\n`);
  }
}
