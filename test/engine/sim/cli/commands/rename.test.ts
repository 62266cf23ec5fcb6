// `docker rename`'s errors on the simulator against what Docker 20.10 (client and engine 20.10.24) printed for the same commands (observed with
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
describe('docker rename', () => {
  it('rename: empty names are the client`s error; invalid ones are shown with the daemon`s "/"', () => {
    const docker = sim();
    docker('create', '--network', 'none', '--name', 'ddx-r', 'drydock/busybox:1.35', 'true');
    assert.deepEqual(docker('rename', 'ddx-r', ''), ['', 'Error: Neither old nor new names may be empty\n', 1]);
    assert.deepEqual(docker('rename', 'ddx-r', 'bad name'), [
      '',
      'Error response from daemon: Error when allocating new name: Invalid container name (/bad name), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed\nError: failed to rename container named ddx-r\n',
      1,
    ]);
    assert.deepEqual(docker('rename', ' ddx-r ', ' ddx-r2 '), ['', '', 0]);
  });
});
