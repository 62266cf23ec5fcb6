import assert from 'node:assert/strict';
import { TreeBackend } from '../../../../src/engine/sim/fs/tree-backend.js';
import { createSimEngine } from '../../../../src/engine/sim/node/create-sim-engine.js';

// --tmpfs and the UTS names, held to what 20.10 printed for the same commands (recorded on 20.10 with mobybox, the
// moby corpus's busybox): a fresh tmpfs at each start, its mode and owner options, `ro`, HostConfig.Tmpfs and no
// mount point in .Mounts, "A /run" in docker diff; /proc/sys/kernel/domainname "(none)" unless --domainname.

const B = 'drydock/busybox:1.35';

describe('simulator: --tmpfs mounts and /proc/sys/kernel (UTS names)', () => {
  const engine = () => createSimEngine({ host: new TreeBackend(), cwd: '/' });

  it('mounts an empty tmpfs at each start, with its mode and owner options', () => {
    const e = engine();
    assert.equal(e.dockerSync(['run', '--rm', '--name', 'p3', '--tmpfs', '/run', B, 'stat', '-c', '%a %u %g', '/run']).stdout, '1777 0 0\n');
    assert.equal(e.dockerSync(['run', '--rm', '--name', 'p4', '--tmpfs', '/run:mode=700,uid=5', B, 'stat', '-c', '%a %u %g', '/run']).stdout, '700 5 0\n');
    assert.equal(e.dockerSync(['run', '--name', 'p7', '--tmpfs', '/tmp', B, 'sh', '-c', 'ls -a /tmp; touch /tmp/y']).stdout, '.\n..\n');
    assert.equal(e.dockerSync(['start', '-a', 'p7']).stdout, '.\n..\n');
    assert.equal(e.dockerSync(['inspect', '-f', '{{json .HostConfig.Tmpfs}} {{len .Mounts}}', 'p7']).stdout, '{"/tmp":""} 0\n');
    // the image has no /run: runc makes the mount point in the container's layer
    assert.equal(e.dockerSync(['run', '--name', 'p5', '--tmpfs', '/run', B, 'true']).exitCode, 0);
    assert.equal(e.dockerSync(['diff', 'p5']).stdout, 'A /run\n');
  });

  it('mounts it read-only under ro, and refuses a bad option at start and a bind at its destination at create', () => {
    const e = engine();
    const ro = e.dockerSync(['run', '--rm', '--name', 'p6', '--tmpfs', '/run:ro', B, 'touch', '/run/x']);
    assert.deepEqual([ro.exitCode, ro.stderr], [1, 'touch: /run/x: Read-only file system\n']);
    const bad = e.dockerSync(['run', '--name', 'pd', '--tmpfs', '/run:foobar', B, 'true']);
    assert.equal(bad.exitCode, 125);
    assert.match(bad.stderr, /^docker: Error response from daemon: invalid tmpfs option \["foobar"\]\.\n/);
    assert.equal(e.dockerSync(['inspect', '-f', '{{.State.Status}} {{.State.ExitCode}}', 'pd']).stdout, 'created 128\n');
    const dup = e.dockerSync(['run', '--name', 'pe', '--tmpfs', '/run', '-v', '/h:/run', B, 'true']);
    assert.deepEqual([dup.exitCode, dup.stderr], [125, "docker: Error response from daemon: Duplicate mount point: /run.\nSee 'docker run --help'.\n"]);
    // an anonymous volume at the same place is no bind: the tmpfs wins (moby's TestCreateTmpfsOverrideAnonymousVolume)
    assert.equal(e.dockerSync(['create', '--name', 'pf', '-v', '/run', '--tmpfs', '/run', B, 'true']).exitCode, 0);
  });

  it('keeps the tmpfs out of docker cp, which sees the container\'s root under it', () => {
    // recorded on 20.10: docker cp reads what the daemon mounts (root, binds, volumes), not runc's tmpfs
    const e = engine();
    e.dockerSync(['run', '-d', '--name', 'cp1', '--tmpfs', '/run', B, 'sleep', '600']);
    e.dockerSync(['exec', 'cp1', 'sh', '-c', 'echo hi > /run/x']);
    const r = e.dockerSync(['cp', 'cp1:/run/x', '-']);
    assert.deepEqual([r.exitCode, r.stderr], [1, 'Error: No such container:path: cp1:/run/x\n']);
  });

  it('shows the hostname and the domain name runc sets', () => {
    const e = engine();
    assert.equal(e.dockerSync(['run', '--rm', '--name', 'p2', B, 'cat', '/proc/sys/kernel/domainname']).stdout, '(none)\n');
    const r = e.dockerSync(['run', '--rm', '--name', 'p8', '--hostname', 'foobar', '--domainname', 'baz.cyphar.com', B, 'cat', '/proc/sys/kernel/hostname', '/proc/sys/kernel/domainname']);
    assert.equal(r.stdout, 'foobar\nbaz.cyphar.com\n');
  });
});
