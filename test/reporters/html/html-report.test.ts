import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SubmissionGrade } from '../../../src/grading/grade-result.js';
import { createReporters } from '../../../src/reporters/create-reporters.js';
import { CSP, SCRIPT } from '../../../src/reporters/html/assets.js';
import { renderClassSummary, renderRunPage, renderStudentPage } from '../../../src/reporters/html/render.js';
import { diffView } from '../../../src/reporters/html/view-parts.js';
import { SAMPLE_RUN } from '../sample-run.js';

const EVIL = `<script>alert('pwned')</script><img src=x onerror=alert(1)>"'&`;

/** A grade whose every student-controlled text is markup. */
export function evilGrade(): SubmissionGrade {
  const loc = { file: 'submissions/<b>eve</b>/commands.sh', line: 2, col: 1 };
  return {
    format: 2,
    student: '<b>eve</b>',
    id: 'b_eve_b',
    submission: 'submissions/<b>eve</b>',
    exercise: { file: 'ex.yaml', name: 'ex', title: 'Exercise <i>1</i>' },
    engine: 'sim',
    startedAt: '2024-01-01T00:00:00.000Z',
    durationMs: 12,
    status: 'graded',
    score: 1,
    maxScore: 3,
    steps: [
      { phase: 'steps', index: 0, kind: 'docker', title: `docker run x echo "${EVIL}"`, command: ['run', 'x', 'echo', EVIL], status: 'passed', exitCode: 0, stdout: `${EVIL}\n\u001b[31mred\u001b[0m\n`, stderr: EVIL, durationMs: 1, failures: [], location: loc, origin: 'submission' },
    ],
    checks: [
      { index: 0, kind: 'file', title: 'a passing check', status: 'passed', failures: [], durationMs: 1, location: { file: 'ex.yaml', line: 9, col: 5 }, points: 1, earned: 1, visibility: 'visible' },
      {
        index: 1,
        kind: 'file',
        title: `content of ${EVIL}`,
        status: 'failed',
        failures: [{ message: `content differs ${EVIL}`, expected: 'line 1\nline 2\nline 3\n', actual: `line 1\n${EVIL}\nline 3\n` }],
        durationMs: 1,
        location: { file: 'ex.yaml', line: 12, col: 5 },
        points: 2,
        earned: 0,
        visibility: 'hidden',
        hint: `use ${EVIL}`,
      },
    ],
    problems: [{ location: loc, message: `not a docker command: \`${EVIL}\`` }],
    fingerprint: 'x',
  };
}

describe('html reports', () => {
  it('escape everything a submission printed or named: markup only shows as text', () => {
    const html = renderStudentPage(evilGrade(), { audience: 'teacher', summaryHref: '../../index.html' }) + renderClassSummary([evilGrade()], () => 'students/b_eve_b/teacher.html');
    assert.ok(!html.includes('<script>alert'), 'a <script> from the submission is in the page');
    assert.ok(!html.includes('<img src=x'));
    assert.ok(!html.includes('<b>eve</b>'));
    assert.ok(!html.includes('<i>1</i>'));
    assert.ok(html.includes('&lt;script&gt;alert(&#x27;pwned&#x27;)&lt;/script&gt;'));
    assert.ok(!html.includes('\u001b'), 'terminal escape sequences are removed');
    // the only scripts are drydock's own, allowed by hash
    assert.equal(html.match(/<script>/g)?.length, 2);
    const student = renderStudentPage(evilGrade(), { audience: 'student', afterDueDate: false });
    assert.ok(!student.includes('<script>alert') && !student.includes('<b>eve</b>') && student.includes('&lt;b&gt;eve&lt;/b&gt;'));
    assert.ok(html.includes(`<script>${SCRIPT}</script>`));
  });

  it('are self-contained: a CSP that allows nothing from outside, and no URL to fetch', () => {
    const pages = [
      renderStudentPage(evilGrade(), { audience: 'student', afterDueDate: false }),
      renderStudentPage(evilGrade(), { audience: 'teacher' }),
      renderClassSummary([evilGrade()], () => 'a.html'),
      renderRunPage(SAMPLE_RUN),
    ];
    for (const html of pages) {
      assert.ok(html.includes(`<meta http-equiv="Content-Security-Policy" content="${CSP}">`));
      assert.doesNotMatch(html, /(src|href)="(https?:)?\/\//);
      assert.doesNotMatch(html, /@import|url\(/);
    }
    assert.match(CSP, /^default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-[A-Za-z0-9+/]+=*'/);
  });

  it("the teacher's page shows points, hints, visibility and a coloured diff of expected and actual", () => {
    const html = renderStudentPage(evilGrade(), { audience: 'teacher', summaryHref: '../../index.html', studentHref: 'report.html' });
    assert.match(html, /<span class="pts">0 \/ 2 pts<\/span> <span class="badge vis">hidden from students<\/span>/);
    assert.match(html, /<div class="hint"><b>Hint:<\/b> use &lt;script&gt;/);
    assert.match(html, /<div class="del">− line 2<\/div><div class="add">\+ &lt;script&gt;/);
    assert.match(html, /<span class="score">1 \/ 3<\/span>/);
    assert.match(html, /<div class="group mine">Your commands<\/div>/);
    assert.match(html, /<a href="\.\.\/\.\.\/index\.html">Class summary<\/a>/);
    assert.match(html, /Teacher's view: .*<a href="report\.html">report\.html<\/a>/);
    assert.deepEqual(diffView('a', 'b'), undefined);
  });

  it('the run reporter writes index.html with every scenario, registered as `html`', () => {
    const dir = mkdtempSync(join(tmpdir(), 'drydock-html-'));
    const [reporter] = createReporters(['html'], { outDir: dir, write: () => {}, isTTY: false, env: {} });
    void reporter?.onEnd?.(SAMPLE_RUN);
    const html = readFileSync(join(dir, 'index.html'), 'utf8');
    assert.match(html, /<title>drydock: 1 of 4 scenarios passed<\/title>/);
    assert.equal(html.match(/<div class="section /g)?.length, 4);
    assert.match(html, /networks &lt;need&gt; &quot;the real engine&quot;/);
    assert.match(html, /<div class="del">− c.txt<\/div><div class="add">\+ b.txt<\/div>/);
  });
});
