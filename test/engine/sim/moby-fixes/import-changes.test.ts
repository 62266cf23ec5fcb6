// docker import applies --change like commit (dockerfile.BuildFromConfig on an empty config) and names its
// source `-` even for a file, since the client uploads the file as the request body. Texts as Docker 20.10
// (client and engine 20.10.24) printed them for the same commands.

import assert from 'node:assert/strict';
import { writeTar } from '../../../../src/tar/tar.js';
import { TreeBackend } from '../../../../src/engine/sim/fs/tree-backend.js';
import { createSimEngine } from '../../../../src/engine/sim/node/create-sim-engine.js';

function sim() {
  const host = new TreeBackend();
  host.put('/w', { kind: 'dir', opaque: false, mode: 0o755, uid: 0, gid: 0, mtime: 0 });
  const tar = writeTar([{ path: 'bin/f', type: 'file', mode: 0o644, uid: 0, gid: 0, mtime: 0, data: new TextEncoder().encode('hi\n') }]);
  host.put('/w/r.tar', { kind: 'file', data: tar, mode: 0o644, uid: 0, gid: 0, mtime: 0 });
  const e = createSimEngine({ host, cwd: '/w' });
  return (...argv: string[]) => {
    const r = e.dockerSync(argv);
    return [r.stdout, r.stderr, r.exitCode] as const;
  };
}

describe('moby fixes: docker import --change', () => {
  it('sets the config from JSON and shell forms, and leaves ContainerConfig empty', () => {
    const run = sim();
    assert.equal(run('import', '-c', 'CMD ["sh"]', '-c', 'ENV A=1', '-c', 'WORKDIR /x', 'r.tar', 'imp:1')[2], 0);
    const [out] = run('image', 'inspect', '-f', '{{json .Config.Cmd}} {{json .Config.Env}} {{.Config.WorkingDir}} {{json .ContainerConfig.Cmd}}', 'imp:1');
    assert.equal(out, '["sh"] ["A=1"] /x null\n');
  });

  it('says "Imported from -" for a file', () => {
    const run = sim();
    run('import', 'r.tar', 'imp:1');
    assert.equal(run('history', '--format', '{{.Comment}}', 'imp:1')[0], 'Imported from -\n');
  });

  it('refuses what commit refuses, with the daemon\'s texts', () => {
    const run = sim();
    assert.deepEqual(run('import', '-c', 'FROM x', 'r.tar'), ['', 'Error response from daemon: from is not a valid change command\n', 1]);
    assert.deepEqual(run('import', '-c', 'ENV A', 'r.tar'), ['', 'Error response from daemon: ENV must have two arguments\n', 1]);
    assert.equal(run('import', '-c', 'CMD', 'r.tar')[2], 0);
  });
});
