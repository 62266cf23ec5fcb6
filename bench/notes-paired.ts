// `npm run bench -- compare <git-ref> [rounds] notes-paired`: the notes' sequence of two trees in ONE process,
// interleaved in blocks of BLOCK sequences (the order turning every block), thousands of sequences each. Separate
// processes run minutes apart on this shared machine and their figures move by 10% between runs; here both sides
// share every moment's load, and the main thread's own CPU time (Linux's schedstat, in nanoseconds) leaves out
// the waits for a core and V8's helper threads. Each tree's sources are imported as they are (through tsx).

import { existsSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { loadNotesSequence } from './notes-tree.js';

const BLOCK = 20;
const SCHEDSTAT = `/proc/self/task/${process.pid}/schedstat`;

/** Milliseconds the main thread has run (schedstat), or wall milliseconds where there is none. */
function mainThreadMs(): number {
  return existsSync(SCHEDSTAT) ? Number(readFileSync(SCHEDSTAT, 'utf8').split(' ')[0]) / 1e6 : performance.now();
}

/** Times the sequence of each tree (the first is the reference), `sequences` times each, after a warm-up. */
export async function benchNotesPaired(trees: readonly { name: string; dir: string }[], sequences = 3000): Promise<void> {
  const runs = await Promise.all(trees.map((t) => loadNotesSequence(t.dir)));
  for (let i = 0; i < 300; i++) for (const run of runs) run();
  console.log(`notes sequence, paired in one process: ${sequences} sequences per tree in blocks of ${BLOCK}; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  const cpu = trees.map(() => 0);
  const wall = trees.map(() => 0);
  const blocks = Math.ceil(sequences / BLOCK);
  for (let b = 0; b < blocks; b++) {
    const order = trees.map((_, k) => (k + b) % trees.length);
    for (const k of order) {
      const c = mainThreadMs();
      const w = performance.now();
      for (let j = 0; j < BLOCK; j++) runs[k]!();
      wall[k]! += performance.now() - w;
      cpu[k]! += mainThreadMs() - c;
    }
  }
  const n = blocks * BLOCK;
  const clock = existsSync(SCHEDSTAT) ? 'main-thread CPU' : 'wall (no schedstat here)';
  for (const [k, t] of trees.entries()) {
    const ratio = k === 0 ? '' : `  ${(cpu[k]! / cpu[0]!).toFixed(3)}x ${trees[0]!.name} (wall ${(wall[k]! / wall[0]!).toFixed(3)}x)`;
    console.log(`  ${t.name.padEnd(12)} ${(cpu[k]! / n).toFixed(3)} ms ${clock} per sequence, ${(wall[k]! / n).toFixed(3)} ms wall${ratio}`);
  }
  console.log(`  load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} at the end`);
}
