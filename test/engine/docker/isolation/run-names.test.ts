import assert from 'node:assert/strict';
import { RunNames } from '../../../../src/engine/docker/isolation/run-names.js';

describe('RunNames', () => {
  const names = () => new RunNames('abc123def456', '/tmp/drydock-run-abc123def456-x1');

  it('prefixes container and volume names, never IDs', () => {
    const n = names();
    assert.equal(n.object('dc01'), 'drydock-abc123def456-dc01');
    assert.equal(n.object('0123456789ab'), '0123456789ab');
    assert.equal(n.object('drydock-abc123def456-dc01'), 'drydock-abc123def456-dc01');
  });

  it('resolves the stand-ins to the fixture images, keeping the tag as written', () => {
    const n = names();
    assert.equal(n.sourceImage('ubuntu'), 'drydock/ubuntu');
    assert.equal(n.sourceImage('centos:latest'), 'drydock/centos:latest');
    assert.equal(n.sourceImage('docker.io/library/tomcat'), 'drydock/tomcat');
    assert.equal(n.sourceImage('drydock/busybox:1.35'), 'drydock/busybox:1.35');
    assert.equal(n.sourceImage('ubuntu:20.04'), 'drydock-run-abc123def456/ubuntu:20.04');
    assert.equal(n.sourceImage('tim/centos'), 'drydock-run-abc123def456/tim/centos');
    assert.equal(n.sourceImage(`sha256:${'a'.repeat(64)}`), `sha256:${'a'.repeat(64)}`);
  });

  it('puts images the scenario makes in its own namespace, and a replaced stand-in stays there', () => {
    const n = names();
    assert.equal(n.targetImage('myapp:1.0'), 'drydock-run-abc123def456/myapp:1.0');
    assert.equal(n.targetImage('ubuntu'), 'drydock-run-abc123def456/ubuntu');
    assert.equal(n.sourceImage('ubuntu'), 'drydock-run-abc123def456/ubuntu');
    assert.equal(n.sourceImage('centos'), 'drydock/centos');
    assert.equal(n.isSharedFixture('centos'), true);
    assert.equal(n.isSharedFixture('ubuntu'), false);
  });

  it('moves absolute host paths into the run folder, .. cannot leave it', () => {
    const n = names();
    assert.equal(n.hostPath('/scenario/data'), '/tmp/drydock-run-abc123def456-x1/scenario/data');
    assert.equal(n.hostPath('/../../etc/passwd'), '/tmp/drydock-run-abc123def456-x1/etc/passwd');
    assert.equal(n.hostPath('relative/x'), 'relative/x');
  });

  it('maps what the engine prints back to the scenario\'s names', () => {
    const n = names();
    const text = [
      'drydock-run-abc123def456/tim/centos   latest   1a2b3c4d5e6f',
      'drydock/ubuntu   latest',
      'drydock/busybox   1.35',
      'Error: No such container: drydock-abc123def456-dc01',
      '/tmp/drydock-run-abc123def456-x1/scenario/data',
    ].join('\n');
    assert.equal(
      n.unmap(text),
      ['tim/centos   latest   1a2b3c4d5e6f', 'ubuntu   latest', 'drydock/busybox   1.35', 'Error: No such container: dc01', '/scenario/data'].join('\n'),
    );
    assert.deepEqual(n.unmapJson({ Name: '/drydock-abc123def456-dc01', RepoTags: ['drydock/centos:latest'] }), { Name: '/dc01', RepoTags: ['centos:latest'] });
  });
});
