// A command stopped by its timeout must not leave what it started running inside a container: docker's daemon
// keeps an exec'd process alive after its client is killed (moby/moby#9098).

import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { createDockerEngine, type DockerEngine } from '../../../src/engine/docker/docker-engine.js';
import type { DockerClient } from '../../../src/engine/docker/docker-client.js';
import { timedOutTarget } from '../../../src/engine/docker/stop-timed-out.js';
import { requireDocker } from './require-docker.js';

describe('what a timed-out command started', () => {
  it('exec (not -d) leaves its process, start -a its containers; other commands nothing', () => {
    assert.deepEqual(timedOutTarget(['exec', '-i', 'c1', 'sh', '-c', 'sleep 9']), { exec: 'c1' });
    assert.deepEqual(timedOutTarget(['container', 'exec', '-u', '0', 'c1', 'sleep', '9']), { exec: 'c1' });
    assert.equal(timedOutTarget(['exec', '-d', 'c1', 'sleep', '9']), null);
    assert.deepEqual(timedOutTarget(['start', '-a', 'c1', 'c2']), { containers: ['c1', 'c2'] });
    assert.equal(timedOutTarget(['start', 'c1']), null);
    assert.equal(timedOutTarget(['logs', '-f', 'c1']), null);
  });
});

describe('a timed-out exec on a real daemon', function () {
  this.timeout(120_000);
  let client: DockerClient;
  let engine: DockerEngine;

  before(async function () {
    this.timeout(600_000);
    client = await requireDocker(this);
    engine = await createDockerEngine({ prepareFixtures: false });
  });

  after(async () => {
    await engine?.dispose();
  });

  const processes = async (container: string): Promise<string[]> => {
    const top = await client.run(['top', container, '-o', 'pid,args']);
    return top.stdout.split('\n').slice(1).filter((l) => l !== '').map((l) => l.replace(/^\s*\d+\s+/u, ''));
  };

  it('kills the exec’s process tree and nothing else: PID 1 and an earlier exec -d keep running', async () => {
    const name = `drydock-test-exec-${randomBytes(4).toString('hex')}`;
    assert.equal((await engine.docker(['run', '-d', '--name', name, 'drydock/busybox:1.35', 'sleep', '600'])).exitCode, 0);
    assert.equal((await engine.docker(['exec', '-d', name, 'sleep', '500'])).exitCode, 0);
    await new Promise((resolve) => setTimeout(resolve, 2500));
    const hung = await engine.docker(['exec', name, 'sh', '-c', 'sleep 300; echo never'], { timeoutMs: 2000 });
    assert.equal(hung.timedOut, true);
    assert.equal(hung.exitCode, 124);
    assert.deepEqual((await processes(name)).sort(), ['sleep 500', 'sleep 600']);
  });

  it('kills the container when it has no shell to look with', async () => {
    const name = `drydock-test-exec-${randomBytes(4).toString('hex')}`;
    // a container whose PATH finds no sh: the helper cannot run, so the container goes, as CI runners do it
    assert.equal((await engine.docker(['run', '-d', '--name', name, '-e', 'PATH=/nowhere', 'drydock/busybox:1.35', '/bin/sleep', '600'])).exitCode, 0);
    const hung = await engine.docker(['exec', name, '/bin/sleep', '300'], { timeoutMs: 1500 });
    assert.equal(hung.timedOut, true);
    assert.equal((await client.run(['inspect', '--format', '{{.State.Running}}', name])).stdout.trim(), 'false');
  });
});
