// `docker inspect --type` on the simulator against what Docker 20.10 (client and engine 20.10.24) printed for the same commands (observed with
// /usr/bin/docker).

import assert from 'node:assert/strict';
import { TreeBackend } from '../../../../../src/engine/sim/fs/tree-backend.js';
import { createSimEngine } from '../../../../../src/engine/sim/node/create-sim-engine.js';

const dir = { kind: 'dir' as const, opaque: false, mode: 0o755, uid: 0, gid: 0, mtime: 0 };
const text = (s: string) => ({ kind: 'file' as const, data: new TextEncoder().encode(s), mode: 0o644, uid: 0, gid: 0, mtime: 0 });
function sim(files: Record<string, string> = {}) {
  const host = new TreeBackend();
  host.put('/ctx', dir);
  for (const [name, body] of Object.entries(files)) host.put(`/ctx/${name}`, text(body));
  const e = createSimEngine({ host, cwd: '/ctx' });
  return (...argv: string[]) => {
    const r = e.dockerSync(argv);
    return [r.stdout, r.stderr, r.exitCode] as const;
  };
}
describe('docker inspect', () => {
  it('inspect --type takes only the client`s types', () => {
    const docker = sim();
    assert.deepEqual(docker('inspect', '--type', 'bogus', 'x'), ['', '"bogus" is not a valid value for --type\n', 1]);
    assert.deepEqual(docker('inspect', '--type', 'network', 'x'), ['[]\n', 'Error: No such network: x\n', 1]);
  });
});
