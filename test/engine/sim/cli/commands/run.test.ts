// `docker run -w/-u` errors on the simulator against what Docker 20.10 (client and engine 20.10.24) printed for the same commands (observed with
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
describe('docker run', () => {
  it('run -w needs an absolute path; an unknown -u user is the daemon`s own error (125)', () => {
    const docker = sim();
    assert.deepEqual(docker('run', '--network', 'none', '-w', 'rel', 'drydock/busybox:1.35', 'pwd'), [
      '',
      "docker: Error response from daemon: the working directory 'rel' is invalid, it needs to be an absolute path.\nSee 'docker run --help'.\n",
      125,
    ]);
    const [out, err, code] = docker('run', '--network', 'none', '--name', 'ddx-r', '-u', 'nosuch', 'drydock/busybox:1.35', 'id');
    assert.deepEqual([out, code], ['', 125]);
    // the client then logs the wait it gave up (on 20.10 this line is a race; it came every time here)
    assert.match(String(err), /^docker: Error response from daemon: unable to find user nosuch: no matching entries in passwd file\.\ntime="[^"]+" level=error msg="error waiting for container: context canceled"\n$/);
    // the container stays created, with the daemon's 128 and the error
    assert.deepEqual(docker('inspect', '-f', '{{.State.Status}} {{.State.ExitCode}} {{.State.Error}}', 'ddx-r'), ['created 128 unable to find user nosuch: no matching entries in passwd file\n', '', 0]);
    docker('create', '--network', 'none', '--name', 'ddx-u', '-u', 'nosuch', 'drydock/busybox:1.35', 'id');
    assert.deepEqual(docker('start', 'ddx-u'), ['', 'Error response from daemon: unable to find user nosuch: no matching entries in passwd file\nError: failed to start containers: ddx-u\n', 1]);
  });
});
