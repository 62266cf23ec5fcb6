// `drydock docker` keeps every host path inside DRYDOCK_HOST_ROOT: a symlink a container writes into a
// bind-mounted folder leads, as in a chroot, to the host root at most (issue 12, item 2). Each escape below
// read or wrote the machine's own files before.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveInRoot } from '../../src/engine/root-path.js';
import { Sandbox } from '../fidelity/sandbox.js';

const repo = join(fileURLToPath(import.meta.url), '..', '..', '..');
const script = join(repo, 'test', 'support', 'drydock-docker.ts');

function drydockDocker(env: Record<string, string>, ...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(process.execPath, ['--import', 'tsx', script, ...argv], { cwd: repo, env: { ...process.env, ...env }, maxBuffer: 1 << 28 }, (error, stdout, stderr) => {
      done({ code: error === null ? 0 : Number((error as { code?: number }).code ?? 1), stdout, stderr });
    });
  });
}

describe('host paths stay inside the host root', function () {
  this.timeout(180_000);

  it('resolves like a chroot: .. and absolute targets stop at the root, loops are refused', () => {
    const links: Record<string, string> = { '/data/root': '/', '/data/up': '../../../..', '/data/out': '/tmp/outside', '/a': '/b', '/b': '/a', '/data/rel': 'sub/x' };
    const lookup = (p: string) => (links[p] !== undefined ? { kind: 'symlink', target: links[p] } : { kind: 'dir' });
    assert.equal(resolveInRoot(lookup, '/data/root/etc/passwd'), '/etc/passwd');
    assert.equal(resolveInRoot(lookup, '/data/up/etc'), '/etc');
    assert.equal(resolveInRoot(lookup, '/../../etc'), '/etc');
    assert.equal(resolveInRoot(lookup, '/data/out/secret'), '/tmp/outside/secret');
    assert.equal(resolveInRoot(lookup, '/data/rel/../y'), '/data/sub/y');
    assert.equal(resolveInRoot(lookup, '/data/root', false), '/data/root');
    assert.equal(resolveInRoot(lookup, '/a/x'), null);
  });

  it('on the disk host: bind sources, build contexts, -f, import, load, save -o and cp never leave it', async () => {
    const base = mkdtempSync(join(tmpdir(), 'drydock-escape-'));
    try {
      const root = join(base, 'host');
      const outside = join(base, 'outside');
      mkdirSync(join(root, 'data'), { recursive: true });
      mkdirSync(outside);
      writeFileSync(join(outside, 'secret'), 'machine secret\n');
      writeFileSync(join(outside, 'Dockerfile'), 'FROM centos\nRUN echo built-from-outside\n');
      const env = { DRYDOCK_STATE: join(base, 'state'), DRYDOCK_HOST_ROOT: root };
      const docker = (...argv: string[]) => drydockDocker(env, ...argv);
      // a container plants links in a bind-mounted folder: to the machine's /, to a folder outside, and upwards
      const made = await docker('run', '--rm', '-v', '/data:/data', 'centos', 'sh', '-c', `ln -s / /data/root && ln -s ${outside} /data/out && ln -s ../../../../../../.. /data/up`);
      assert.equal(made.code, 0, made.stderr);

      const read = await docker('run', '--rm', '-v', '/data/out:/m', 'centos', 'sh', '-c', 'cat /m/secret; echo pwned > /m/planted');
      assert.doesNotMatch(read.stdout, /machine secret/);
      assert.equal(existsSync(join(outside, 'planted')), false, 'nothing written outside through a bind source');
      assert.equal(readFileSync(join(root, outside.slice(1), 'planted'), 'utf8'), 'pwned\n', 'written where the link leads inside the root');

      const up = await docker('run', '--rm', '-v', `/data/up${outside}:/m`, 'centos', 'cat', '/m/secret');
      assert.doesNotMatch(up.stdout, /machine secret/);
      const viaRoot = await docker('run', '--rm', '-v', `/data/root${outside}:/m`, 'centos', 'cat', '/m/secret');
      assert.doesNotMatch(viaRoot.stdout, /machine secret/);

      const build = await docker('build', '-t', 'escaped', '/data/out');
      assert.notEqual(build.code, 0);
      assert.doesNotMatch(build.stdout, /built-from-outside/);
      mkdirSync(join(root, 'ctx'));
      const file = await docker('build', '-t', 'escaped', '-f', '/data/out/Dockerfile', '/ctx');
      assert.doesNotMatch(file.stdout, /built-from-outside/);

      const exported = await docker('create', '--name', 'c1', 'centos', 'true');
      assert.equal(exported.code, 0, exported.stderr);
      writeFileSync(join(outside, 'img.tar'), new Uint8Array(1024));
      const imported = await docker('import', '/data/out/img.tar', 'escaped:1');
      assert.match(imported.stderr, /no such file or directory/);
      const loaded = await docker('load', '-i', '/data/root' + join(outside, 'img.tar'));
      assert.match(loaded.stderr, /no such file or directory/);

      const saved = await docker('save', '-o', '/data/out/saved.tar', 'centos');
      assert.equal(saved.code, 0, saved.stderr);
      assert.equal(existsSync(join(outside, 'saved.tar')), false, 'save -o wrote outside');
      const cpOut = await docker('cp', 'c1:/etc/hostname', '/data/out/copied');
      assert.equal(cpOut.code, 0, cpOut.stderr);
      assert.equal(existsSync(join(outside, 'copied')), false, 'cp wrote outside');
      await docker('cp', '/data/out/secret', 'c1:/stolen');
      const stolen = await docker('cp', 'c1:/stolen', '-');
      assert.doesNotMatch(stolen.stdout, /machine secret/);
    } finally {
      rmSync(base, { recursive: true, force: true });
    }
  });

  it('the in-memory host follows the same links the same way', () => {
    const box = new Sandbox();
    box.mkdirp('/data');
    box.host.put('/data/root', { kind: 'symlink', target: '/', mode: 0o777, uid: 0, gid: 0, mtime: 0 });
    box.writeFile('/etc/marker', 'in the host root\n');
    const r = box.docker(['run', '--rm', '-v', '/data/root/etc:/m', 'centos', 'cat', '/m/marker']);
    assert.equal(r.stdout, 'in the host root\n', r.stderr);
    box.writeFile('/ctx/Dockerfile', 'FROM centos\n');
    box.host.put('/data/ctx', { kind: 'symlink', target: '../ctx', mode: 0o777, uid: 0, gid: 0, mtime: 0 });
    const built = box.docker(['build', '-q', '/data/ctx']);
    assert.equal(built.exitCode, 0, built.stderr);
  });
});
