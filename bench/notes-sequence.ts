// The dc01/dc02/dc03 sequence of the notes (build the VOLUME image, three containers, rm dc01, touch from
// dc02, ls from dc03) on the simulator in process, and the same commands on the real engine through the docker
// CLI when one is reachable, side by side in one run. The simulator's figure is the steady one (notes-phases.ts).

import { execa } from 'execa';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeNotesPhases, timeNotesPhases } from './notes-phases.js';
import { loadNotesSequence, NOTES_DOCKERFILE, notesSequence } from './notes-tree.js';

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
  const phases = timeNotesPhases(await loadNotesSequence(fileURLToPath(new URL('..', import.meta.url))));
  console.log(describeNotesPhases(phases));
  const sim = phases.steady;
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
