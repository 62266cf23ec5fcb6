import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gradeCommand } from '../../src/cli/grade-command.js';
import { progressText } from '../../src/cli/progress-bar.js';
import type { CliIo } from '../../src/cli/io.js';
import { demoCopy } from '../grading/helpers.js';

async function grade(argv: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), isTTY: false, cwd, env: {} };
  const code = await gradeCommand(argv, io);
  return { code, stdout, stderr };
}

describe('drydock grade', () => {
  it('grades a folder of submissions into --out, one line each, and exits 0', async () => {
    const dir = demoCopy();
    const r = await grade(['exercise.yaml', 'submissions', '--out', 'grades'], dir);
    assert.equal(r.code, 0, r.stderr);
    // graded in worker threads, one line each as it finishes (in any order)
    const lines = r.stdout.split('\n');
    assert.deepEqual(lines.slice(0, 3).sort(), ['✓ alice: 6 / 6', '✓ bob: 3 / 6', '✓ carol: 0 / 6']);
    assert.match(lines[3] ?? '', /^drydock grade: 3 submissions \(3 graded now, 0 already done\) in [\d.]+s; mean 3 \/ 6$/);
    for (const f of ['grades.csv', 'junit.xml', 'index.html', 'students/bob/results.json', 'students/bob/report.html']) assert.ok(existsSync(join(dir, 'grades', f)), f);
    const again = await grade(['exercise.yaml', 'submissions', '--out', 'grades', '-q'], dir);
    assert.deepEqual([again.code, again.stdout], [0, '']);
    assert.match(readFileSync(join(dir, 'grades', 'grades.csv'), 'utf8'), /^student,/);
  });

  it('exit 2 for bad usage, a missing submission, or a scenario that is not an exercise', async () => {
    const dir = demoCopy();
    assert.equal((await grade(['exercise.yaml'], dir)).code, 2);
    assert.equal((await grade(['exercise.yaml', 'x', '--engine', 'podman'], dir)).code, 2);
    const missing = await grade(['exercise.yaml', 'nobody'], dir);
    assert.deepEqual([missing.code, missing.stderr], [2, 'drydock grade: nobody: no such submission (a folder with commands.sh, or a .sh file)\n']);
    const notEx = await grade(['submissions/alice/Dockerfile', 'submissions'], dir);
    assert.equal(notEx.code, 2);
    assert.match(notEx.stderr, /Dockerfile:1:1: /);
  });

  it('draws a progress bar', () => {
    assert.equal(progressText({ done: 5, total: 10, failed: 0, reused: 2, elapsedMs: 3000 }, 10), '[#####-----] 5/10 done, 0 failed (2 already done), about 5s left');
  });
});
