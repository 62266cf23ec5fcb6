// `drydock grade` at scale: 500 submissions of a 10-step exercise (2 setup steps, 6 commands of the
// submission, 2 steps of the exercise after them; 5 checks), a third full marks, a third partial, a third
// broken (one with an endless loop), graded on the simulator (in this thread, then in a worker thread per core as `drydock grade` does) with every file written: grade.json,
// results.json, a page per student, grades.csv, junit.xml and the class summary. Target: under 10 s.

import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtinAssertions } from '../src/assertions/registry.js';
import { loadExercise } from '../src/grading/exercise.js';
import { gradeBatch } from '../src/gradebook/grade-batch.js';
import { simGradingEngine } from '../src/grading/grading-engines.js';

const EXERCISE = `name: bench exercise
exercise: { title: "Bench: build, run, volume", timeLimit: 10s, stepBudget: 20000 }
files:
  motd.txt: "welcome\\n"
setup:
  - docker: volume create shared-data
  - docker: run -d --name helper drydock/busybox:1.35 sleep 1000
steps:
  - submission: true
  - docker: exec helper ls /
  - docker: ps -a
checks:
  - { name: image, images: { present: [demo/web] }, points: 2, hint: build it }
  - { name: running, containers: { running: [web] } }
  - { name: volume file, file: { volume: shared-data, path: /hello.txt, content: "hello\\n" }, points: 2 }
  - { name: label, inspect: { image: demo/web, path: Config.Labels.maintainer, equals: student }, visibility: hidden }
  - { name: motd, file: { image: demo/web, path: /motd.txt, exists: true }, visibility: after_due_date }
`;

const DOCKERFILE = 'FROM drydock/busybox:1.35\nLABEL maintainer=student\nCOPY motd.txt /motd.txt\nCMD ["sleep", "1000"]\n';

const COMMANDS = [
  // full marks
  `docker build -t demo/web .\ndocker run -d --name web -v shared-data:/data demo/web\ndocker exec web sh -c "echo hello > /data/hello.txt"\ndocker exec web ls /data\ndocker ps\ndocker images\n`,
  // partial: no volume
  `docker build -t demo/web .\ndocker run -d --name web demo/web\ndocker exec web sh -c "echo hello > /tmp/hello.txt"\ndocker exec web cat /data/hello.txt\ndocker ps -a\ndocker images\n`,
  // broken: a typo, an endless loop, markup in the output
  `docker biuld -t demo/web .\ndocker run --name web drydock/busybox:1.35 sh -c "while true; do :; done"\ndocker run --rm drydock/busybox:1.35 echo "<script>alert(1)</script>"\ndocker ps -a\ndocker images\ndocker volume ls\n`,
];

/** Writes the exercise and `count` submissions into a fresh folder. */
async function makeBatch(count: number): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'drydock-bench-grade-'));
  await writeFile(join(dir, 'exercise.yaml'), EXERCISE);
  for (let i = 0; i < count; i++) {
    const sub = join(dir, 'submissions', `student-${String(i).padStart(3, '0')}`);
    await mkdir(sub, { recursive: true });
    await writeFile(join(sub, 'commands.sh'), COMMANDS[i % 3] as string);
    if (i % 3 !== 2) await writeFile(join(sub, 'Dockerfile'), DOCKERFILE);
  }
  return dir;
}

/** One fresh batch and the same batch resumed, with `threads` worker threads (0: in this thread). */
async function measure(dir: string, count: number, threads: number): Promise<{ freshMs: number; resumedMs: number }> {
  const loaded = await loadExercise(join(dir, 'exercise.yaml'));
  if (!loaded.ok) throw new Error(`bench exercise: ${loaded.message ?? JSON.stringify(loaded.problems)}`);
  const subs = Array.from({ length: count }, (_, i) => join('submissions', `student-${String(i).padStart(3, '0')}`));
  const outDir = join(dir, `out-${threads}`);
  const run = () => gradeBatch({ exercise: loaded.exercise, submissions: subs, cwd: dir, outDir, jobs: 1, threads, engineName: 'sim', registry: builtinAssertions(), createEngine: simGradingEngine });
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const fresh = await run();
  const freshMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const t1 = performance.now();
  const resumed = await run();
  const resumedMs = performance.now() - t1;
  const mean = fresh.grades.reduce((a, g) => a + g.score, 0) / fresh.grades.length;
  const how = threads === 0 ? 'in one thread' : `in ${threads} worker threads`;
  console.log(
    `grading ${count} submissions of a 10-step exercise on the simulator ${how}, HTML included: ${(freshMs / 1000).toFixed(2)} s ` +
      `(${(freshMs / count).toFixed(1)} ms each, CPU ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s; target under 10 s); mean score ${mean.toFixed(2)}; ` +
      `resumed with all ${resumed.reused} done: ${(resumedMs / 1000).toFixed(2)} s`,
  );
  return { freshMs, resumedMs };
}

/** Grades 500 submissions in this thread, then in one worker thread per core (what `drydock grade` does). */
export async function benchGrading(count = 500): Promise<{ single: { freshMs: number; resumedMs: number }; threaded: { freshMs: number; resumedMs: number } }> {
  const dir = await makeBatch(count);
  try {
    const single = await measure(dir, count, 0);
    const threaded = await measure(dir, count, availableParallelism());
    return { single, threaded };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith('grading.ts') && process.argv.includes('--run')) await benchGrading();
