// `docker run -w/-u` errors on the simulator against what Docker 20.10 (client and engine 20.10.24) printed for the same commands (observed with
// /usr/bin/docker).

import assert from 'node:assert/strict';
import { sim } from './sim-with-context.js';

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
