// A drydock installation built afresh for the daemon tests (the bin/ launchers, a bundle of the current
// sources, the fast-path answers), so they never run a stale dist/; and helpers that run `drydock docker`
// through the daemon (with no `node` on PATH, so a silent fall back to the in-process path fails the test)
// or in process, keeping stdout and stderr as bytes.

import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUNDLES, bundle } from '../../scripts/bundle.js';
import { writeFastPaths } from '../../scripts/fast-paths.js';

export const repo = join(fileURLToPath(import.meta.url), '..', '..', '..');

/** One command's result, bytes kept. */
export interface Ran {
  code: number;
  stdout: Buffer;
  stderr: Buffer;
}

/** Builds the installation in a temporary folder; returns its root. */
export async function buildPackage(): Promise<string> {
  const root = mkdtempSync(join(tmpdir(), 'drydock-pkg-'));
  mkdirSync(join(root, 'bin'));
  for (const name of ['drydock', 'drydock-client.pl', 'drydock.js']) copyFileSync(join(repo, 'bin', name), join(root, 'bin', name));
  for (const name of ['fixtures', 'schemas', 'package.json']) symlinkSync(join(repo, name), join(root, name));
  const cli = BUNDLES.find((b) => b.name === 'cli');
  assert.ok(cli);
  await bundle(cli, { outdir: join(root, 'dist', 'bundle') });
  writeFastPaths(root);
  return root;
}

/** A folder on PATH holding what the launcher and the client use, and no node. */
export function pathWithoutNode(root: string): string {
  const dir = join(root, 'path-without-node');
  mkdirSync(dir, { recursive: true });
  for (const tool of ['perl', 'cat', 'readlink']) {
    const found = spawnSync('/bin/sh', ['-c', `command -v ${tool}`], { encoding: 'utf8' }).stdout.trim();
    assert.ok(found, `${tool} is on PATH`);
    symlinkSync(found, join(dir, tool));
  }
  return dir;
}

/** How one side runs: through the launcher (with the daemon) or `node bin/drydock.js` (in process). */
export type Via = 'daemon' | 'in-process';

/** The argv that runs `drydock …` one way or the other. */
export function drydockArgv(root: string, via: Via, argv: readonly string[]): string[] {
  return via === 'daemon' ? [join(root, 'bin', 'drydock'), ...argv] : [process.execPath, join(root, 'bin', 'drydock.js'), ...argv];
}

/** Runs `drydock …` and waits (synchronously: the daemon is another process). */
export function drydockSync(root: string, via: Via, argv: readonly string[], env: NodeJS.ProcessEnv, cwd: string, input?: Buffer): Ran {
  const [cmd, ...args] = drydockArgv(root, via, argv);
  const r = spawnSync(cmd as string, args, { env, cwd, input: input ?? Buffer.alloc(0), maxBuffer: 1 << 30 });
  // EPIPE: the command ended without reading all its input (as a command that fails early does)
  if (r.error && (r.error as NodeJS.ErrnoException).code !== 'EPIPE') throw r.error;
  return { code: r.status ?? 128, stdout: r.stdout, stderr: r.stderr };
}

/** The same, without waiting (concurrent clients). */
export function drydockAsync(root: string, via: Via, argv: readonly string[], env: NodeJS.ProcessEnv, cwd: string): Promise<Ran> {
  const [cmd, ...args] = drydockArgv(root, via, argv);
  return new Promise((resolve, reject) => {
    const child = spawn(cmd as string, args, { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => err.push(c));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 128, stdout: Buffer.concat(out), stderr: Buffer.concat(err) }));
  });
}

/** The pid a daemon wrote in its state directory. */
export function daemonPid(stateDir: string): number {
  return Number(readFileSync(join(stateDir, 'daemon.pid'), 'utf8').split('\n')[0]);
}

/** True while process `pid` runs (a zombie no parent has reaped yet does not count). */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return true;
  }
}
