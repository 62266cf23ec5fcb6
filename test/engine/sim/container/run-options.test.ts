import assert from 'node:assert/strict';
import { TreeBackend } from '../../../../src/engine/sim/fs/tree-backend.js';
import { createSimEngine } from '../../../../src/engine/sim/node/create-sim-engine.js';
import { capabilitiesError, effectiveCapabilities } from '../../../../src/engine/sim/container/capabilities.js';
import { parseDevice } from '../../../../src/engine/sim/container/devices.js';
import { extraHostLines, resolvConf } from '../../../../src/engine/sim/container/net-files.js';

// Options of run/create the daemon and runc carry out, held to the 20.10 engine (texts recorded on it for the moby
// corpus, cases/run; the rest checked by hand on 2026-12-06 with /usr/bin/docker and mobybox).

const IMAGE = 'drydock/busybox:1.35';

function engine() {
  return createSimEngine({ host: new TreeBackend(), cwd: '/' });
}

describe('simulator: run options carried out as 20.10 does', () => {
  it('names capabilities as moby does and gives a container the set TweakCapabilities gives', () => {
    assert.equal(capabilitiesError(['chown', 'CAP_KILL', 'ALL'], []), null);
    assert.equal(capabilitiesError(['CHPASS'], []), 'invalid CapAdd: unknown capability: "CAP_CHPASS"');
    assert.equal(capabilitiesError([], ['mknodx']), 'invalid CapDrop: unknown capability: "CAP_MKNODX"');
    assert.ok(effectiveCapabilities(null, null, false).has('CAP_MKNOD'));
    assert.ok(!effectiveCapabilities(null, ['mknod'], false).has('CAP_MKNOD'));
    assert.deepEqual([...effectiveCapabilities(['MKNOD'], ['ALL'], false)], ['CAP_MKNOD']);
    assert.ok(effectiveCapabilities(['ALL'], ['NET_ADMIN'], false).has('CAP_SYS_ADMIN'));
    assert.ok(!effectiveCapabilities(['ALL'], ['NET_ADMIN'], false).has('CAP_NET_ADMIN'));
    assert.ok(effectiveCapabilities(null, ['ALL'], true).has('CAP_NET_ADMIN'));
  });

  it('splits --device values as the client does', () => {
    assert.deepEqual(parseDevice('/dev/zero'), { PathOnHost: '/dev/zero', PathInContainer: '/dev/zero', CgroupPermissions: 'rwm' });
    assert.deepEqual(parseDevice('/dev/zero:rw'), { PathOnHost: '/dev/zero', PathInContainer: '/dev/zero', CgroupPermissions: 'rw' });
    assert.deepEqual(parseDevice('/dev/zero:/dev/nulo:r'), { PathOnHost: '/dev/zero', PathInContainer: '/dev/nulo', CgroupPermissions: 'r' });
  });

  it('writes resolv.conf and the extra hosts lines as libnetwork does', () => {
    assert.equal(resolvConf({}), '');
    assert.equal(resolvConf({ dns: ['1.1.1.1'], dnsSearch: ['.'], dnsOptions: ['ndots:3'] }), 'nameserver 1.1.1.1\noptions ndots:3\n');
    assert.equal(resolvConf({ dnsSearch: ['a', 'b'] }), 'search a b\n');
    assert.equal(extraHostLines({ extraHosts: ['extra:86.75.30.9', 'six:::1'] }), '86.75.30.9\textra\n::1\tsix\n');
  });

  it('refuses what the client and daemon refuse, with their texts', () => {
    const e = engine();
    const mac = e.dockerSync(['run', '--mac-address', '92:d0:c6:0a:29', IMAGE]);
    assert.equal(mac.stderr, "docker: 92:d0:c6:0a:29 is not a valid mac address.\nSee 'docker run --help'.\n");
    assert.equal(mac.exitCode, 125);
    assert.equal(e.dockerSync(['run', '-d', '-a', 'stdout', IMAGE, 'true']).stderr, 'Conflicting options: -a and -d\n');
    assert.equal(e.dockerSync(['run', '--device', '/dev/zero:ro', IMAGE]).stderr, "docker: ro is not an absolute path.\nSee 'docker run --help'.\n");
    assert.match(e.dockerSync(['run', '--device', '/etc', IMAGE, 'true']).stderr, /^docker: Error response from daemon: error gathering device information while adding custom device "\/etc": not a device node\.\n/);
    assert.equal(e.dockerSync(['run', '--ipc', 'container:nope', IMAGE]).stderr, "docker: Error response from daemon: No such container: nope.\nSee 'docker run --help'.\n");
    assert.match(e.dockerSync(['run', '-u', '2147483648', IMAGE, 'id']).stderr, /^docker: Error response from daemon: uids and gids must be in range 0-2147483647\.\n/);
  });

  it('gives processes their groups, devices, DNS files and capabilities', () => {
    const e = engine();
    const run = (...argv: string[]) => e.dockerSync(['run', '--rm', ...argv]);
    assert.equal(run('--group-add=777', '--group-add', '5', IMAGE, 'id').stdout, 'uid=0 gid=0 groups=0,5,777\n');
    assert.equal(run('--device', '/dev/zero:/dev/nulo', IMAGE, 'stat', '-c', '%F %t,%T', '/dev/nulo').stdout, 'character special file 1,5\n');
    assert.equal(run('--dns=1.1.1.1', IMAGE, 'cat', '/etc/resolv.conf').stdout, 'nameserver 1.1.1.1\n');
    assert.equal(run('--cap-drop=MKNOD', IMAGE, 'mknod', '/tmp/c', 'c', '1', '3').stderr, 'mknod: /tmp/c: Operation not permitted\n');
    assert.equal(run(IMAGE, 'sh', '-c', 'mknod /tmp/c c 1 3 && stat -c %F /tmp/c').stdout, 'character special file\n');
    assert.equal(run(IMAGE, 'sh', '-c', 'mknod /tmp/sda b 8 0 && stat -c "%F %f %t %T" /tmp/sda && test -b /tmp/sda && find /tmp -type b').stdout, 'block special file 61a4 8 0\n/tmp/sda\n');
    assert.equal(run(IMAGE, 'chroot', '/', 'echo', 'in').stdout, 'in\n');
    assert.equal(run(IMAGE, 'ls', '-C', '/proc/self/fd').stdout, '0  1  2  3\n');
    const far = run('--network', 'none', IMAGE, 'ping', '-c', '1', '8.8.8.8');
    assert.deepEqual([far.stdout, far.stderr, far.exitCode], ['PING 8.8.8.8 (8.8.8.8): 56 data bytes\n', 'ping: sendto: Network is unreachable\n', 1]);
    const near = run('--network', 'none', IMAGE, 'ping', '-c', '2', 'localhost');
    assert.match(near.stdout, /^PING localhost \(127\.0\.0\.1\): 56 data bytes\n64 bytes from 127\.0\.0\.1: seq=0 ttl=64 time=\S+ ms\n64 bytes from 127\.0\.0\.1: seq=1 .*\n\n--- localhost ping statistics ---\n2 packets transmitted, 2 packets received, 0% packet loss\n/);
    assert.match(run(IMAGE, 'ping', '-c', '1', '8.8.8.8').stderr, /^drydock: ping 8\.8\.8\.8 needs a network the simulator does not have/);
  });
});
