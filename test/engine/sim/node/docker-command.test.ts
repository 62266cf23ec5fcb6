import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';

const run = promisify(execFile);
const repo = join(fileURLToPath(import.meta.url), '..', '..', '..', '..', '..');
const script = join(repo, 'test', 'support', 'drydock-docker.ts');

/** `drydock docker …` in a child process, as a user's shell script would run it. */
async function drydockDocker(state: string, ...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', script, ...argv], {
      cwd: repo,
      env: { ...process.env, DRYDOCK_STATE: state },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('drydock docker (persistent simulator state)', function () {
  this.timeout(60_000);
  let state: string;
  beforeEach(() => {
    state = mkdtempSync(join(tmpdir(), 'drydock-state-'));
  });
  afterEach(() => rmSync(state, { recursive: true, force: true }));

  it('keeps containers, volumes and images between invocations', async () => {
    assert.equal((await drydockDocker(state, 'volume', 'create', 'keep')).code, 0);
    const created = await drydockDocker(state, 'create', '--name', 'c1', '-v', 'keep:/data', 'centos', 'true');
    assert.equal(created.code, 0, created.stderr);
    assert.match(created.stdout, /^[0-9a-f]{64}\n$/);
    const commit = await drydockDocker(state, 'commit', 'c1', 'mine/img:1');
    assert.equal(commit.code, 0, commit.stderr);
    const ps = await drydockDocker(state, 'ps', '-a', '--format', '{{.Names}} {{.Status}}');
    assert.equal(ps.stdout, 'c1 Created\n');
    const images = await drydockDocker(state, 'images', 'mine/img', '--format', '{{.Repository}}:{{.Tag}}');
    assert.equal(images.stdout, 'mine/img:1\n');
    const vols = await drydockDocker(state, 'volume', 'ls', '-q');
    assert.equal(vols.stdout, 'keep\n');
  });

  it('loses no update when invocations run at the same time', async () => {
    const names = ['a1', 'a2', 'a3', 'a4'];
    const results = await Promise.all(names.map((n) => drydockDocker(state, 'volume', 'create', n)));
    for (const r of results) assert.equal(r.code, 0, r.stderr);
    const vols = await drydockDocker(state, 'volume', 'ls', '-q');
    assert.deepEqual(vols.stdout.trim().split('\n'), names);
  });

  it('reports a damaged state directory instead of starting afresh', async () => {
    assert.equal((await drydockDocker(state, 'volume', 'create', 'vv')).code, 0);
    writeFileSync(join(state, 'state.json'), '{ not json');
    const r = await drydockDocker(state, 'volume', 'ls');
    assert.equal(r.code, 125);
    assert.match(r.stderr, /state directory .* is damaged \(state\.json: .*\); move it away or delete it to start afresh/);
  });

  it('lets a sleeping main process end between invocations, and docker wait print its code', async () => {
    assert.equal((await drydockDocker(state, 'run', '-d', '--name', 'nap', 'drydock/busybox:1.35', 'sh', '-c', 'sleep 1; exit 5')).code, 0);
    const waited = await drydockDocker(state, 'wait', 'nap');
    assert.deepEqual([waited.stdout, waited.code], ['5\n', 0]);
    const ps = await drydockDocker(state, 'ps', '-a', '--format', '{{.Status}}');
    assert.match(ps.stdout, /^Exited \(5\) \d+ seconds? ago\n$|^Exited \(5\) Less than a second ago\n$/);
  });

  it('prints docker usage errors with docker exit codes', async () => {
    const r = await drydockDocker(state, 'commit', '--m=x', 'c', 'i');
    assert.equal(r.code, 125);
    assert.equal(r.stderr, "unknown flag: --m\nSee 'docker commit --help'.\n");
  });
});
