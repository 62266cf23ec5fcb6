// The dc01/dc02/dc03 sequence of the notes (build the VOLUME image, three containers, rm dc01, touch from
// dc02, ls from dc03) on the simulator in process, and the same commands on the real engine through the docker
// CLI when one is reachable, side by side in one run.

import { execa } from 'execa';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TreeBackend } from '../src/engine/sim/fs/tree-backend.js';
import { createSimEngine } from '../src/engine/sim/node/create-sim-engine.js';

const DOCKERFILE = 'FROM centos\nVOLUME ["/dataVolume1", "/dataVolume2"]\nCMD /bin/bash\n';

/** The Dockerfile both sides build, its base image a build argument (notes-paired.ts builds it too). */
export const NOTES_DOCKERFILE = DOCKERFILE.replace('FROM centos', 'ARG BASE\nFROM $BASE');

/** The sequence's docker command lines (notes-paired.ts runs them too). */
export function notesSequence(prefix: string, image: string, base: string): string[][] {
  return [
    ['build', '-q', '-t', image, '.'],
    ['run', '-dit', '--network', 'none', '--name', `${prefix}dc01`, image],
    ['run', '-dit', '--network', 'none', '--name', `${prefix}dc02`, '--volumes-from', `${prefix}dc01`, image],
    ['run', '-dit', '--network', 'none', '--name', `${prefix}dc03`, '--volumes-from', `${prefix}dc01`, image],
    ['rm', '-f', `${prefix}dc01`],
    ['exec', `${prefix}dc02`, 'touch', '/dataVolume1/dc02_update.txt'],
    ['exec', `${prefix}dc03`, 'ls', '/dataVolume1'],
    ['rm', '-f', '-v', `${prefix}dc02`, `${prefix}dc03`],
  ].map((argv) => (argv[0] === 'build' ? [...argv.slice(0, -1), '--build-arg', `BASE=${base}`, '.'] : argv));
}

/** Median of n timings of `fn` in milliseconds, after `warmup` untimed runs (the JIT's, not the engine's, cost). */
async function median(n: number, fn: () => Promise<void> | void, warmup = 0): Promise<number> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(n / 2)] as number;
}

export async function benchNotesSequence(): Promise<void> {
  const sim = await median(200, () => {
    const host = new TreeBackend();
    host.put('/w', { kind: 'dir', opaque: false, mode: 0o755, uid: 0, gid: 0, mtime: 0 });
    host.put('/w/Dockerfile', { kind: 'file', data: new TextEncoder().encode(NOTES_DOCKERFILE), mode: 0o644, uid: 0, gid: 0, mtime: 0 });
    const engine = createSimEngine({ host, cwd: '/w' });
    for (const argv of notesSequence('', 'tim/centos', 'centos:latest')) {
      const r = engine.dockerSync(argv);
      if (r.exitCode !== 0) throw new Error(`sim: docker ${argv.join(' ')} failed: ${r.stderr}`);
    }
  }, 50);
  console.log(`notes sequence (dc01/dc02/dc03), simulator in process: ${sim.toFixed(2)} ms (median of 200, after 50 warm-up runs)`);
  const docker = process.env.DRYDOCK_DOCKER || (existsSync('/usr/bin/docker') ? '/usr/bin/docker' : 'docker');
  const probe = await execa(docker, ['image', 'inspect', 'drydock/centos:latest'], { reject: false });
  if (probe.exitCode !== 0) {
    console.log('notes sequence, real engine: skipped (no engine reachable, or drydock/centos:latest not built: run npm test once with an engine)');
    return;
  }
  const dir = await mkdtemp(join(tmpdir(), 'drydock-bench-'));
  await writeFile(join(dir, 'Dockerfile'), NOTES_DOCKERFILE);
  try {
    const real = await median(5, async () => {
      for (const argv of notesSequence('drydock-bench-', 'drydock-bench/centos', 'drydock/centos:latest')) {
        const r = await execa(docker, argv, { cwd: dir, reject: false });
        if (r.exitCode !== 0) throw new Error(`docker ${argv.join(' ')} failed: ${r.stderr}`);
      }
    }, 1);
    console.log(`notes sequence, real engine via ${docker}: ${real.toFixed(0)} ms (median of 5, after 1 warm-up run)`);
    console.log(`ratio real / simulator: ${(real / sim).toFixed(0)}x (target: at least 500x)`);
  } finally {
    await execa(docker, ['rmi', '-f', 'drydock-bench/centos'], { reject: false });
    await rm(dir, { recursive: true, force: true });
  }
}
