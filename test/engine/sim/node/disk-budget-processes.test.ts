// The disk budget of a container's writable layer and of a volume counts everything they hold, not only what
// the current `drydock docker` process wrote: each process loads the state afresh, so a budget counted per
// process let a state grow past it by separate commands. Separate processes of the built CLI on one state.
// Budget: about 30 s on an idle machine (two exec processes that save ~400 MiB of state; 2 min under load).

import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const repo = join(fileURLToPath(import.meta.url), '..', '..', '..', '..', '..');
const cli = join(repo, 'bin', 'drydock.js');

describe('drydock docker: the disk budget spans processes', function () {
  this.timeout(600_000);
  let state: string;
  before(function () {
    if (!existsSync(join(repo, 'dist', 'bundle', 'drydock.js'))) {
      console.log('      the CLI is not built (dist/bundle/drydock.js missing; run npm run build): skipping');
      this.skip();
    }
    state = mkdtempSync(join(tmpdir(), 'drydock-disk-'));
  });
  after(() => rmSync(state, { recursive: true, force: true }));

  const docker = async (...argv: string[]) => {
    const { stdout } = await run(process.execPath, [cli, 'docker', ...argv], { env: { ...process.env, DRYDOCK_STATE: state }, maxBuffer: 1 << 24 });
    return stdout;
  };
  // 50 MiB files into the layer (/x) and the volume (/v/x); says which did not fit
  const fill = (names: string) =>
    `for x in ${names}; do dd if=/dev/zero of=/$x bs=1M count=50 2>/dev/null || echo "$x: full"; dd if=/dev/zero of=/v/$x bs=1M count=50 2>/dev/null || echo "v/$x: full"; done`;

  it('a layer and a volume filled to 200 MiB by one process take 50 MiB more in the next, not 100', async () => {
    await docker('run', '-d', '--name', 'c1', '-v', 'data:/v', 'drydock/busybox:1.35', 'sleep', '100000');
    assert.equal(await docker('exec', 'c1', 'sh', '-c', fill('a b c d')), '');
    assert.equal(await docker('exec', 'c1', 'sh', '-c', fill('e f')), 'f: full\nv/f: full\n');
  });
});
