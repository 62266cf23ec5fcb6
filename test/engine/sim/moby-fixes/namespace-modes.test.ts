// --pid, --ipc and --uts: the client's and the daemon's checks with 20.10's texts (an unknown mode, a hostname
// with --uts=host, a container to share that is missing or not running), the modes kept by container ID, and
// a refusal where the simulator would have to pretend a shared namespace. Observed with Docker 20.10.24
// (moby's TestRunModePIDContainerNotExists, TestRunModePIDContainerNotRunning,
// TestRunModeIpcContainerNotRunning, TestRunModeUTSHost; probes of --ipc bogus, --pid bogus, --uts bogus).

import assert from 'node:assert/strict';
import { TreeBackend } from '../../../../src/engine/sim/fs/tree-backend.js';
import { createSimEngine } from '../../../../src/engine/sim/node/create-sim-engine.js';

describe('moby fixes: --pid, --ipc and --uts', () => {
  const e = createSimEngine({ host: new TreeBackend(), cwd: '/' });
  const run = (...argv: string[]) => {
    const r = e.dockerSync(argv);
    return [r.stdout, r.stderr.replace(/time="[^"]*" level=error msg="error waiting for container: context canceled"\n/, ''), r.exitCode] as const;
  };
  const img = 'drydock/busybox:1.35';
  const usage = "See 'docker run --help'.\n";

  it('refuses unknown modes where docker does: the client for --pid and --uts, the start for --ipc', () => {
    assert.deepEqual(run('run', '--pid', 'bogus', img, 'true'), ['', `docker: --pid: invalid PID mode.\n${usage}`, 125]);
    assert.deepEqual(run('run', '--uts', 'bogus', img, 'true'), ['', `docker: --uts: invalid UTS mode.\n${usage}`, 125]);
    assert.deepEqual(run('run', '--name', 'ipc1', '--ipc', 'bogus', img, 'true'), ['', 'docker: Error response from daemon: Invalid IPC mode: bogus.\n', 125]);
    assert.equal(run('ps', '-a', '--filter', 'name=ipc1', '--format', '{{.Status}}')[0], 'Created\n');
  });

  it('refuses a hostname with the host UTS namespace before anything else', () => {
    assert.deepEqual(run('run', '-h', 'name', '--uts=host', 'nosuchimage', 'ps'), ['', `docker: Error response from daemon: conflicting options: hostname and the UTS mode.\n${usage}`, 125]);
  });

  it('needs the container to share at create, and running at start', () => {
    assert.deepEqual(run('run', '-d', '--pid', 'container:nothere', img, 'true'), ['', `docker: Error response from daemon: No such container: nothere.\n${usage}`, 125]);
    const id = run('create', '--name', 'donor', img, 'sh')[0].trim();
    assert.deepEqual(run('run', '--name', 'p1', '--pid=container:donor', img, 'true'), ['', `docker: Error response from daemon: container ${id} is not running.\n`, 125]);
    assert.deepEqual(run('run', '--name', 'i1', '--ipc=container:donor', img, 'true'), ['', `docker: Error response from daemon: can't join IPC of container ${id}: container ${id} is not running.\n`, 125]);
    assert.equal(run('inspect', '-f', '{{.HostConfig.PidMode}} {{.State.Status}}', 'p1')[0], `container:${id} created\n`);
    assert.equal(run('inspect', '-f', '{{.HostConfig.IpcMode}}', 'i1')[0], `container:${id}\n`);
  });

  it('looks the container up before the image, and not at all under --privileged (both seen on 20.10)', () => {
    assert.deepEqual(run('create', '--pid', 'container:nothere', 'nosuchimage', 'true'), ['', 'Error response from daemon: No such container: nothere\n', 1]);
    const [out, err, code] = run('create', '--privileged', '--ipc', 'container:nothere', img, 'true');
    assert.deepEqual([err, code], ['', 0]);
    assert.match(out, /^[0-9a-f]{64}\n$/);
  });

  it('refuses plainly what would share a namespace, and joins no private IPC', () => {
    run('run', '-d', '--name', 'busy', img, 'sleep', '600');
    const [, stderr, code] = run('run', '--pid', 'container:busy', img, 'ps');
    assert.equal(code, 125);
    assert.match(stderr, /^drydock: docker run --pid container:busy is not simulated; run this with --engine docker/);
    assert.match(run('run', '--pid', 'host', img, 'ps')[1], /--pid host is not simulated/);
    assert.match(run('run', '--uts', 'host', img, 'hostname')[1], /--uts host is not simulated/);
    assert.equal(run('run', '--ipc', 'container:busy', img, 'true')[1], "docker: Error response from daemon: can't join IPC of container " + run('inspect', '-f', '{{.Id}}', 'busy')[0].trim() + ': non-shareable IPC (hint: use IpcMode:shareable for the donor container).\n');
    assert.deepEqual(run('run', '--rm', '--ipc', 'shareable', img, 'true'), ['', '', 0]);
  });
});

describe('moby fixes: --link and --network-alias with --network', () => {
  const e = createSimEngine({ host: new TreeBackend(), cwd: '/' });
  const run = (...argv: string[]) => {
    const r = e.dockerSync(argv);
    return [r.stdout, r.stderr, r.exitCode] as const;
  };
  const img = 'drydock/busybox:1.35';

  it('refuses them on a network that is not user-defined, after the other client checks (moby TestRunCreateContainerFailedCleanUp)', () => {
    assert.deepEqual(run('run', '--network', 'none', '--name', 'u1', '--link', 'nothing:nothing', img), ['', "docker: links are only supported for user-defined networks.\nSee 'docker run --help'.\n", 125]);
    assert.equal(run('run', '--network', 'none', '--network-alias', 'x', '--link', 'a:b', img, 'true')[1], "docker: network-scoped aliases are only supported for user-defined networks.\nSee 'docker run --help'.\n");
    assert.equal(run('run', '--network', 'none', '--link', 'a:b', '--pid', 'bogus', img, 'true')[1], "docker: --pid: invalid PID mode.\nSee 'docker run --help'.\n");
    assert.equal(run('inspect', '-f', '{{.Id}}', 'u1')[2], 1);
  });

  it('still refuses legacy links (no --network) as not simulated', () => {
    assert.match(run('run', '--link', 'a:b', img, 'true')[1], /--link is not simulated/);
  });
});
