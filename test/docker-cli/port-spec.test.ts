import assert from 'node:assert/strict';
import { parsePublishedPorts } from '../../src/docker-cli/index.js';

// Error texts checked with `docker run -p <spec> 'BAD::'` (docker prints "docker: <text>." and stops before
// the image name is even parsed; a valid spec gets as far as the invalid image name instead).

const bindings = (...specs: string[]) => {
  const r = parsePublishedPorts(specs);
  assert.ok(r.ok, r.ok ? '' : r.error);
  return r.ports.portBindings;
};
const error = (spec: string) => {
  const r = parsePublishedPorts([spec]);
  return r.ok ? 'ok' : r.error;
};

describe('-p / --publish', () => {
  it('maps host ports to container ports', () => {
    assert.deepEqual(bindings('8888:8080'), { '8080/tcp': [{ HostIp: '', HostPort: '8888' }] });
    assert.deepEqual(bindings('127.0.0.1:8080:80/udp'), { '80/udp': [{ HostIp: '127.0.0.1', HostPort: '8080' }] });
    assert.deepEqual(bindings('80'), { '80/tcp': [{ HostIp: '', HostPort: '' }] });
    assert.deepEqual(bindings('127.0.0.1::80'), { '80/tcp': [{ HostIp: '127.0.0.1', HostPort: '' }] });
    assert.deepEqual(bindings('[::1]:80:80'), { '80/tcp': [{ HostIp: '::1', HostPort: '80' }] });
    assert.deepEqual(bindings('target=80,published=8080'), { '80/tcp': [{ HostIp: '', HostPort: '8080' }] });
    assert.deepEqual(bindings('8080:80', '9090:80'), { '80/tcp': [{ HostIp: '', HostPort: '8080' }, { HostIp: '', HostPort: '9090' }] });
  });
  it('expands ranges', () => {
    assert.deepEqual(bindings('8000-8001:80-81'), {
      '80/tcp': [{ HostIp: '', HostPort: '8000' }],
      '81/tcp': [{ HostIp: '', HostPort: '8001' }],
    });
    assert.deepEqual(bindings('8000-8001:80'), { '80/tcp': [{ HostIp: '', HostPort: '8000-8001' }] });
  });
  it('gives the CLI errors', () => {
    assert.equal(error('1:2:3:4'), 'Invalid ip address 1:2: address 1:2:: too many colons in address');
    assert.equal(error('abc'), 'Invalid containerPort: abc');
    assert.equal(error('1.2.3:80:80'), 'Invalid ip address: 1.2.3');
    assert.equal(error('70000:80'), 'Invalid hostPort: 70000');
    assert.equal(error('80/xyz'), 'Invalid proto: xyz');
    assert.equal(error('8000-8002:80-81'), 'Invalid ranges specified for container and host Ports: 80-81 and 8000-8002');
    assert.equal(error('80:'), 'No port specified: 80:<empty>');
    assert.equal(error('80-78:80'), 'Invalid hostPort: 80-78');
    assert.equal(error('target=80,published'), "invalid publish opts format (should be name=value but got 'published')");
  });
  it('merges --expose (docker run --expose abc)', () => {
    const r = parsePublishedPorts(['8080:80'], ['443', '90-91/udp']);
    assert.ok(r.ok);
    assert.deepEqual(Object.keys(r.ports.exposedPorts), ['80/tcp', '443/tcp', '90/udp', '91/udp']);
    assert.deepEqual(parsePublishedPorts([], ['abc']), {
      ok: false,
      error: 'invalid range format for --expose: abc, error: strconv.ParseUint: parsing "abc": invalid syntax',
    });
    assert.deepEqual(parsePublishedPorts([], ['80:81']), { ok: false, error: 'invalid port format for --expose: 80:81' });
  });
});
