// The student's page withholds what the student may not see: nothing of a hidden check (nor of an
// after_due_date one before the due date) is anywhere in its HTML source, and the page does not change with how
// a withheld check went. The teacher's page shows everything.

import assert from 'node:assert/strict';
import type { GradedCheck, SubmissionGrade } from '../../../src/grading/grade-result.js';
import { renderStudentPage } from '../../../src/reporters/html/render.js';

const LOC = { file: 'exercise.yaml', line: 12, col: 5 };

/** Words that only the withheld checks and the step they read hold. */
const SECRETS = ['zanzibar', 'quetzalcoatl', 'gribblefrotz', 'xyzzy-probe', 'probe-output', 'marmalade', 'pumpernickel', 'inspect'];

function check(over: Partial<GradedCheck> & Pick<GradedCheck, 'index' | 'title'>): GradedCheck {
  return { kind: 'images', status: 'passed', failures: [], durationMs: 1, location: LOC, points: 1, earned: 1, visibility: 'visible', ...over };
}

/** A grade with a visible check, a hidden one (failed or passed) that reads the exercise step `probe`, and an after_due_date one. */
function grade(hiddenPassed: boolean): SubmissionGrade {
  const hidden = hiddenPassed
    ? check({ index: 1, kind: 'inspect', title: 'zanzibar label', location: { ...LOC, line: 20 }, points: 2, earned: 2, visibility: 'hidden', hint: 'gribblefrotz', durationMs: 3, reads: [{ phase: 'steps', index: 1 }] })
    : check({
        index: 1,
        kind: 'inspect',
        title: 'zanzibar label',
        location: { ...LOC, line: 20 },
        status: 'failed',
        failures: [{ message: 'Config.Labels.flavour differs', expected: 'quetzalcoatl', actual: null }],
        points: 2,
        earned: 0,
        visibility: 'hidden',
        hint: 'gribblefrotz',
        durationMs: 7,
        reads: [{ phase: 'steps', index: 1 }],
      });
  return {
    format: 2,
    student: 'dora',
    id: 'dora',
    submission: 'submissions/dora',
    exercise: { file: 'exercise.yaml', name: 'labels', title: 'Labels' },
    engine: 'sim',
    startedAt: '2024-01-01T00:00:00.000Z',
    durationMs: 40,
    status: 'graded',
    score: hiddenPassed ? 3 : 1,
    maxScore: 4,
    steps: [
      { phase: 'steps', index: 0, kind: 'docker', title: 'docker build -t demo/app .', command: ['build', '-t', 'demo/app', '.'], status: 'passed', exitCode: 0, stdout: 'built\n', stderr: '', durationMs: 2, failures: [], location: { file: 'submissions/dora/commands.sh', line: 1, col: 1 }, origin: 'submission' },
      {
        phase: 'steps',
        index: 1,
        kind: 'docker',
        name: 'probe',
        title: 'docker run --rm demo/app cat /xyzzy-probe',
        command: ['run', '--rm', 'demo/app', 'cat', '/xyzzy-probe'],
        status: hiddenPassed ? 'passed' : 'failed',
        exitCode: hiddenPassed ? 0 : 1,
        stdout: hiddenPassed ? 'probe-output\n' : '',
        stderr: hiddenPassed ? '' : "cat: can't open '/xyzzy-probe'\n",
        durationMs: hiddenPassed ? 2 : 5,
        failures: hiddenPassed ? [] : [{ message: 'exit code 1, expected 0' }],
        location: { file: 'exercise.yaml', line: 9, col: 5 },
        origin: 'exercise',
      },
    ],
    checks: [
      check({ index: 0, title: 'the image demo/app exists', hint: 'build it' }),
      hidden,
      check({ index: 2, kind: 'file', title: 'marmalade file', location: { ...LOC, line: 25 }, status: 'failed', failures: [{ message: '/motd.txt does not exist', expected: 'a file', actual: 'absent' }], earned: 0, visibility: 'after_due_date', hint: 'pumpernickel' }),
    ],
    problems: [],
    fingerprint: 'x',
  };
}

const student = (g: SubmissionGrade, afterDueDate = false) => renderStudentPage(g, { audience: 'student', afterDueDate });

describe("a student's page", () => {
  it('has nothing of a hidden check or the step it reads in its source; the teacher\'s page has it all', () => {
    const html = student(grade(false)).toLowerCase();
    for (const secret of SECRETS) assert.ok(!html.includes(secret), `${secret} is in the student's page`);
    // neither its position in the exercise file nor a link to the teacher's pages
    assert.ok(!html.includes('exercise.yaml:20') && !html.includes('exercise.yaml:25') && !html.includes('exercise.yaml:9'));
    assert.doesNotMatch(html, /href=/);
    // placeholders instead, and the student's own commands and the visible check as they are
    assert.match(html, /<span class="badge vis">hidden<\/span><span class="title">hidden check<\/span><span class="pts">2 pts<\/span>/);
    assert.match(html, /<span class="title">check shown after the due date<\/span><span class="pts">1 pts<\/span>/);
    assert.match(html, /<div class="step withheld ok"><div class="note">a step of the exercise: not shown<\/div><\/div>/);
    assert.ok(html.includes('docker build -t demo/app .') && html.includes('the image demo/app exists'));
    const teacher = [false, true].map((passed) => renderStudentPage(grade(passed), { audience: 'teacher' })).join('').toLowerCase();
    for (const secret of SECRETS) assert.ok(teacher.includes(secret), `${secret} is not in the teacher's page`);
  });

  it('is the same page whether a withheld check passed or failed, and its score counts only the checks shown', () => {
    const failed = student(grade(false));
    assert.equal(student(grade(true)), failed);
    assert.notEqual(renderStudentPage(grade(true), { audience: 'teacher' }), renderStudentPage(grade(false), { audience: 'teacher' }));
    // 1 of the visible check's 1 point; 3 points withheld of the exercise's 4
    assert.match(failed, /<span class="score">1 \/ 1<\/span> points on the checks shown \(100%\)/);
    assert.match(failed, /<b>1 \/ 1<\/b>checks passed/);
    assert.match(failed, /<b>2<\/b>checks not shown \(3 points\)/);
    assert.match(failed, /1 hidden check is graded but never shown here; 1 check is shown once the due date has passed\. The score above counts only the checks shown; your final score, out of 4, counts every check\./);
  });

  it('shows the after_due_date checks once the due date has passed, never the hidden ones', () => {
    const html = student(grade(false), true);
    assert.ok(html.includes('marmalade file') && html.includes('pumpernickel') && html.includes('shown since the due date'));
    for (const secret of ['zanzibar', 'quetzalcoatl', 'gribblefrotz', 'xyzzy-probe']) assert.ok(!html.includes(secret), secret);
    assert.match(html, /<span class="score">1 \/ 2<\/span> points on the checks shown \(50%\)/);
    assert.match(html, /1 hidden check is graded but never shown here\. /);
    assert.equal(student(grade(true), true), html);
  });

  it('with nothing withheld: the whole score, as before', () => {
    const g = grade(false);
    g.checks = g.checks.map((c) => ({ ...c, visibility: 'visible' }));
    const html = student(g);
    assert.match(html, /<span class="score">1 \/ 4<\/span> points \(25%\)/);
    assert.ok(html.includes('quetzalcoatl') && html.includes('xyzzy-probe'));
    assert.ok(!html.includes('not shown'));
  });
});
