import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtinAssertions } from '../../src/assertions/registry.js';
import { loadExercise, type Exercise } from '../../src/grading/exercise.js';
import { gradeBatch, type BatchOptions } from '../../src/gradebook/grade-batch.js';
import type { SubmissionGrade } from '../../src/grading/grade-result.js';
import { simGradingEngine } from '../../src/grading/grading-engines.js';
import { demoCopy } from '../grading/helpers.js';

const SUBS = ['submissions/alice', 'submissions/bob', 'submissions/carol.sh'];

async function exerciseIn(dir: string): Promise<Exercise> {
  const loaded = await loadExercise(join(dir, 'exercise.yaml'), 'exercise.yaml');
  if (!loaded.ok) throw new Error(JSON.stringify(loaded));
  return loaded.exercise;
}

function options(dir: string, exercise: Exercise, extra: Partial<BatchOptions> = {}): BatchOptions {
  return { exercise, submissions: SUBS, cwd: dir, outDir: join(dir, 'out'), jobs: 1, engineName: 'sim', registry: builtinAssertions(), createEngine: simGradingEngine, ...extra };
}

function byStudent(grades: SubmissionGrade[]): Record<string, SubmissionGrade> {
  return Object.fromEntries(grades.map((g) => [g.student, g]));
}

describe('grading the demo exercise', () => {
  it('full marks, partial credit per check, and a broken submission that still runs to the end', async () => {
    const dir = demoCopy();
    const result = await gradeBatch(options(dir, await exerciseIn(dir)));
    const g = byStudent(result.grades);
    assert.deepEqual(
      result.grades.map((x) => [x.student, x.status, x.score, x.maxScore]),
      [
        ['alice', 'graded', 6, 6],
        ['bob', 'graded', 3, 6],
        ['carol', 'graded', 0, 6],
      ],
    );
    assert.deepEqual(
      g.bob?.checks.map((c) => [c.title, c.status, c.earned, c.points]),
      [
        ['the image demo/web exists', 'passed', 2, 2],
        ['the container web is running', 'passed', 1, 1],
        ['hello.txt is in the volume shared-data', 'failed', 0, 2],
        ['the image is labelled with its maintainer', 'failed', 0, 0.5],
        ['motd.txt was copied into the image', 'failed', 0, 0.5],
      ],
    );
    assert.equal(g.bob?.checks[2]?.hint, 'mount the volume with `-v shared-data:/data` and write /data/hello.txt inside the container');
    assert.equal(g.bob?.checks[3]?.visibility, 'hidden');
    // bob's `ls -l` is not run, and is reported at its line
    assert.deepEqual(g.bob?.problems.map((p) => `${p.location.file}:${p.location.line}`), ['submissions/bob/commands.sh:5']);
    // setup, the exercise's step before the marker, the submission's commands, the exercise's step after it
    assert.deepEqual(
      g.alice?.steps.map((s) => [s.origin, s.title]),
      [
        ['exercise', 'docker volume create shared-data'],
        ['exercise', 'docker images -q demo/web'],
        ['submission', 'docker build -t demo/web .'],
        ['submission', 'docker run -d --name web -v shared-data:/data demo/web'],
        ['submission', 'docker exec web sh -c "echo hello > /data/hello.txt"'],
        ['submission', 'docker ps'],
        ['exercise', 'docker exec web cat /data/hello.txt'],
      ],
    );
    assert.equal(g.alice?.steps[6]?.stdout, 'hello\n');
    // carol: every command ran although the first failed; the endless loop was stopped by the step budget
    const carol = g.carol?.steps.filter((s) => s.origin === 'submission') ?? [];
    assert.deepEqual(
      carol.map((s) => [s.location.line, s.exitCode]),
      [
        [2, 1],
        [3, 137],
        [4, 125],
        [5, 0],
      ],
    );
    assert.equal(carol[3]?.stdout, "<script>alert('pwned')</script><b>bold?</b>\n");
  });

  it('writes grades.csv, junit.xml, the class summary, and per student grade.json, results.json and a page', async () => {
    const dir = demoCopy();
    await gradeBatch(options(dir, await exerciseIn(dir)));
    const out = join(dir, 'out');
    const csv = readFileSync(join(out, 'grades.csv'), 'utf8').split('\r\n');
    assert.equal(csv[0], 'student,submission,status,score,max_score,percent,1. the image demo/web exists (2),2. the container web is running (1),3. hello.txt is in the volume shared-data (2),4. the image is labelled with its maintainer (0.5),5. motd.txt was copied into the image (0.5),duration_ms,graded_at');
    assert.match(csv[2] ?? '', /^bob,submissions\/bob,graded,3,6,50,2,1,0,0,0,\d+,/);
    const gs = JSON.parse(readFileSync(join(out, 'students', 'bob', 'results.json'), 'utf8'));
    assert.equal(gs.score, 3);
    assert.deepEqual(gs.tests[2], {
      name: 'hello.txt is in the volume shared-data',
      number: '3',
      score: 0,
      max_score: 2,
      status: 'failed',
      output: '/hello.txt in volume shared-data does not exist\nexpected: a file\nactual:   absent\nHint: mount the volume with `-v shared-data:/data` and write /data/hello.txt inside the container',
      visibility: 'visible',
    });
    assert.equal(gs.tests[3].visibility, 'hidden');
    assert.equal(gs.tests[4].visibility, 'after_due_date');
    const junit = readFileSync(join(out, 'junit.xml'), 'utf8');
    assert.equal(junit.match(/<testsuite /g)?.length, 3);
    assert.match(junit, /<testcase classname="bob" name="hello.txt is in the volume shared-data \(0\/2\)" time="[\d.]+"><failure message="\/hello.txt in volume shared-data does not exist"/);
    assert.ok(existsSync(join(out, 'index.html')));
    for (const s of ['alice', 'bob', 'carol']) assert.deepEqual(readdirSync(join(out, 'students', s)).sort(), ['grade.json', 'report.html', 'results.json', 'teacher.html']);
  });

  it('a batch started again grades only what is missing or changed; --force grades everything again', async () => {
    const dir = demoCopy();
    const exercise = await exerciseIn(dir);
    const first = await gradeBatch(options(dir, exercise));
    assert.equal(first.graded, 3);
    const again = await gradeBatch(options(dir, exercise));
    assert.deepEqual([again.graded, again.reused], [0, 3]);
    assert.deepEqual(again.grades.map((g) => g.startedAt), first.grades.map((g) => g.startedAt));
    // killed half-way: bob's grade.json never got written
    rmSync(join(dir, 'out', 'students', 'bob', 'grade.json'));
    // carol fixed her submission since
    writeFileSync(join(dir, 'submissions', 'carol.sh'), 'docker volume ls\n');
    const resumed = await gradeBatch(options(dir, exercise));
    assert.deepEqual([resumed.graded, resumed.reused], [2, 1]);
    assert.equal(byStudent(resumed.grades).carol?.steps.filter((s) => s.origin === 'submission').length, 1);
    const forced = await gradeBatch(options(dir, exercise, { force: true }));
    assert.deepEqual([forced.graded, forced.reused], [3, 0]);
    // every write went through a temporary file and a rename: none is left behind
    const left = readdirSync(join(dir, 'out'), { recursive: true }).map(String).filter((f) => f.endsWith('.tmp'));
    assert.deepEqual(left, []);
  });

  it('a submission past its time limit gets no points; one without commands.sh is rejected', async () => {
    const dir = demoCopy();
    const exercise = { ...(await exerciseIn(dir)), timeLimitMs: 0 };
    rmSync(join(dir, 'submissions', 'bob', 'commands.sh'));
    const result = await gradeBatch(options(dir, exercise));
    const g = byStudent(result.grades);
    assert.equal(g.alice?.status, 'timeout');
    assert.equal(g.alice?.score, 0);
    assert.ok(g.alice?.checks.every((c) => c.status === 'skipped' && c.earned === 0));
    assert.match(g.alice?.error ?? '', /time limit/);
    assert.equal(g.bob?.status, 'rejected');
    assert.equal(g.bob?.score, 0);
  });

  it('in worker threads: the same grades, and the files written by the threads', async function () {
    this.timeout(30_000);
    const dir = demoCopy();
    const exercise = await exerciseIn(dir);
    const result = await gradeBatch(options(dir, exercise, { threads: 2 }));
    assert.deepEqual(
      result.grades.map((g) => [g.student, g.score]),
      [
        ['alice', 6],
        ['bob', 3],
        ['carol', 0],
      ],
    );
    assert.ok(existsSync(join(dir, 'out', 'students', 'carol', 'report.html')));
  });

  it('in worker threads: a submission that hangs its thread is stopped at the limit with a timeout grade, and the others are graded', async function () {
    this.timeout(30_000);
    const dir = demoCopy();
    // No step budget to end carol's endless loop: the simulator spins in her thread until the thread is killed.
    const exercise = { ...(await exerciseIn(dir)), stepBudget: Number.MAX_SAFE_INTEGER };
    const submissions = ['submissions/carol.sh', 'submissions/alice', 'submissions/bob'];
    // One thread: alice and bob are graded by the thread started in place of carol's. It takes about as long to
    // load as the limit, which counts from when a thread is ready, so a slow start-up does not cost them.
    const result = await gradeBatch(options(dir, exercise, { submissions, threads: 1, hangLimitMs: 1000 }));
    assert.deepEqual(
      result.grades.map((g) => [g.student, g.status, g.score]),
      [
        ['carol', 'timeout', 0],
        ['alice', 'graded', 6],
        ['bob', 'graded', 3],
      ],
    );
    const carol = byStudent(result.grades).carol;
    assert.equal(carol?.error, 'the submission hung its grading thread and was stopped after 1.0s: no points');
    assert.ok(carol?.checks.every((c) => c.status === 'skipped' && c.earned === 0));
    // her files are written like anyone's, and the gradebook has her row
    const written = JSON.parse(readFileSync(join(dir, 'out', 'students', 'carol', 'grade.json'), 'utf8')) as SubmissionGrade;
    assert.equal(written.status, 'timeout');
    assert.ok(existsSync(join(dir, 'out', 'students', 'carol', 'report.html')));
    assert.match(readFileSync(join(dir, 'out', 'grades.csv'), 'utf8'), /\r\ncarol,submissions\/carol\.sh,timeout,0,6,0,/);
  });
});
