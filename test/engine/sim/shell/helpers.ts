// Test helpers: a busybox image in a MemoryVfs and a one-call runner that returns what a script printed.

import { spawn } from '../../../../src/engine/sim/shell/process.js';
import type { ProcessContext } from '../../../../src/engine/sim/shell/process.js';
import { PROGRAMS } from '../../../../src/engine/sim/shell/programs.js';
import { MemoryVfs } from './memory-vfs.js';
import type { MemoryVfsOptions, TreeSpec } from './memory-vfs.js';

/** A stand-in busybox binary: an ELF header and the simulator's marker. */
export const BUSYBOX_BYTES = new Uint8Array([0x7f, 0x45, 0x4c, 0x46, ...new TextEncoder().encode(' DRYDOCK-BUSYBOX')]);

/** A minimal busybox root: /bin/busybox, /bin/sh, /dev/null, /dev/zero, /tmp, /root, /etc. */
export function busyboxTree(extra: TreeSpec = {}): TreeSpec {
  return {
    '/bin/busybox': { file: BUSYBOX_BYTES, mode: 0o755 },
    '/bin/sh': { link: '/bin/busybox' },
    '/dev/null': { char: true },
    '/dev/zero': { char: true },
    '/tmp': { dir: true, mode: 0o1777 },
    '/root': { dir: true, mode: 0o700 },
    '/etc': { dir: true },
    ...extra,
  };
}

/** What a run produced. */
export interface RunResult {
  stdout: string;
  stderr: string;
  status: number;
  fs: MemoryVfs;
  ctx: ProcessContext;
}

/** Options for `run`. */
export interface RunOptions {
  fs?: MemoryVfs;
  files?: TreeSpec;
  vfs?: MemoryVfsOptions;
  cwd?: string;
  env?: Record<string, string>;
  stdin?: string;
  stdinOpen?: boolean;
  mode?: ProcessContext['mode'];
  uid?: number;
  steps?: number;
  now?: number;
}

/** Builds a process context over a fresh (or given) filesystem, collecting output. */
export function makeContext(options: RunOptions = {}): { ctx: ProcessContext; out: () => { stdout: string; stderr: string }; fs: MemoryVfs } {
  let now = options.now ?? Date.UTC(2026, 10, 22, 21, 26, 0);
  const fs = options.fs ?? MemoryVfs.from(busyboxTree(options.files), { now: () => now, ...options.vfs });
  const stdout: Uint8Array[] = [];
  const stderr: Uint8Array[] = [];
  const enc = new TextEncoder();
  const ctx: ProcessContext = {
    programs: PROGRAMS,
    fs,
    cwd: options.cwd ?? '/',
    env: new Map(Object.entries(options.env ?? { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', HOSTNAME: 'e30e2548f741', HOME: '/root' })),
    uid: options.uid ?? 0,
    gid: options.uid ?? 0,
    hostname: 'e30e2548f741',
    stdin: { data: enc.encode(options.stdin ?? ''), open: options.stdinOpen ?? false },
    stdout: (c) => stdout.push(typeof c === 'string' ? enc.encode(c) : c.slice()),
    stderr: (c) => stderr.push(typeof c === 'string' ? enc.encode(c) : c.slice()),
    mode: options.mode ?? 'exec',
    clock: { now: () => now, advance: (ms) => (now += ms) },
    budget: { steps: options.steps ?? 100_000 },
  };
  const dec = (chunks: Uint8Array[]): string => new TextDecoder().decode(Buffer.concat(chunks));
  return { ctx, fs, out: () => ({ stdout: dec(stdout), stderr: dec(stderr) }) };
}

/** Runs `sh -c script` (argv[0] "sh", as `docker exec c sh -c …` does). */
export function run(script: string, options: RunOptions = {}): RunResult {
  return runArgv(['sh', '-c', script], options);
}

/** Runs any argv through spawn. */
export function runArgv(argv: string[], options: RunOptions = {}): RunResult {
  const { ctx, fs, out } = makeContext(options);
  const status = spawn(ctx, argv);
  return { ...out(), status, fs, ctx };
}
