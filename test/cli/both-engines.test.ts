// Issue 4's CI rule: every scenario in scenarios/ runs on the simulator and on the real engine, and every step
// and check must be identical on both. A difference is a simulator bug to fix, never a reason to loosen this.

import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { requireDocker } from '../engine/docker/require-docker.js';

const run = promisify(execFile);
const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

describe('drydock run scenarios --engine both', function () {
  this.timeout(1_200_000);

  it('gives identical results on the simulator and the real engine for every scenario', async function () {
    await requireDocker(this);
    const bin = join(repo, 'bin', 'drydock.js');
    if (!existsSync(join(repo, 'dist', 'cli', 'main.js'))) {
      console.log('      dist/ is not built (npm run build): skipping');
      this.skip();
    }
    const { stdout, code } = await run(process.execPath, [bin, 'run', 'scenarios', '--engine', 'both', '--jobs', '2'], {
      cwd: repo,
      maxBuffer: 64 * 1024 * 1024,
    }).then(
      (r) => ({ stdout: r.stdout, code: 0 }),
      (error: { code: number; stdout: string }) => ({ stdout: error.stdout, code: error.code }),
    );
    const fidelity = /fidelity: (\d+)\/(\d+) steps and checks identical/.exec(stdout);
    assert.ok(fidelity, `no fidelity line in:\n${stdout.slice(-3000)}`);
    assert.equal(fidelity[1], fidelity[2], `differences between the engines:\n${stdout.slice(stdout.lastIndexOf('\n  1) ')).slice(0, 6000)}`);
    assert.equal(code, 0, stdout.slice(-3000));
  });
});
