// `docker logs -t/--details` on the simulator against what Docker 20.10 (client and engine 20.10.24) printed for the same commands (observed with
// /usr/bin/docker).

import assert from 'node:assert/strict';
import { sim } from './sim-with-context.js';

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
