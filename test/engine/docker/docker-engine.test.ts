import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDockerEngine, type DockerEngine } from '../../../src/engine/docker/docker-engine.js';
import type { DockerClient } from '../../../src/engine/docker/docker-client.js';
import type { ObjectRef } from '../../../src/engine/engine.js';
import { EngineError } from '../../../src/errors/engine-error.js';
import { FsError } from '../../../src/engine/sim/fs/vfs.js';
import { requireDocker } from './require-docker.js';

const text = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);
const unique = (what: string): string => `drydock-test-${what}-${randomBytes(4).toString('hex')}`;

describe('docker engine (real daemon)', function () {
  this.timeout(120_000);
  let client: DockerClient;
  let engine: DockerEngine;

  before(async function () {
    this.timeout(600_000);
    client = await requireDocker(this);
    engine = await createDockerEngine();
  });

  after(async () => {
    if (engine === undefined) return;
    await engine.dispose();
    assert.deepEqual(await labelled(client, engine.runId), []);
  });

  describe('fixture images', () => {
    const image = (name: string): ObjectRef => ({ kind: 'image', name });

    it('have the stand-in files: tomcat webapps and catalina.sh, centos /bin/bash, ubuntu /etc/passwd', async () => {
      const tomcat = image('drydock/tomcat:latest');
      assert.equal(text(await engine.readFile(tomcat, '/usr/local/tomcat/webapps/docs/index.html')), '<h1>Tomcat docs</h1>\n');
      const catalina = await engine.stat(tomcat, '/usr/local/tomcat/bin/catalina.sh');
      assert.deepEqual([catalina?.kind, catalina?.mode, catalina?.size], ['file', 0o755, 53]);
      assert.deepEqual(
        (await engine.readDir(tomcat, '/usr/local/tomcat')).map((e) => e.name),
        ['BUILDING.txt', 'LICENSE', 'NOTICE', 'RUNNING.txt', 'bin', 'conf', 'logs', 'webapps', 'webapps.dist'],
      );
      assert.equal(text(await engine.readFile(image('drydock/centos:latest'), '/bin/bash')), '#!/bin/sh\nexec /bin/sh "$@"\n');
      assert.match(text(await engine.readFile(image('drydock/ubuntu:latest'), '/etc/passwd')), /^root:x:0:0:root:\/root:\/bin\/sh$/m);
    });

    it('share the base tree: applet links, busybox itself, tmp 1777', async () => {
      const base = image('drydock/busybox:1.35');
      assert.deepEqual(await engine.stat(base, '/usr/bin/wc'), {
        kind: 'symlink', mode: 0o777, uid: 0, gid: 0, size: 12, mtime: Date.parse('2023-01-01T00:00:00Z'), target: '/bin/busybox',
      });
      assert.equal((await engine.stat(base, '/bin/busybox'))?.size, 1_982_256);
      assert.equal((await engine.readFile(base, '/bin/ls')).length, 1_982_256, 'readFile follows the link');
      assert.equal((await engine.stat(base, '/tmp'))?.mode, 0o1777);
      assert.equal(await engine.stat(base, '/etc/passwd'), null);
      assert.equal(await engine.stat(base, '/bin/busybox/x'), null);
      const inspect = (await engine.inspect(base)) as { Comment: string; Config: { Labels: Record<string, string> } };
      assert.equal(inspect.Comment, 'Imported from -');
      assert.equal(inspect.Config.Labels['drydock.managed'], 'true');
    });

    it('run: tomcat lists its webapps and the container has no network', async () => {
      const listed = await engine.docker(['run', '--rm', 'drydock/tomcat:latest', 'ls', 'webapps']);
      assert.deepEqual(listed, { exitCode: 0, stdout: 'docs\n', stderr: '' });
      const name = unique('net');
      const created = await engine.docker(['create', '--name', name, 'drydock/tomcat:latest']);
      assert.equal(created.exitCode, 0, created.stderr);
      const inspect = (await engine.inspect({ kind: 'container', name })) as {
        HostConfig: { NetworkMode: string };
        Config: { Labels: Record<string, string> };
      };
      assert.equal(inspect.HostConfig.NetworkMode, 'none');
      assert.equal(inspect.Config.Labels['drydock.run'], engine.runId);
    });

    it('leaves no helper containers behind after image reads', async () => {
      const left = await client.run(['ps', '-aq', '--filter', `label=drydock.run=${engine.runId}`, '--filter', 'name=drydock-read-']);
      assert.equal(left.stdout, '');
    });
  });

  describe('read facet on containers and volumes', () => {
    it('reads a running container, then the same container stopped', async () => {
      const name = unique('read');
      const run = await engine.docker(['run', '-d', '--name', name, 'drydock/tomcat:latest']);
      assert.equal(run.exitCode, 0, run.stderr);
      const exec = await engine.docker(['exec', name, 'sh', '-c', 'echo state > /root/state.txt && ln -s /usr/local/tomcat/webapps /w']);
      assert.equal(exec.exitCode, 0, exec.stderr);
      const ref: ObjectRef = { kind: 'container', name };
      for (const phase of ['running', 'stopped']) {
        assert.equal(text(await engine.readFile(ref, '/root/state.txt')), 'state\n', phase);
        assert.deepEqual((await engine.readDir(ref, '/w')).map((e) => [e.name, e.stat.kind]), [['docs', 'dir']], phase);
        assert.equal((await engine.stat(ref, '/w'))?.kind, 'symlink');
        assert.equal((await engine.stat(ref, '/w/docs/index.html'))?.size, 21);
        if (phase === 'running') assert.equal((await engine.docker(['stop', '-t', '0', name])).exitCode, 0);
      }
      await assert.rejects(engine.readFile(ref, '/nope'), (error: unknown) => error instanceof FsError && error.code === 'ENOENT');
      await assert.rejects(engine.readFile(ref, '/root'), (error: unknown) => error instanceof FsError && error.code === 'EISDIR');
      await assert.rejects(engine.readDir(ref, '/root/state.txt'), (error: unknown) => error instanceof FsError && error.code === 'ENOTDIR');
    });

    it('reads a volume through a helper that is gone afterwards', async () => {
      const volume = unique('vol');
      assert.equal((await engine.docker(['volume', 'create', volume])).exitCode, 0);
      const fill = await engine.docker([
        'run', '--rm', '-v', `${volume}:/data`, 'drydock/busybox:1.35', 'sh', '-c', 'echo hi > /data/f; mkdir /data/d; ln -s f /data/l',
      ]);
      assert.equal(fill.exitCode, 0, fill.stderr);
      const ref: ObjectRef = { kind: 'volume', name: volume };
      assert.deepEqual((await engine.readDir(ref, '/')).map((e) => [e.name, e.stat.kind]), [['d', 'dir'], ['f', 'file'], ['l', 'symlink']]);
      assert.equal(text(await engine.readFile(ref, '/l')), 'hi\n');
      assert.equal(await engine.stat(ref, '/missing'), null);
      assert.equal(((await engine.inspect(ref)) as { Name: string }).Name, volume);
      // the helper must not hold the volume: removing it works at once
      assert.equal((await engine.docker(['volume', 'rm', volume])).exitCode, 0);
    });

    it('throws docker’s text for objects that do not exist', async () => {
      await assert.rejects(engine.stat({ kind: 'container', name: 'drydock-test-nope' }, '/'), /No such container: drydock-test-nope/);
      await assert.rejects(engine.stat({ kind: 'image', name: 'drydock/nope:1' }, '/'), /No such image: drydock\/nope:1/);
      await assert.rejects(engine.stat({ kind: 'volume', name: 'drydock-test-nope' }, '/'), /No such volume: drydock-test-nope/);
      await assert.rejects(engine.inspect({ kind: 'container', name: 'drydock-test-nope' }), (error: unknown) => {
        return (error as Error).message === 'Error: No such container: drydock-test-nope';
      });
    });

    it('reads the host filesystem for {kind: host}', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'drydock-host-'));
      try {
        writeFileSync(join(dir, 'a.txt'), 'abc');
        assert.equal((await engine.stat({ kind: 'host' }, join(dir, 'a.txt')))?.size, 3);
        assert.deepEqual((await engine.readDir({ kind: 'host' }, dir)).map((e) => e.name), ['a.txt']);
        assert.equal(await engine.stat({ kind: 'host' }, join(dir, 'nope')), null);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });

  describe('policy', () => {
    it('refuses other networks and builds whose FROM image is missing, creating nothing', async () => {
      const name = unique('refused');
      await assert.rejects(engine.docker(['run', '--network', 'host', '--name', name, 'drydock/busybox:1.35', 'true']), isPolicy);
      await assert.rejects(engine.docker(['network', 'create', name]), isPolicy);
      const ctx = mkdtempSync(join(tmpdir(), 'drydock-ctx-'));
      try {
        writeFileSync(join(ctx, 'Dockerfile'), 'FROM drydock/does-not-exist:1\n');
        await assert.rejects(engine.docker(['build', '-t', `drydock/${name}`, ctx]), (error: unknown) => {
          return isPolicy(error) && /drydock\/does-not-exist:1 is not on this engine/.test((error as Error).message);
        });
        await assert.rejects(engine.docker(['build', '-'], { stdin: 'FROM drydock/does-not-exist:1\n' }), isPolicy);
      } finally {
        rmSync(ctx, { recursive: true, force: true });
      }
      assert.equal((await client.run(['ps', '-aq', '--filter', `name=${name}`])).stdout, '');
    });
  });

  describe('dispose', () => {
    it('removes the containers, images and volumes of its own run and nothing else', async function () {
      this.timeout(300_000);
      const other = await createDockerEngine({ prepareFixtures: false });
      const name = unique('mine');
      const ctx = mkdtempSync(join(tmpdir(), 'drydock-ctx-'));
      try {
        writeFileSync(join(ctx, 'Dockerfile'), 'FROM drydock/busybox:1.35\nRUN echo built > /built\n');
        const built = await other.docker(['build', '-t', `drydock/${name}:1`, ctx]);
        assert.equal(built.exitCode, 0, built.stdout + built.stderr);
        assert.match(built.stdout, /Successfully tagged drydock\/.*:1/);
        assert.equal((await other.docker(['run', '-d', '--name', name, `drydock/${name}:1`, 'sleep', '1000'])).exitCode, 0);
        assert.equal((await other.docker(['create', '--name', `${name}-2`, '-v', '/anon', 'drydock/busybox:1.35', 'true'])).exitCode, 0);
        assert.equal((await other.docker(['volume', 'create', name])).exitCode, 0);
        // two containers and the named volume carry the label; the built image is tracked (a build label would
        // add a LABEL step to the output), the anonymous volume goes with its container
        assert.equal((await labelled(client, other.runId)).length, 3);
        const anonymous = (await client.run(['inspect', '--format', '{{range .Mounts}}{{.Name}}{{end}}', `${name}-2`])).stdout.trim();
        await other.dispose();
        assert.deepEqual(await labelled(client, other.runId), []);
        assert.equal((await client.run(['volume', 'inspect', anonymous])).exitCode, 1);
        assert.equal((await client.run(['image', 'inspect', `drydock/${name}:1`])).exitCode, 1);
        // the fixture images and the first engine's objects are untouched
        assert.equal((await client.run(['image', 'inspect', 'drydock/tomcat:latest'])).exitCode, 0);
      } finally {
        rmSync(ctx, { recursive: true, force: true });
        await other.dispose();
      }
    });
  });

  describe('builds that fail or have no tag', () => {
    // a step no other build has run, so the builder cannot take it from its cache
    const fresh = (): string => `RUN echo ${randomBytes(8).toString('hex')} > /one`;

    it('dispose removes the step containers and images a failed build left (build and build -q)', async function () {
      this.timeout(300_000);
      const other = await createDockerEngine({ prepareFixtures: false });
      const ctx = mkdtempSync(join(tmpdir(), 'drydock-ctx-'));
      try {
        writeFileSync(join(ctx, 'Dockerfile'), `FROM drydock/busybox:1.35\n${fresh()}\nRUN echo two > /two && false\n`);
        const failed = await other.docker(['build', ctx]);
        assert.equal(failed.exitCode, 1, failed.stdout + failed.stderr);
        writeFileSync(join(ctx, 'Dockerfile'), `FROM drydock/busybox:1.35\n${fresh()}\nRUN exit 3\n`);
        const quiet = await other.docker(['build', '-q', ctx]);
        assert.equal(quiet.exitCode, 3, quiet.stdout + quiet.stderr);
        const printed = printedObjects(failed.stdout + quiet.stderr);
        assert.equal(printed.containers.length, 2, failed.stdout + quiet.stderr);
        assert.equal(printed.images.length, 2);
        assert.deepEqual(await existing(client, printed), printed, 'the legacy builder keeps them');
        await other.dispose();
        assert.deepEqual(await existing(client, printed), { containers: [], images: [] });
      } finally {
        rmSync(ctx, { recursive: true, force: true });
        await other.dispose();
      }
    });

    it('dispose removes an untagged build, -q or not, with its steps', async function () {
      this.timeout(300_000);
      const other = await createDockerEngine({ prepareFixtures: false });
      const ctx = mkdtempSync(join(tmpdir(), 'drydock-ctx-'));
      try {
        writeFileSync(join(ctx, 'Dockerfile'), `FROM drydock/busybox:1.35\n${fresh()}\nCMD ["sh"]\n`);
        const plain = await other.docker(['build', ctx]);
        assert.equal(plain.exitCode, 0, plain.stdout + plain.stderr);
        writeFileSync(join(ctx, 'Dockerfile'), `FROM drydock/busybox:1.35\n${fresh()}\nCMD ["sh"]\n`);
        const quiet = await other.docker(['build', '-q', ctx]);
        assert.equal(quiet.exitCode, 0, quiet.stderr);
        const quietId = quiet.stdout.trim();
        // the -q build's step images are not printed: its history names them
        const history = await client.run(['history', '-q', '--no-trunc', quietId]);
        const quietSteps = history.stdout.split('\n').filter((id) => id.startsWith('sha256:')).slice(0, 2);
        const printed = printedObjects(plain.stdout);
        const images = [...printed.images, ...quietSteps];
        assert.equal(images.length, 4);
        assert.deepEqual((await existing(client, { containers: [], images })).images, images);
        await other.dispose();
        assert.deepEqual(await existing(client, { containers: [], images }), { containers: [], images: [] });
        assert.equal((await client.run(['image', 'inspect', 'drydock/busybox:1.35'])).exitCode, 0);
      } finally {
        rmSync(ctx, { recursive: true, force: true });
        await other.dispose();
      }
    });

    it('leaves a user’s own untagged image alone when a failed build took a step from it', async function () {
      this.timeout(300_000);
      const other = await createDockerEngine({ prepareFixtures: false });
      const ctx = mkdtempSync(join(tmpdir(), 'drydock-ctx-'));
      let users = '';
      try {
        const step = fresh();
        writeFileSync(join(ctx, 'Dockerfile'), `FROM drydock/busybox:1.35\n${step}\n`);
        // built the user's way, straight through the client: untagged, no drydock label of its own
        const built = await client.run(['build', '-q', '--network', 'none', ctx]);
        assert.equal(built.exitCode, 0, built.stderr);
        users = built.stdout.trim();
        writeFileSync(join(ctx, 'Dockerfile'), `FROM drydock/busybox:1.35\n${step}\nRUN false\n`);
        const failed = await other.docker(['build', ctx]);
        assert.equal(failed.exitCode, 1);
        assert.match(failed.stdout, /Using cache\n ---> [0-9a-f]{12}\n/);
        const printed = printedObjects(failed.stdout);
        await other.dispose();
        assert.deepEqual((await existing(client, printed)).containers, []);
        assert.equal((await client.run(['image', 'inspect', users])).exitCode, 0, 'the user’s image is still there');
      } finally {
        rmSync(ctx, { recursive: true, force: true });
        await other.dispose();
        if (users !== '') await client.run(['rmi', users]);
      }
    });
  });
});

// the step containers and committed images a legacy build printed (the FROM image and cache hits left out)
function printedObjects(output: string): { containers: string[]; images: string[] } {
  const containers = [...output.matchAll(/^ ---> Running in ([0-9a-f]{12})$/gm)].map((m) => m[1]!);
  const removed = new Set([...output.matchAll(/^Removing intermediate container ([0-9a-f]{12})$/gm)].map((m) => m[1]!));
  const images = [...output.matchAll(/^Step \d+\/\d+ : (?!FROM )[^\n]*\n(?: ---> Running in [0-9a-f]{12}\n(?:Removing intermediate container [0-9a-f]{12}\n)?)? ---> ([0-9a-f]{12})$/gm)].map((m) => m[1]!);
  return { containers: containers.filter((id) => !removed.has(id)), images };
}

// which of these containers and images the daemon still has
async function existing(client: DockerClient, objects: { containers: string[]; images: string[] }): Promise<{ containers: string[]; images: string[] }> {
  const found = { containers: [] as string[], images: [] as string[] };
  for (const id of objects.containers) if ((await client.run(['container', 'inspect', id])).exitCode === 0) found.containers.push(id);
  for (const id of objects.images) if ((await client.run(['image', 'inspect', id])).exitCode === 0) found.images.push(id);
  return found;
}

function isPolicy(error: unknown): boolean {
  return error instanceof EngineError && error.code === 'POLICY_REFUSED';
}

// every container, image and volume carrying a run's label
async function labelled(client: DockerClient, runId: string): Promise<string[]> {
  const filter = ['--filter', `label=drydock.run=${runId}`];
  const lines = async (argv: string[]): Promise<string[]> => (await client.run(argv)).stdout.split('\n').filter((l) => l !== '');
  return [
    ...(await lines(['ps', '-aq', ...filter])).map((id) => `container ${id}`),
    ...(await lines(['images', '-q', ...filter])).map((id) => `image ${id}`),
    ...(await lines(['volume', 'ls', '-q', ...filter])).map((name) => `volume ${name}`),
  ];
}
