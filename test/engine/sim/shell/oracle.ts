// Runs a script twice: under the real busybox (a chroot with /bin/busybox and every applet linked into /bin,
// like the `cv-bb:1` reference image) and under the simulator over the same initial tree, so tests can compare
// stdout, stderr and exit code. Only usable as root on a machine with /bin/busybox.

import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { BUSYBOX_APPLETS } from '../../../../src/engine/sim/shell/busybox-applets.js';
import { spawn } from '../../../../src/engine/sim/shell/process.js';
import type { ProcessContext } from '../../../../src/engine/sim/shell/process.js';
import { PROGRAMS } from '../../../../src/engine/sim/shell/programs.js';
import { BUSYBOX_BYTES } from './helpers.js';
import { MemoryVfs } from './memory-vfs.js';

/** The real busybox the oracle runs. */
export const HOST_BUSYBOX = '/bin/busybox';

/** Why the oracle cannot run here, or null when it can. */
export function oracleUnavailable(): string | null {
  if (!existsSync(HOST_BUSYBOX)) return `${HOST_BUSYBOX} not found`;
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return 'not running as root (chroot needs it)';
  return null;
}

/** Files of the initial tree besides busybox: path → content (a string), or null for a directory. */
export type OracleTree = Record<string, string | null>;

/** Output of one run. */
export interface Outcome {
  stdout: string;
  stderr: string;
  status: number;
}

const ENV = { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', HOME: '/root', HOSTNAME: 'e30e2548f741' };

/** Scripts that could change the host despite the namespaces (the system clock, other processes, the kernel). */
export const UNSAFE = /\b(date\s+[^;|&]*-s|date\s+[^;|&]*--set|hwclock|rdate|adjtimex|kill|killall|pkill|reboot|poweroff|halt|sysctl|swapo(n|ff)|insmod|rmmod|modprobe|nsenter|stty)\b/;

/** Runs `sh -c script` in a fresh chroot with the real busybox. */
export function runReal(script: string, tree: OracleTree = {}, stdin = ''): Outcome {
  if (UNSAFE.test(script)) throw new Error(`refusing to run on the host: ${script}`);
  const root = mkdtempSync(join(tmpdir(), 'drydock-oracle-'));
  try {
    chmodSync(root, 0o755);
    for (const d of ['bin', 'tmp', 'root', 'etc', 'dev']) mkdirSync(join(root, d), { recursive: true });
    chmodSync(join(root, 'tmp'), 0o1777);
    chmodSync(join(root, 'root'), 0o700);
    copyFileSync(HOST_BUSYBOX, join(root, 'bin/busybox'));
    chmodSync(join(root, 'bin/busybox'), 0o755);
    for (const a of BUSYBOX_APPLETS) if (a !== 'busybox') symlinkSync('/bin/busybox', join(root, 'bin', a));
    execFileSync(HOST_BUSYBOX, ['mknod', '-m', '666', join(root, 'dev/null'), 'c', '1', '3']);
    execFileSync(HOST_BUSYBOX, ['mknod', '-m', '666', join(root, 'dev/zero'), 'c', '1', '5']);
    for (const [path, content] of Object.entries(tree)) {
      const full = join(root, path);
      if (content === null) mkdirSync(full, { recursive: true });
      else {
        mkdirSync(dirname(full), { recursive: true });
        writeFileSync(full, content);
      }
    }
    // New UTS, network, IPC and mount namespaces keep `hostname x` or `mount` inside; nothing isolates the
    // clock, hence UNSAFE.
    const args = ['unshare', '-u', '-n', '-i', '-m', '-f', HOST_BUSYBOX, 'chroot', root, '/bin/sh', '-c', script];
    const r = spawnSync(HOST_BUSYBOX, args, { input: stdin, env: ENV, cwd: '/', timeout: 20_000 });
    return { stdout: r.stdout.toString(), stderr: r.stderr.toString(), status: r.status ?? -1 };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** Runs `sh -c script` in the simulator over the same tree. */
export function runSim(script: string, tree: OracleTree = {}, stdin = ''): Outcome {
  let now = Date.now();
  const fs = new MemoryVfs({ now: () => now });
  for (const d of ['/bin', '/tmp', '/root', '/etc', '/dev']) fs.mkdir(d);
  fs.chmod('/tmp', 0o1777);
  fs.chmod('/root', 0o700);
  fs.writeFile('/bin/busybox', BUSYBOX_BYTES, { mode: 0o755 });
  for (const a of BUSYBOX_APPLETS) if (a !== 'busybox') fs.symlink('/bin/busybox', `/bin/${a}`);
  fs.mkchar('/dev/null');
  fs.mkchar('/dev/zero');
  for (const [path, content] of Object.entries(tree)) {
    const parts = path.split('/').filter(Boolean);
    for (let i = 1; i < parts.length + (content === null ? 1 : 0); i++) {
      const p = `/${parts.slice(0, i).join('/')}`;
      if (!fs.lstat(p)) fs.mkdir(p);
    }
    if (content !== null) fs.writeFile(`/${parts.join('/')}`, new TextEncoder().encode(content));
  }
  const out: Uint8Array[] = [];
  const err: Uint8Array[] = [];
  const enc = new TextEncoder();
  const ctx: ProcessContext = {
    programs: PROGRAMS,
    fs,
    cwd: '/',
    env: new Map(Object.entries(ENV)),
    uid: 0,
    gid: 0,
    hostname: 'e30e2548f741',
    stdin: { data: enc.encode(stdin), open: false },
    stdout: (c) => out.push(typeof c === 'string' ? enc.encode(c) : c.slice()),
    stderr: (c) => err.push(typeof c === 'string' ? enc.encode(c) : c.slice()),
    mode: 'exec',
    clock: { now: () => now, advance: (ms) => (now += ms) },
    budget: { steps: 200_000 },
  };
  const status = spawn(ctx, ['/bin/sh', '-c', script]);
  const dec = (chunks: Uint8Array[]): string => new TextDecoder().decode(Buffer.concat(chunks));
  return { stdout: dec(out), stderr: dec(err), status };
}
