// `docker rename`'s errors on the simulator against what Docker 20.10 (client and engine 20.10.24) printed for the same commands (observed with
// /usr/bin/docker).

import assert from 'node:assert/strict';
import { sim } from './sim-with-context.js';

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
