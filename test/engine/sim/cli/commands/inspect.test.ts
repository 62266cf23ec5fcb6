// `docker inspect --type` on the simulator against what Docker 20.10 (client and engine 20.10.24) printed for the same commands (observed with
// /usr/bin/docker).

import assert from 'node:assert/strict';
import { sim } from './sim-with-context.js';

describe('docker inspect', () => {
  it('inspect --type takes only the client`s types', () => {
    const docker = sim();
    assert.deepEqual(docker('inspect', '--type', 'bogus', 'x'), ['', '"bogus" is not a valid value for --type\n', 1]);
    assert.deepEqual(docker('inspect', '--type', 'network', 'x'), ['[]\n', 'Error: No such network: x\n', 1]);
  });
});
