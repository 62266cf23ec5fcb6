// create/run --hostname, --stop-signal and --stop-timeout, which the simulator ignored or refused: the
// hostname is the container's (hostname, /etc/hostname; not in /etc/hosts with --network none), the stop
// settings land in Config, and an unknown stop signal is refused before the image lookup. Observed with
// Docker 20.10.24 (moby's TestCreateHostnameWithNumber, TestCreateStopSignal, TestCreateStopTimeout).

import assert from 'node:assert/strict';
import { TreeBackend } from '../../../../src/engine/sim/fs/tree-backend.js';
import { createSimEngine } from '../../../../src/engine/sim/node/create-sim-engine.js';

describe('moby fixes: create --hostname, --stop-signal, --stop-timeout', () => {
  const e = createSimEngine({ host: new TreeBackend(), cwd: '/' });
  const run = (...argv: string[]) => {
    const r = e.dockerSync(argv);
    return [r.stdout, r.stderr, r.exitCode] as const;
  };

  it('gives the container the hostname', () => {
    assert.deepEqual(run('run', '--network', 'none', '--name', 'h1', '-h', 'web.0', 'drydock/busybox:1.35', 'sh', '-c', 'hostname; cat /etc/hostname; grep -c web /etc/hosts'), ['web.0\nweb.0\n0\n', '', 1]);
    assert.equal(run('inspect', '-f', '{{.Config.Hostname}}|{{.Config.Domainname}}', 'h1')[0], 'web.0|\n');
  });

  it('keeps the stop settings in Config', () => {
    run('create', '--name', 's1', '--stop-signal', 'sigterm', '--stop-timeout', '-1', 'drydock/busybox:1.35', 'true');
    assert.equal(run('inspect', '-f', '{{json .Config.StopSignal}} {{json .Config.StopTimeout}}', 's1')[0], '"sigterm" -1\n');
    run('create', '--name', 's2', 'drydock/busybox:1.35', 'true');
    assert.equal(run('inspect', '-f', '{{json .Config.StopTimeout}}', 's2')[0], 'null\n');
  });

  it('refuses an unknown stop signal before looking for the image', () => {
    assert.deepEqual(run('create', '--name', 's3', '--stop-signal', 'bogus', 'nosuch'), ['', 'Error response from daemon: Invalid signal: bogus\n', 1]);
    assert.equal(run('run', '--name', 's4', '--stop-signal', 'bogus', 'nosuch')[2], 125);
  });
});
