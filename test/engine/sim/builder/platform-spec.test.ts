import assert from 'node:assert/strict';
import { TreeBackend } from '../../../../src/engine/sim/fs/tree-backend.js';
import { createSimEngine } from '../../../../src/engine/sim/node/create-sim-engine.js';
import { parsePlatform } from '../../../../src/engine/sim/builder/platform-spec.js';

// `docker build --platform` as the 20.10 daemon reads it (containerd's platforms.Parse). The error texts were
// recorded on 20.10 with `docker build --platform X` of a one-line context (moby's TestBuildPlatformInvalid).

describe('simulator: build --platform (platforms.Parse)', () => {
  it('gives containerd\'s texts for what it cannot parse', () => {
    const error = (p: string) => {
      const r = parsePlatform(p);
      return 'error' in r ? r.error : null;
    };
    assert.equal(error('foobar'), '"foobar": unknown operating system or architecture: invalid argument');
    assert.equal(error('a.b'), '"a.b" is an invalid component of "a.b": platform specifier component must match "^[A-Za-z0-9_-]+$": invalid argument');
    assert.equal(error('a/b/c/d'), '"a/b/c/d": cannot parse platform specifier: invalid argument');
    assert.equal(error('linux/*'), '"linux/*": wildcards not yet supported: invalid argument');
  });

  it('reads one component as an OS, else as an architecture, and normalises aliases', () => {
    assert.deepEqual(parsePlatform('x86_64'), { os: 'linux', arch: 'amd64', variant: '' });
    assert.deepEqual(parsePlatform('Linux'), { os: 'linux', arch: 'amd64', variant: '' });
    assert.deepEqual(parsePlatform('linux/aarch64'), { os: 'linux', arch: 'arm64', variant: 'v8' });
  });

  it('builds for the daemon\'s own platform, refuses another plainly, and answers a bad one after sending the context', () => {
    const host = new TreeBackend();
    const e = createSimEngine({ host, cwd: '/' });
    host.put('/ctx', { kind: 'dir', opaque: false, mode: 0o755, uid: 0, gid: 0, mtime: 0 });
    host.put('/ctx/Dockerfile', { kind: 'file', data: new TextEncoder().encode('FROM drydock/busybox:1.35\nENV A=1\n'), mode: 0o644, uid: 0, gid: 0, mtime: 0 });
    assert.equal(e.dockerSync(['build', '--platform', 'linux/amd64', '-q', '/ctx']).exitCode, 0);
    const other = e.dockerSync(['build', '--platform', 'linux/arm64', '/ctx']);
    assert.equal(other.exitCode, 125);
    assert.match(other.stderr, /--engine docker/);
    const bad = e.dockerSync(['build', '--platform', 'foobar', '/ctx']);
    assert.equal(bad.exitCode, 1);
    assert.match(bad.stdout, /^Sending build context to Docker daemon/);
    assert.equal(bad.stderr, 'Error response from daemon: "foobar": unknown operating system or architecture: invalid argument\n');
  });
});
