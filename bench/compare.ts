// `npm run bench -- compare <git-ref> [rounds] [notes|scenarios|grading…]`: the in-process figures (the notes'
// sequence, the 200-scenario run, grading a batch of 500; all three unless some are named) of another commit and
// of this tree side by side in one run. The machine is shared and its load moves by the minute, so the two are
// interleaved (one run of each per round, the order alternating from round to round) and compared by their
// medians. The notes' sequence of both trees is timed by this tree's harness (notes-process.ts, in phases). The other commit is checked out into a temporary git
// worktree outside this tree, given node_modules (this tree's, linked, when its lockfile pins every package the
// same; else `npm ci`), built, and removed afterwards. `notes-paired` instead runs the notes' sequence of both
// trees in this one process, `rounds` thousand times each (notes-paired.ts): finer than separate runs.

import { execa } from 'execa';
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** A figure the benches print, and how to find it in their output. */
interface Figure {
  name: string;
  unit: string;
  pattern: RegExp;
}

const FIGURES: Figure[] = [
  { name: 'notes sequence, steady (runs 1001–2000)', unit: 'ms', pattern: /simulator in process: ([\d.]+) ms \(median of runs/ },
  { name: 'notes sequence, warming (runs 2–250)', unit: 'ms', pattern: /median of runs 2–250 ([\d.]+) ms/ },
  { name: 'notes sequence, first run', unit: 'ms', pattern: /first run ([\d.]+) ms/ },
  { name: 'drydock run, 200 scenarios × 10 steps (best of 3)', unit: 'ms', pattern: /scenarios × 10 steps on the simulator .*?: best ([\d.]+) ms/ },
  { name: 'runner overhead per step', unit: 'µs', pattern: /runner overhead: ([\d.]+) µs per step/ },
  { name: 'grading 500 submissions, one thread', unit: 's', pattern: /grading \d+ submissions .*? in one thread, HTML included: ([\d.]+) s/ },
  { name: 'grading 500 submissions, worker threads', unit: 's', pattern: /grading \d+ submissions .*? in \d+ worker threads, HTML included: ([\d.]+) s/ },
  // CPU of all the process's threads: less moved than wall time by waits for a core, though not by a slower one
  { name: 'grading 500, one thread, CPU', unit: 's', pattern: /in one thread, HTML included: .*?CPU ([\d.]+) s/ },
  { name: 'grading 500, worker threads, CPU', unit: 's', pattern: /in \d+ worker threads, HTML included: .*?CPU ([\d.]+) s/ },
];

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};
const load = () => loadavg().map((l) => l.toFixed(1)).join(' ');

/** True when every package the other tree's lockfile pins is pinned to the same version here. */
function sameLockedPackages(other: string, here: string): boolean {
  type Lock = { packages?: Record<string, { version?: string }> };
  const read = (dir: string) => JSON.parse(readFileSync(join(dir, 'package-lock.json'), 'utf8')) as Lock;
  const theirs = read(other).packages ?? {};
  const ours = read(here).packages ?? {};
  return Object.entries(theirs).every(([path, p]) => path === '' || ours[path]?.version === p.version);
}

async function prepare(tree: string, here: string, build = true): Promise<string> {
  let how: string;
  if (tree !== here && sameLockedPackages(tree, here)) {
    symlinkSync(join(here, 'node_modules'), join(tree, 'node_modules'), 'dir');
    how = "this tree's node_modules (same versions of every package it locks)";
  } else if (tree !== here) {
    await execa('npm', ['ci', '--no-audit', '--no-fund', '--ignore-scripts'], { cwd: tree, stdio: 'inherit' });
    how = 'npm ci';
  } else how = 'its own node_modules';
  // the scenario bench times the built CLI (dist/, and the bundle where the tree has one)
  if (build) await execa('npm', ['run', 'build'], { cwd: tree, stdio: ['ignore', 'ignore', 'inherit'] });
  return how;
}

/**
 * One run of a tree's benches; the figures found in what they print. The notes' sequence is timed by this tree's
 * harness on the other tree's sources (notes-process.ts), so both sides are measured alike even where the other
 * tree's own notes bench measured differently; the rest are the tree's own benches.
 */
async function runOnce(tree: string, here: string, benches: readonly string[]): Promise<Map<string, number>> {
  let out = '';
  if (benches.includes('notes')) {
    const r = await execa('node', ['--expose-gc', '--import', 'tsx', join(here, 'bench/notes-process.ts'), tree], { cwd: here, reject: false });
    if (r.exitCode !== 0) throw new Error(`notes sequence of ${tree} failed (exit ${r.exitCode}):\n${r.stdout}\n${r.stderr}`);
    out += r.stdout;
  }
  const own = benches.filter((b) => b !== 'notes');
  if (own.length > 0) {
    // DRYDOCK_DOCKER names no client: a bench then skips its real-engine half (in-process figures only)
    const r = await execa('node', ['--expose-gc', '--import', 'tsx', 'bench/run.ts', ...own], {
      cwd: tree,
      env: { DRYDOCK_DOCKER: join(tree, 'no-docker-client') },
      reject: false,
    });
    if (r.exitCode !== 0) throw new Error(`bench in ${tree} failed (exit ${r.exitCode}):\n${r.stdout}\n${r.stderr}`);
    out += r.stdout;
  }
  const found = new Map<string, number>();
  for (const f of FIGURES) {
    const m = f.pattern.exec(out);
    if (m) found.set(f.name, Number(m[1]));
  }
  return found;
}

/** Compares `ref` with this tree; prints the medians and their ratios. */
export async function benchCompare(ref: string | undefined, rounds = 3, only: readonly string[] = []): Promise<void> {
  if (!ref || !Number.isInteger(rounds) || rounds < 1) throw new Error('usage: npm run bench -- compare <git-ref> [rounds] [notes|scenarios|grading…|notes-paired]');
  const benches = only.length > 0 ? only : ['notes', 'scenarios', 'grading'];
  const here = fileURLToPath(new URL('..', import.meta.url)).replace(/\/$/, '');
  const sha = (await execa('git', ['rev-parse', '--verify', `${ref}^{commit}`], { cwd: here })).stdout.trim();
  const head = (await execa('git', ['rev-parse', '--short', 'HEAD'], { cwd: here })).stdout.trim();
  const dirty = (await execa('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: here })).stdout.trim() !== '';
  const parent = mkdtempSync(join(tmpdir(), 'drydock-compare-'));
  const other = join(parent, 'tree');
  console.log(`compare: ${ref} (${sha.slice(0, 7)}) against this tree (${head}${dirty ? ' with uncommitted changes' : ''}); load average ${load()}`);
  await execa('git', ['worktree', 'add', '--detach', other, sha], { cwd: here });
  try {
    if (benches.includes('notes-paired')) {
      // both trees' sources in this one process (no build needed); `rounds` thousands of sequences each
      console.log(`  ${ref}: ${await prepare(other, here, false)}`);
      const { benchNotesPaired } = await import('./notes-paired.js');
      await benchNotesPaired([{ name: ref, dir: other }, { name: 'this tree', dir: here }], rounds * 1000);
      return;
    }
    console.log(`  ${ref}: ${await prepare(other, here)}, built`);
    console.log(`  this tree: ${await prepare(here, here)}, built`);
    const runs = { ref: [] as Map<string, number>[], here: [] as Map<string, number>[] };
    for (let round = 0; round < rounds; round++) {
      // A B, then B A: neither side always runs first after a quiet or a busy moment
      const order = round % 2 === 0 ? (['ref', 'here'] as const) : (['here', 'ref'] as const);
      for (const side of order) runs[side].push(await runOnce(side === 'ref' ? other : here, here, benches));
      console.log(`  round ${round + 1} of ${rounds} done; load average ${load()}`);
    }
    console.log(`\n  ${'figure'.padEnd(56)} ${ref.padStart(10)} ${'this tree'.padStart(10)}  ratio of medians, median of each round's ratio`);
    for (const f of FIGURES) {
      const a = runs.ref.flatMap((m) => (m.has(f.name) ? [m.get(f.name) as number] : []));
      const b = runs.here.flatMap((m) => (m.has(f.name) ? [m.get(f.name) as number] : []));
      if (a.length === 0 && b.length === 0) continue;
      if (a.length === 0 || b.length === 0) {
        console.log(`  ${f.name.padEnd(56)} (not printed by ${a.length === 0 ? ref : 'this tree'})`);
        continue;
      }
      const [ma, mb] = [median(a), median(b)];
      // the two runs of one round saw about the same load: their ratio cancels most of the drift between rounds
      const paired = runs.ref.flatMap((m, i) => (m.has(f.name) && runs.here[i]?.has(f.name) ? [(runs.here[i]?.get(f.name) as number) / (m.get(f.name) as number)] : []));
      const slower = paired.filter((r) => r > 1).length;
      console.log(`  ${`${f.name} (${f.unit})`.padEnd(56)} ${ma.toFixed(2).padStart(10)} ${mb.toFixed(2).padStart(10)}  ${(mb / ma).toFixed(2)}, ${median(paired).toFixed(2)} (this tree slower in ${slower} of ${paired.length} rounds)   runs: ${a.join('/')} vs ${b.join('/')}`);
    }
    console.log(`\n  medians of ${rounds} interleaved runs each; load average ${load()} at the end`);
  } finally {
    await execa('git', ['worktree', 'remove', '--force', other], { cwd: here, reject: false });
    rmSync(parent, { recursive: true, force: true });
    if (existsSync(other)) console.log(`  (could not remove ${other})`);
  }
}
