import assert from 'node:assert/strict';
import { DockerClient, locateDockerClient } from '../../../src/engine/docker/docker-client.js';
import { EngineError } from '../../../src/errors/engine-error.js';
import { requireDocker } from './require-docker.js';

describe('docker client', () => {
  describe('discovery', () => {
    it('prefers $DRYDOCK_DOCKER, then /usr/bin/docker, then docker on PATH', () => {
      assert.equal(locateDockerClient({ DRYDOCK_DOCKER: '/opt/docker' }, () => true), '/opt/docker');
      assert.equal(locateDockerClient({}, (path) => path === '/usr/bin/docker'), '/usr/bin/docker');
      assert.equal(locateDockerClient({ DRYDOCK_DOCKER: '' }, () => false), 'docker');
    });

    it('never picks /usr/local/bin/docker by itself', () => {
      assert.notEqual(locateDockerClient({}, () => true), '/usr/local/bin/docker');
    });
  });

  // a stand-in binary shows exactly what the client passes on, without a daemon
  describe('invocation', () => {
    it('passes argv without a shell and keeps output verbatim', async () => {
      const client = new DockerClient({ binary: '/bin/echo' });
      const result = await client.run(['a b', '$HOME', '; ls']);
      assert.deepEqual(result, { exitCode: 0, stdout: 'a b $HOME ; ls\n', stderr: '', timedOut: false });
    });

    it('puts --context first and DOCKER_HOST in the environment', async () => {
      assert.equal((await new DockerClient({ binary: '/bin/echo', context: 'ci' }).run(['ps'])).stdout, '--context ci ps\n');
      const sh = new DockerClient({ binary: '/bin/sh', host: 'tcp://10.0.0.1:2375' });
      assert.equal((await sh.run(['-c', 'echo "$DOCKER_HOST $DOCKER_BUILDKIT"'])).stdout, 'tcp://10.0.0.1:2375 0\n');
      assert.equal(sh.describeHost(), 'tcp://10.0.0.1:2375');
    });

    it('feeds stdin, as text or bytes, and gives /dev/null otherwise', async () => {
      const cat = new DockerClient({ binary: '/bin/cat' });
      assert.equal((await cat.run([], { input: 'line\n' })).stdout, 'line\n');
      assert.deepEqual((await cat.runBytes([], { input: new Uint8Array([0, 255, 10]) })).stdout, new Uint8Array([0, 255, 10]));
      assert.equal((await cat.run([])).stdout, '');
    });

    it('reports a timeout as exit code 124 and a missing binary as 127', async () => {
      const sh = new DockerClient({ binary: '/bin/sh' });
      const slow = await sh.run(['-c', 'echo started; exec sleep 5'], { timeoutMs: 300 });
      assert.equal(slow.exitCode, 124);
      assert.equal(slow.timedOut, true);
      assert.match(slow.stderr, /timed out after 300 ms/);
      const missing = await new DockerClient({ binary: '/nonexistent/docker' }).run(['version']);
      assert.equal(missing.exitCode, 127);
      assert.match(missing.stderr, /cannot run \/nonexistent\/docker: ENOENT/);
    });

    it('says how to get an engine when none answers', async () => {
      const client = new DockerClient({ host: 'unix:///nonexistent/docker.sock' });
      await assert.rejects(client.checkReachable(), (error: unknown) => {
        assert.ok(error instanceof EngineError);
        assert.equal(error.code, 'ENGINE_UNREACHABLE');
        assert.equal(error.message, 'cannot reach a Docker engine at unix:///nonexistent/docker.sock: start dockerd, or use --engine sim');
        return true;
      });
    });
  });

  describe('on a reachable engine', () => {
    it('finds the engine and talks to it', async function () {
      const client = await requireDocker(this);
      await client.checkReachable();
      const version = await client.run(['version', '--format', '{{.Client.Version}}']);
      assert.equal(version.exitCode, 0);
      assert.match(version.stdout, /^\d+\.\d+/);
    });
  });
});
