// The progress bar of grade and run: what it says, that it only appears on a terminal, and that the lines a
// reporter prints are never torn by it.

import assert from 'node:assert/strict';
import { gradeCommand } from '../../src/cli/grade-command.js';
import { main } from '../../src/cli/main.js';
import { formatLeft, ProgressBar, progressText } from '../../src/cli/progress-bar.js';
import { PASSING, FAILING, writeFolder } from './helpers.js';

describe('progress bar', () => {
  it('says done, failed and the time left at the pace of this run', () => {
    assert.equal(progressText({ done: 5, total: 10, failed: 1, elapsedMs: 5000 }, 10), '[#####-----] 5/10 done, 1 failed, about 5s left');
    assert.equal(progressText({ done: 6, total: 10, failed: 0, reused: 4, elapsedMs: 4000 }, 10), '[######----] 6/10 done, 0 failed (4 already done), about 8s left');
    assert.equal(progressText({ done: 0, total: 3, failed: 0, elapsedMs: 0 }, 3), '[---] 0/3 done, 0 failed, estimating time left');
    assert.equal(progressText({ done: 3, total: 3, failed: 0, elapsedMs: 9 }, 3), '[###] 3/3 done, 0 failed, done');
    assert.equal(formatLeft(125_000), '2m05s');
  });

  it('clears itself before a wrapped write and draws again after', () => {
    let screen = '';
    const bar = new ProgressBar((t) => void (screen += t));
    const out = bar.wrap((t) => void (screen += t));
    bar.update({ done: 1, total: 2, failed: 0 });
    out('a line\n');
    const parts = screen.split('\r\x1b[K');
    assert.equal(parts.length, 4, JSON.stringify(screen));
    assert.match(parts[1] as string, /^\[/);
    assert.equal(parts[2], 'a line\n');
    assert.match(parts[3] as string, /1\/2 done/);
  });

  async function run(argv: string[], cwd: string, isTTY: boolean): Promise<{ stdout: string; stderr: string }> {
    let stdout = '';
    let stderr = '';
    await main(argv, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), isTTY, cwd, env: { NO_COLOR: '1' } });
    return { stdout, stderr };
  }

  it('drydock run: a bar on a terminal, plain lines elsewhere', async function () {
    this.timeout(30_000);
    const dir = writeFolder({ 'a.yaml': PASSING, 'b.yaml': FAILING });
    const tty = await run(['run', '.'], dir, true);
    assert.match(tty.stderr, /2\/2 done, 1 failed, done/);
    assert.match(tty.stdout, /✓ passing/);
    const plain = await run(['run', '.'], dir, false);
    assert.equal(plain.stderr, '');
    assert.equal(plain.stdout.replace(/\d+ms|\d+\.\d+s/g, 'T'), tty.stdout.replace(/\d+ms|\d+\.\d+s/g, 'T'));
  });

  it('drydock grade: a bar instead of lines on a terminal', async function () {
    this.timeout(60_000);
    const dir = writeFolder({ 's1/commands.sh': 'docker run -dit --name web -e GREETING=hello ubuntu\n', 's2/commands.sh': 'docker ps\n' });
    await run(['init', 'exercise', 'ex'], dir, false);
    let stdout = '';
    let stderr = '';
    await gradeCommand(['ex/exercise.yaml', 's1', 's2', '--no-html', '--out', 'out'], { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), isTTY: true, cwd: dir, env: {} });
    assert.match(stderr, /2\/2 done, 0 failed, done/);
    assert.doesNotMatch(stdout, /✓ s1/);
  });
});
