import assert from 'node:assert/strict';
import { TreeBackend } from '../../../../src/engine/sim/fs/tree-backend.js';
import { createSimEngine } from '../../../../src/engine/sim/node/create-sim-engine.js';
import { writeTar } from '../../../../src/tar/tar.js';

// `docker build -` with an archive on stdin (build.DetectArchiveReader): the context is the archive, sent as is
// (the progress line counts its bytes), untarred chrooted by the daemon (`../foo` and `/bar` land in the
// context folder: moby's TestBuildUncleanTarFilenames, recorded on 20.10); -f names the Dockerfile inside it.
// A Dockerfile on stdin stays a Dockerfile.

const enc = new TextEncoder();
const file = (path: string, text: string) => ({ path, type: 'file' as const, mode: 0o600, data: enc.encode(text) });

describe('simulator: docker build - with a tar context on stdin', () => {
  const engine = () => createSimEngine({ host: new TreeBackend(), cwd: '/' });

  it('builds from the archive, with its unclean names cleaned inside the context', () => {
    const e = engine();
    const tar = writeTar([file('Dockerfile', 'FROM drydock/busybox:1.35\nCOPY foo bar /\n'), file('../foo', 'F'), file('/bar', 'B')]);
    const r = e.dockerSync(['build', '-t', 'ctx-tar', '-'], { stdin: tar });
    assert.equal(r.exitCode, 0, r.stderr);
    assert.match(r.stdout, /^Sending build context to Docker daemon {2}\d/);
    assert.equal(e.dockerSync(['run', '--rm', '--name', 'ct', 'ctx-tar', 'cat', '/foo', '/bar']).stdout, 'FB');
  });

  it('reads the Dockerfile -f names inside the archive, and says when it is missing', () => {
    const e = engine();
    const tar = writeTar([file('sub/Dfile', 'FROM drydock/busybox:1.35\nENV A=1\n')]);
    assert.equal(e.dockerSync(['build', '-q', '-f', 'sub/Dfile', '-'], { stdin: tar }).exitCode, 0);
    const missing = e.dockerSync(['build', '-'], { stdin: tar });
    assert.equal(missing.exitCode, 1);
    assert.equal(missing.stderr, 'Error response from daemon: Cannot locate specified Dockerfile: Dockerfile\n');
  });

  it('keeps a plain Dockerfile on stdin a Dockerfile', () => {
    const r = engine().dockerSync(['build', '-q', '-'], { stdin: enc.encode('FROM drydock/busybox:1.35\nENV B=2\n') });
    assert.equal(r.exitCode, 0, r.stderr);
  });
});
