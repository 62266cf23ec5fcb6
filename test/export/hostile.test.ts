// What a platform must never see: no results file. A hostile submission (an endless loop, output without end,
// `<script>` in names), a submission without commands.sh, an exercise that does not load, and no drydock on
// PATH at all each still leave a valid results file with no or partial points, on each platform.

import assert from 'node:assert/strict';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import { runCli, writeFolder } from '../cli/helpers.js';
import { exportExercise, REPO_DIR, removeTempDirs, runClassroom, runGradescope, runPrairieLearn, schemaErrors, tempDir } from './platform-harness.js';

const EXERCISE = join(REPO_DIR, 'scenarios', 'exercises', 'cmd-vs-entrypoint');
const MAX = 8;

// A loop that never ends, output without end, and `<script>` in a container name, a file name and output.
const HOSTILE = {
  'commands.sh': [
    `docker build -t greeter .`,
    `docker run --name '<script>alert(1)</script>' greeter`,
    `docker run --name default greeter`,
    `docker run --name flood centos sh -c 'while true; do echo "<script>alert(2)</script> flood flood flood flood"; done'`,
    `docker run --name spin centos sh -c 'while :; do :; done'`,
    '',
  ].join('\n'),
  Dockerfile: 'FROM centos\nENTRYPOINT ["echo","hello"]\nCMD ["world"]\n',
  '<script>alert(3)</script>.txt': 'x\n',
};

const SCHEMAS = { gradescope: 'gradescope-results.schema.json', prairielearn: 'prairielearn-results.schema.json', 'github-classroom': 'github-classroom-result.schema.json' } as const;

describe('platform exports: hostile and broken submissions', function () {
  this.timeout(300_000);
  after(removeTempDirs);
  let exports: Record<keyof typeof SCHEMAS, string>;
  before(async () => {
    exports = {
      gradescope: await exportExercise('gradescope', EXERCISE),
      prairielearn: await exportExercise('prairielearn', EXERCISE),
      'github-classroom': await exportExercise('github-classroom', EXERCISE),
    };
  });

  /** Runs a submission through one platform; its results, validated, and the file's size. */
  async function through(platform: keyof typeof SCHEMAS, submission: string | undefined, env: Record<string, string> = {}, exportPath = exports[platform]): Promise<Record<string, unknown>> {
    const r = platform === 'gradescope' ? await runGradescope(exportPath, submission, env) : platform === 'prairielearn' ? await runPrairieLearn(exportPath, submission, env) : await runClassroom(exportPath, submission, env);
    assert.equal(r.run.exitCode, 0, r.run.stderr);
    assert.equal(schemaErrors(SCHEMAS[platform], r.results), '', `${platform}: ${JSON.stringify(r.results).slice(0, 400)}`);
    assert.ok(JSON.stringify(r.results).length < 1_000_000, `${platform}: results over PrairieLearn's 1 MB`);
    return r.results as Record<string, unknown>;
  }

  /** Points earned, whatever the platform's format. */
  function points(platform: keyof typeof SCHEMAS, r: Record<string, unknown>): number {
    if (platform === 'prairielearn') return (r.score as number) * MAX;
    if (platform === 'gradescope') return r.score as number;
    return (r.tests as { score?: number }[]).reduce((a, t) => a + (t.score ?? 0), 0);
  }

  for (const platform of Object.keys(SCHEMAS) as (keyof typeof SCHEMAS)[]) {
    it(`${platform}: an endless loop, a flood of output and <script> in names: valid results, partial points`, async () => {
      const r = await through(platform, writeFolder(HOSTILE));
      const p = points(platform, r);
      assert.ok(p > 0 && p < MAX, `${platform}: ${p} points`);
      if (platform === 'gradescope') assert.ok(String(r.output).includes('<script>alert(1)</script>'), 'the student sees what they typed (Gradescope renders output as text)');
    });

    it(`${platform}: no commands.sh, a broken exercise, and no drydock on PATH: valid results, no points`, async () => {
      const empty = await through(platform, writeFolder({ 'notes.txt': 'I forgot\n' }));
      assert.equal(points(platform, empty), 0);
      if (platform === 'prairielearn') assert.equal(empty.gradable, false);
      // A broken exercise in the export (a teacher's edit gone wrong).
      const broken = platform === 'gradescope' ? brokenZip(exports.gradescope) : brokenDir(platform, exports[platform]);
      const b = await through(platform, writeFolder({ 'commands.sh': 'docker ps\n' }), {}, broken);
      assert.equal(points(platform, b), 0);
      assert.match(JSON.stringify(b), /exercise does not load/);
      // No drydock anywhere: setup never ran. Only the system's folders on PATH.
      const none = await through(platform, writeFolder({ 'commands.sh': 'docker ps\n' }), { PATH: '/usr/bin:/bin' });
      assert.equal(points(platform, none), 0);
      assert.match(JSON.stringify(none), /127/);
    });
  }
});

function brokenZip(zipPath: string): string {
  const files = unzipSync(readFileSync(zipPath));
  files['exercise.yaml'] = new TextEncoder().encode('name: broken\nsteps: 3\n');
  const out = join(tempDir(), 'autograder.zip');
  writeFileSync(out, zipSync(files));
  return out;
}

function brokenDir(platform: string, dir: string): string {
  const copy = tempDir();
  cpSync(dir, copy, { recursive: true });
  writeFileSync(join(copy, platform === 'prairielearn' ? 'question/tests/exercise.yaml' : '.drydock/exercise.yaml'), 'name: broken\nsteps: 3\n');
  return copy;
}

// `drydock init` and `drydock verify` from an empty folder, then the new exercise through an export.
describe('drydock init + verify + check, from an empty folder', function () {
  this.timeout(120_000);
  after(removeTempDirs);

  it('init makes an exercise that verifies; a change that breaks a pin fails verify; the export grades it', async () => {
    const dir = tempDir('drydock-init-');
    const made = await runCli(['init', 'exercise', 'my-exercise'], dir);
    assert.equal(made.code, 0, made.stderr);
    const yaml = readFileSync(join(dir, 'my-exercise', 'exercise.yaml'), 'utf8');
    assert.match(yaml, /^# yaml-language-server: \$schema=\S+scenario\.schema\.json$/m);
    const ok = await runCli(['verify', 'my-exercise'], dir);
    assert.equal(ok.code, 0, ok.stdout + ok.stderr);
    assert.match(ok.stdout, /✓ reference: 4 \/ 4/);
    assert.match(ok.stdout, /✓ forgot-env: 3 \/ 4/);
    // A teacher's change to a check's points moves what forgot-env scores: verify catches it.
    writeFileSync(join(dir, 'my-exercise', 'exercise.yaml'), yaml.replace('points: 2', 'points: 1'));
    const broken = await runCli(['verify', 'my-exercise'], dir);
    assert.equal(broken.code, 1);
    assert.match(broken.stdout, /✗ forgot-env: 2 \/ 3, pinned 3 at my-exercise\/pins\.yaml:4/);
    writeFileSync(join(dir, 'my-exercise', 'exercise.yaml'), yaml);
    assert.equal((await runCli(['init', 'exercise', 'my-exercise'], dir)).code, 2, 'never overwrites');
    const zip = await exportExercise('gradescope', join(dir, 'my-exercise'));
    const { results } = await runGradescope(zip, join(dir, 'my-exercise', 'submissions', 'reference'));
    assert.equal((results as { score: number }).score, 4);
  });

  it('check shows the visible checks and hints, never a hidden check', async () => {
    const dir = tempDir('drydock-check-');
    await runCli(['init', 'exercise', 'ex'], dir);
    const wrong = await runCli(['check', 'ex', 'ex/submissions/forgot-env', '--html', 'page.html'], dir);
    assert.equal(wrong.code, 1);
    assert.match(wrong.stdout, /2 \/ 3 points on the checks shown \(1 more in 1 check not shown\)/);
    assert.match(wrong.stdout, /✗ web has GREETING=hello \(0\/1\)\n.*\n.*\n.*\n {4}hint: Set the variable/);
    assert.doesNotMatch(wrong.stdout, /ready exists/);
    assert.doesNotMatch(readFileSync(join(dir, 'page.html'), 'utf8'), /ready exists/);
    assert.match(readFileSync(join(dir, 'page.html'), 'utf8'), /web has GREETING(=|&#x3D;)hello/);
    const right = await runCli(['check', 'ex', 'ex/submissions/reference'], dir);
    assert.equal(right.code, 0, right.stdout);
  });
});
