// --add-host, --dns, --dns-search and --dns-option make the container's /etc/hosts and /etc/resolv.conf as
// libnetwork builds them (also under --read-only), and busybox hostname -d/-f/-i look the name up there.
// Observed with Docker 20.10.24 (moby's TestRunContainerWithReadonlyRootfsWithAddHostFlag,
// TestRunContainerWithReadonlyRootfsWithDNSFlag, TestRunHostnameFQDN, and probes with --network none).

import assert from 'node:assert/strict';
import { TreeBackend } from '../../../../src/engine/sim/fs/tree-backend.js';
import { createSimEngine } from '../../../../src/engine/sim/node/create-sim-engine.js';

const DEFAULT_HOSTS = '127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\nff00::0\tip6-mcastprefix\nff02::1\tip6-allnodes\nff02::2\tip6-allrouters\n';

describe('moby fixes: the network files and hostname lookups', () => {
  const e = createSimEngine({ host: new TreeBackend(), cwd: '/' });
  const run = (...argv: string[]) => {
    const r = e.dockerSync(argv);
    return [r.stdout, r.stderr, r.exitCode] as const;
  };
  const img = 'drydock/busybox:1.35';

  it('adds a line per --add-host, split at the first colon', () => {
    assert.deepEqual(run('run', '--rm', '--network', 'none', '--read-only', '--add-host', 'a:1.2.3.4', '--add-host', 'b:::1', img, 'cat', '/etc/hosts'), [`${DEFAULT_HOSTS}1.2.3.4\ta\n::1\tb\n`, '', 0]);
  });

  it('rebuilds resolv.conf from the DNS settings: search, nameservers, options', () => {
    assert.equal(run('run', '--rm', '--network', 'none', '--dns', '1.2.3.4', '--dns-search', 'a.b', '--dns-search', 'c', '--dns-option', 'x:1', img, 'cat', '/etc/resolv.conf')[0], 'search a.b c\nnameserver 1.2.3.4\noptions x:1\n');
    assert.equal(run('run', '--rm', '--network', 'none', '--dns-search', '.', '--dns', '1.1.1.1', img, 'cat', '/etc/resolv.conf')[0], 'nameserver 1.1.1.1\n');
    run('create', '--name', 'd1', '--dns', '9.9.9.9', '--add-host', 'x:10.0.0.1', img, 'true');
    assert.equal(run('inspect', '-f', '{{json .HostConfig.Dns}} {{json .HostConfig.ExtraHosts}} {{json .HostConfig.DnsSearch}}', 'd1')[0], '["9.9.9.9"] ["x:10.0.0.1"] []\n');
  });

  it('looks the hostname up in /etc/hosts for -f, -d and -i', () => {
    assert.deepEqual(run('run', '--rm', '--network', 'none', '--hostname=foobar.example.com', img, 'sh', '-c', 'hostname && hostname -s && hostname -d'), ['foobar.example.com\nfoobar\n', 'hostname: foobar.example.com: Host name lookup failure\n', 1]);
    assert.deepEqual(run('run', '--rm', '--network', 'none', '--add-host', 'foobar.example.com:10.0.0.1', '--hostname=foobar.example.com', img, 'sh', '-c', 'hostname -f; hostname -d; hostname -i; hostname -s'), ['foobar.example.com\nexample.com\n10.0.0.1\nfoobar\n', '', 0]);
  });
});
