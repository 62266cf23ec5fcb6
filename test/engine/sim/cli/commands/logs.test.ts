// `docker logs -t/--details` on the simulator against what Docker 20.10 (client and engine 20.10.24) printed for the same commands (observed with
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
describe('docker logs', () => {
  it('logs -t stamps each line (RFC3339NanoFixed) and --details adds a space', () => {
    const docker = sim();
    docker('run', '--network', 'none', '--name', 'ddx-l', 'drydock/busybox:1.35', 'sh', '-c', 'echo a; echo b >&2; printf c');
    const [out, err] = docker('logs', '-t', 'ddx-l');
    assert.match(out, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z a\n\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z c$/);
    assert.match(err, /^\S+Z b\n$/);
    assert.deepEqual(docker('logs', '--details', 'ddx-l').slice(0, 2), [' a\n c', ' b\n']);
    assert.match(docker('logs', '-t', '--details', 'ddx-l')[0], /^\S+Z {2}a\n/);
  });
});
