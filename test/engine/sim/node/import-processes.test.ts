// Issue 11's reproducer with the built CLI: `node bin/drydock.js docker …` as separate processes on one state
// directory, a GNU tar of "." (with its "./" member) imported and then used by every later command, as a
// user's shell script would. Needs the compiled CLI (npm ci / npm run build); skipped with a message without it.
// Budget: about 8 s on an idle machine (twelve processes of ~0.6 s CPU each; 37 s with a load average of 30).

import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { writeTar } from '../../../../src/tar/tar.js';

const run = promisify(execFile);
const repo = join(fileURLToPath(import.meta.url), '..', '..', '..', '..', '..');
const cli = join(repo, 'bin', 'drydock.js');

describe('drydock docker: an imported GNU tar across processes (issue 11)', function () {
  this.timeout(180_000);
  let state: string;
  let hostRoot: string;
  before(function () {
    if (!existsSync(join(repo, 'dist', 'bundle', 'drydock.js'))) {
      console.log('      the CLI is not built (dist/bundle/drydock.js missing; run npm run build): skipping');
      this.skip();
    }
  });
  beforeEach(() => {
    state = mkdtempSync(join(tmpdir(), 'drydock-state-'));
    hostRoot = mkdtempSync(join(tmpdir(), 'drydock-host-'));
  });
  afterEach(() => {
    rmSync(state, { recursive: true, force: true });
    rmSync(hostRoot, { recursive: true, force: true });
  });

  const docker = async (...argv: string[]) => {
    try {
      const { stdout, stderr } = await run(process.execPath, [cli, 'docker', ...argv], { cwd: repo, env: { ...process.env, DRYDOCK_STATE: state, DRYDOCK_HOST_ROOT: hostRoot } });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  };
  const ok = async (...argv: string[]) => {
    const r = await docker(...argv);
    assert.equal(r.code, 0, `docker ${argv.join(' ')}: ${r.stderr}`);
    return r.stdout;
  };

  it('imports, lists, inspects, exports, saves and loads it again with the same answers', async () => {
    // what `tar -C r -cf r.tar .` writes for r/bin/f: the "./" member first, GNU's header shape
    const mtime = 981173106000;
    writeFileSync(
      join(hostRoot, 'r.tar'),
      writeTar(
        [
          { path: './', type: 'dir', mode: 0o710, uid: 1234, gid: 5678, mtime },
          { path: './bin/', type: 'dir', mode: 0o755, mtime },
          { path: './bin/f', type: 'file', data: new TextEncoder().encode('hi\n'), mode: 0o644, mtime },
        ],
        { format: 'gnu' },
      ),
    );
    const id = (await ok('import', '/r.tar', 't:1')).trim();
    assert.match(id, /^sha256:[0-9a-f]{64}$/);
    assert.equal(await ok('images', '--format', '{{.Repository}}:{{.Tag}} {{.ID}}', 't'), `t:1 ${id.slice(7, 19)}\n`);
    // everything but Metadata.LastTagTime, which a load sets anew (as on 20.10)
    const fields = '{{.Id}} {{json .RootFS}} {{.Created}} {{.Comment}} {{.Size}} {{json .Config}} {{json .ContainerConfig}} {{.Architecture}}';
    const inspect = await ok('image', 'inspect', '--format', fields, 't:1');
    const history = await ok('history', '--no-trunc', '--format', '{{.ID}} {{.CreatedBy}} {{.Size}} {{.Comment}}', 't:1');
    // the client uploads the file as the request body, so the daemon names its source `-` (recorded on 20.10)
    assert.equal(history, `${id}  3B Imported from -\n`);
    assert.equal((await docker('create', '--name', 'c1', 't:1', 'x')).code, 0);
    const exported = await ok('export', 'c1');
    assert.match(exported, /bin\/f/);
    await ok('save', '-o', '/s.tar', 't:1');
    await ok('rm', 'c1');
    await ok('rmi', 't:1');
    assert.equal(await ok('load', '-i', '/s.tar'), 'Loaded image: t:1\n');
    assert.equal(await ok('image', 'inspect', '--format', fields, 't:1'), inspect);
    assert.equal(await ok('history', '--no-trunc', '--format', '{{.ID}} {{.CreatedBy}} {{.Size}} {{.Comment}}', 't:1'), history);
  });
});
