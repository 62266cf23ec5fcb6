// `docker commit --change` on the simulator against what Docker 20.10 (client and engine 20.10.24) printed for the same commands (observed with
// /usr/bin/docker).

import assert from 'node:assert/strict';
import { sim } from './sim-with-context.js';

describe('docker commit --change', () => {
  it('allows only validCommitCommands (HEALTHCHECK yes, STOPSIGNAL no), checking every change first', () => {
    const docker = sim();
    docker('create', '--network', 'none', '--name', 'ddx-c', 'drydock/busybox:1.35', 'true');
    assert.deepEqual(docker('commit', '-c', 'STOPSIGNAL 9', 'ddx-c'), ['', 'Error response from daemon: stopsignal is not a valid change command\n', 1]);
    assert.deepEqual(docker('commit', '-c', 'bogus x', 'ddx-c'), ['', 'Error response from daemon: bogus is not a valid change command\n', 1]);
    assert.deepEqual(docker('commit', '-c', 'bogus', '-c', 'ENV', 'ddx-c'), ['', 'Error response from daemon: bogus is not a valid change command\n', 1]);
    const id = docker('commit', '-c', 'HEALTHCHECK CMD true', 'ddx-c')[0].trim();
    assert.equal(docker('image', 'inspect', '-f', '{{json .Config.Healthcheck}}', id)[0], '{"Test":["CMD-SHELL","true"]}\n');
  });
});
