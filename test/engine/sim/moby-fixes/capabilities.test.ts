// --cap-add/--cap-drop/--privileged: unknown names refused as the daemon refuses them, and the sets a
// container's processes hold shown in /proc/PID/status as 20.10's TweakCapabilities makes them (root holds the
// bounding set, another user none of it). Observed with Docker 20.10.24 (moby's TestRunCapAddSYSTIME, probes).

import assert from 'node:assert/strict';
import { capabilityMask } from '../../../../src/engine/sim/container/capabilities.js';
import { TreeBackend } from '../../../../src/engine/sim/fs/tree-backend.js';
import { createSimEngine } from '../../../../src/engine/sim/node/create-sim-engine.js';

describe('moby fixes: capabilities', () => {
  const e = createSimEngine({ host: new TreeBackend(), cwd: '/' });
  const run = (...argv: string[]) => {
    const r = e.dockerSync(argv);
    return [r.stdout, r.stderr, r.exitCode] as const;
  };
  const img = 'drydock/busybox:1.35';
  const caps = (...flags: string[]) => run('run', '--rm', ...flags, img, 'grep', 'Cap', '/proc/self/status')[0];

  it('shows the default set, a tweaked one, and a non-root user\'s empty one', () => {
    assert.equal(caps(), 'CapInh:\t0000000000000000\nCapPrm:\t00000000a80425fb\nCapEff:\t00000000a80425fb\nCapBnd:\t00000000a80425fb\nCapAmb:\t0000000000000000\n');
    assert.match(caps('--cap-drop=ALL', '--cap-add=sys_time'), /CapEff:\t0000000002000000\n/);
    assert.equal(caps('-u', '1000', '--cap-add', 'chown', '--cap-drop', 'all'), 'CapInh:\t0000000000000000\nCapPrm:\t0000000000000000\nCapEff:\t0000000000000000\nCapBnd:\t0000000000000001\nCapAmb:\t0000000000000000\n');
  });

  it('gives ALL and --privileged every capability up to CAP_AUDIT_READ', () => {
    assert.equal(capabilityMask({ capAdd: ['ALL'], capDrop: ['CAP_CHOWN'], privileged: false }), (1n << 38n) - 2n);
    assert.equal(capabilityMask({ capAdd: null, capDrop: ['ALL'], privileged: true }), (1n << 38n) - 1n);
  });

  it('refuses an unknown name as the daemon does, add first', () => {
    assert.deepEqual(run('create', '--cap-drop', 'nope', '--cap-add', 'bogus', img), ['', 'Error response from daemon: invalid CapAdd: unknown capability: "CAP_BOGUS"\n', 1]);
    assert.equal(run('create', '--cap-drop', 'perfmon', img)[1], 'Error response from daemon: invalid CapDrop: unknown capability: "CAP_PERFMON"\n');
  });
});
