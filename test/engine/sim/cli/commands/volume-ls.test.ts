// `docker volume ls` filters and fields on the simulator against what Docker 20.10 (client and engine 20.10.24) printed for the same commands (observed with
// /usr/bin/docker).

import assert from 'node:assert/strict';
import { TreeBackend } from '../../../../../src/engine/sim/fs/tree-backend.js';
import { createSimEngine } from '../../../../../src/engine/sim/node/create-sim-engine.js';

const sim = () => createSimEngine({ host: new TreeBackend(), cwd: '/' });
const run = (e: ReturnType<typeof sim>, ...argv: string[]) => {
  const r = e.dockerSync(argv);
  return [r.stdout, r.stderr, r.exitCode] as const;
};

describe('docker volume ls', () => {
  it('filters by label, refuses unknown filters, and has the Label method', () => {
    const e = sim();
    run(e, 'volume', 'create', 'ddx-xv1');
    run(e, 'volume', 'create', '--label', 'a=b', '--label', 'c', 'ddx-xv2');
    assert.equal(run(e, 'volume', 'ls', '-f', 'label=a', '-q')[0], 'ddx-xv2\n');
    assert.equal(run(e, 'volume', 'ls', '-f', 'label=a=b', '-f', 'name=ddx-xv', '-q')[0], 'ddx-xv2\n');
    assert.equal(run(e, 'volume', 'ls', '-f', 'dangling=1', '-q')[0], 'ddx-xv1\nddx-xv2\n');
    assert.deepEqual(run(e, 'volume', 'ls', '-f', 'dangling=maybe'), ['', "Error response from daemon: Invalid filter 'dangling=[maybe]'\n", 1]);
    assert.deepEqual(run(e, 'volume', 'ls', '-f', 'bogus=1'), ['', "Error response from daemon: Invalid filter 'bogus'\n", 1]);
    assert.equal(run(e, 'volume', 'ls', '--format', '{{.Name}}|{{.Labels}}|{{.Label "a"}}')[0], 'ddx-xv1||\nddx-xv2|a=b,c=|b\n');
  });
});
