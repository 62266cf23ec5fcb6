// Checks students may not see (yet): the student's page withholds them, the teacher's files keep them, and
// `drydock grade --after-due-date` shows the after_due_date ones on the students' pages without grading again.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtinAssertions } from '../../src/assertions/registry.js';
import { gradeCommand } from '../../src/cli/grade-command.js';
import type { CliIo } from '../../src/cli/io.js';
import { toExercise } from '../../src/grading/exercise.js';
import { gradeSubmission } from '../../src/grading/grade-submission.js';
import { simGradingEngine } from '../../src/grading/grading-engines.js';
import { studentCopy } from '../../src/grading/student-copy.js';
import { loadScenario } from '../../src/scenario/load.js';
import type { GradescopeResults } from '../../src/reporters/gradescope/gradescope-results.js';
import { SECRETS, secretsExercise } from './helpers.js';

async function grade(argv: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), isTTY: false, cwd, env: {} };
  const code = await gradeCommand(argv, io);
  return { code, stdout, stderr };
}

const read = (dir: string, path: string) => readFileSync(join(dir, 'out', path), 'utf8');
const HIDDEN = [SECRETS.hiddenTitle, SECRETS.hiddenExpected, SECRETS.hiddenHint, SECRETS.probe, 'the probe file holds the label'];
const LATER = [SECRETS.laterTitle, SECRETS.laterHint];

// each test runs whole `drydock grade` processes (about 4 s on a quiet machine, 15 s on a shared one)
describe('checks students may not see', function () {
  this.timeout(90_000);
  it("the student's page has nothing of the hidden and after_due_date checks; the teacher's files have everything", async () => {
    const dir = secretsExercise();
    const r = await grade(['exercise.yaml', 'submissions', '--out', 'out'], dir);
    assert.equal(r.code, 0, r.stderr);
    // graded in worker threads: a line each as it finishes, in either order
    assert.deepEqual(r.stdout.split('\n').slice(0, 2).sort(), ['✓ right: 5 / 5', '✓ wrong: 1 / 5']);
    assert.match(r.stdout, /report\.html is the student's page \(hidden checks withheld, after_due_date ones too until --after-due-date\), teacher\.html yours/);
    const page = read(dir, 'students/wrong/report.html');
    for (const secret of [...HIDDEN, ...LATER]) assert.ok(!page.includes(secret), `${secret} is in the student's page`);
    assert.ok(page.includes('the image demo/app exists') && page.includes('docker build -t demo/app .'), "the visible check and the student's commands are shown");
    assert.equal(page.match(/<span class="title">Hidden check<\/span>/g)?.length, 2);
    assert.equal(page.match(/<span class="title">Check shown after the due date<\/span>/g)?.length, 1);
    assert.match(page, /<span class="score">1 \/ 1<\/span> points on the checks shown/);
    // both students have the visible check's point and nothing else to see: their score lines are alike
    assert.match(read(dir, 'students/right/report.html'), /<span class="score">1 \/ 1<\/span> points on the checks shown/);

    const teacher = read(dir, 'students/wrong/teacher.html');
    for (const secret of [...HIDDEN, ...LATER]) assert.ok(teacher.includes(secret), `${secret} is not in the teacher's page`);
    assert.match(teacher, /<span class="score">1 \/ 5<\/span> points/);
    const summary = read(dir, 'index.html');
    for (const secret of [SECRETS.hiddenTitle, SECRETS.laterTitle]) assert.ok(summary.includes(secret), secret);
    assert.match(summary, /<a href="students\/wrong\/teacher\.html">wrong<\/a>/);
    assert.match(read(dir, 'grades.csv'), new RegExp(`2\\. ${SECRETS.hiddenTitle} label on the image \\(2\\),3\\. the probe file holds the label \\(1\\),4\\. ${SECRETS.laterTitle} file in the image \\(1\\)`));
    assert.match(read(dir, 'junit.xml'), new RegExp(`Hint: ${SECRETS.hiddenHint}`));
  });

  it("results.json passes each check's visibility to Gradescope, and its overall output (always shown) holds no score", async () => {
    const dir = secretsExercise();
    assert.equal((await grade(['exercise.yaml', 'submissions', '--out', 'out', '--no-html', '-q'], dir)).code, 0);
    const gs = JSON.parse(read(dir, 'students/wrong/results.json')) as GradescopeResults;
    assert.deepEqual(
      gs.tests.map((t) => [t.visibility, t.score, t.max_score, t.status]),
      [
        ['visible', 1, 1, 'passed'],
        ['hidden', 0, 2, 'failed'],
        ['hidden', 0, 1, 'failed'],
        ['after_due_date', 0, 1, 'failed'],
      ],
    );
    assert.equal(gs.score, 1);
    assert.match(gs.tests[1]?.output ?? '', new RegExp(`expected: ${SECRETS.hiddenExpected}\nactual: {3}null\nHint: ${SECRETS.hiddenHint}`));
    assert.match(gs.output, /^Labels \(graded, sim engine\)\n\nYour commands:\n\$ docker build -t demo\/app \./);
    assert.doesNotMatch(gs.output, /\d+ \/ \d+/);
  });

  it('--after-due-date shows the after_due_date checks on the pages kept from before, without grading again; hidden ones never', async () => {
    const dir = secretsExercise();
    assert.equal((await grade(['exercise.yaml', 'submissions', '--out', 'out', '-q'], dir)).code, 0);
    const due = await grade(['exercise.yaml', 'submissions', '--out', 'out', '--after-due-date'], dir);
    assert.equal(due.code, 0, due.stderr);
    assert.match(due.stdout, /\(0 graded now, 2 already done\)/);
    const page = read(dir, 'students/wrong/report.html');
    for (const secret of LATER) assert.ok(page.includes(secret), `${secret} is not in the student's page after the due date`);
    for (const secret of HIDDEN) assert.ok(!page.includes(secret), `${secret} is in the student's page`);
    assert.match(page, /<span class="score">1 \/ 2<\/span> points on the checks shown/);
    // and back: a run without the flag withholds them again
    assert.equal((await grade(['exercise.yaml', 'submissions', '--out', 'out', '-q'], dir)).code, 0);
    for (const secret of LATER) assert.ok(!read(dir, 'students/wrong/report.html').includes(secret), secret);
  });

  it('the exercise steps a withheld check reads, by name or through a variable one captured, are withheld with it', async () => {
    const yaml = `name: reads
steps:
  - name: plain
    docker: volume create plain
  - submission: true
  - name: named
    docker: volume create named
  - docker: volume create captured
    capture: { vol: "(.+)" }
checks:
  - volumes: { present: ["\${{ steps.named.stdout }}"] }
    visibility: hidden
  - volumes: { present: ["\${{ vars.vol }}", plain] }
    visibility: after_due_date
`;
    const loaded = loadScenario(Buffer.from(yaml), 'reads.yaml');
    assert.ok(loaded.ok, JSON.stringify(loaded));
    const made = toExercise(loaded.scenario);
    assert.ok(made.ok);
    const submission = { student: 's', path: 's.sh', commandsFile: 's.sh', commands: 'docker volume create mine\n', files: [], problems: [] };
    const g = await gradeSubmission(made.exercise, submission, 's', 'f', { createEngine: simGradingEngine, engineName: 'sim', registry: builtinAssertions() });
    assert.deepEqual(
      g.checks.map((c) => [c.status, c.reads]),
      [
        ['passed', [{ phase: 'steps', index: 2 }]],
        ['passed', [{ phase: 'steps', index: 3 }]],
      ],
    );
    const shown = (afterDueDate: boolean) => studentCopy(g, afterDueDate).grade.steps.map((s) => s.title);
    assert.deepEqual(shown(false), ['docker volume create plain', 'docker volume create mine', '', '']);
    assert.deepEqual(shown(true), ['docker volume create plain', 'docker volume create mine', '', 'docker volume create captured']);
  });

  it('pages missing from a batch run with --no-html are written by the next one', async () => {
    const dir = secretsExercise();
    assert.equal((await grade(['exercise.yaml', 'submissions', '--out', 'out', '--no-html', '-q'], dir)).code, 0);
    assert.throws(() => read(dir, 'students/right/report.html'), /ENOENT/);
    assert.equal((await grade(['exercise.yaml', 'submissions', '--out', 'out', '-q'], dir)).code, 0);
    assert.ok(read(dir, 'students/right/report.html').includes('Hidden check'));
    assert.ok(read(dir, 'students/right/teacher.html').includes(SECRETS.hiddenTitle));
  });
});
