import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DockerEngine } from '../../../src/engine/docker/docker-engine.js';
import { runHostScript } from '../../../src/engine/docker/host-shell.js';

describe('host scripts on a real engine', () => {
  it('run in the given folder with stdin, and keep output and exit code', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'drydock-hs-'));
    try {
      const result = await runHostScript('pwd; cat; echo oops >&2; exit 3', dir, { stdin: 'in\n' });
      assert.deepEqual(result, { exitCode: 3, stdout: `${realpathSync(dir)}\nin\n`, stderr: 'oops\n' });
      const slow = await runHostScript('exec sleep 5', dir, { timeoutMs: 200 });
      assert.equal(slow.exitCode, 124);
      assert.match(slow.stderr, /host script timed out after 200 ms/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('get a scratch folder per engine that dispose() removes', async () => {
    // a client that cannot reach anything: dispose then only has the folder to remove
    const engine = new DockerEngine({ host: 'unix:///nonexistent/docker.sock' });
    const made = await engine.host('mkdir -p data && echo x > data/f && pwd');
    assert.equal(made.exitCode, 0, made.stderr);
    const dir = made.stdout.trim();
    assert.match(dir, new RegExp(`drydock-host-${engine.runId}-`));
    assert.equal((await engine.stat({ kind: 'host' }, join(dir, 'data/f')))?.size, 2);
    await engine.dispose();
    assert.ok(!existsSync(dir));
  });
});
