// A scenario's `files:` stay inside the real engine's run folder, as they stay on the simulator's own host:
// `..` stops at the folder, absolute paths land in it, symlinks already in it are followed inside it (as a
// chroot follows them). The first part needs no engine; the last writes through IsolatedDockerEngine and reads
// the file back from a container on the real daemon (skipped where none answers; a few seconds).

import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureFixtureImages } from '../../../../src/engine/docker/base-image.js';
import { IsolatedDockerEngine } from '../../../../src/engine/docker/isolation/isolated-engine.js';
import { writeRunFolderFiles } from '../../../../src/engine/docker/isolation/run-folder-files.js';
import { RUN_DIR_PREFIX } from '../../../../src/runner/docker-engines.js';
import { buildScenario } from '../../../../src/scenario/build-model.js';
import { requireDocker } from '../require-docker.js';

const file = (path: string, text: string) => ({ path, content: new TextEncoder().encode(text), mode: 0o640 });

describe("a scenario's files stay in the real engine's run folder", function () {
  this.timeout(120_000);
  let base: string;
  let root: string;
  let outside: string;
  beforeEach(() => {
    base = mkdtempSync(join(tmpdir(), 'drydock-files-'));
    root = join(base, 'run');
    outside = join(base, 'outside');
    mkdirSync(root);
    mkdirSync(outside);
  });
  afterEach(() => rmSync(base, { recursive: true, force: true }));

  it('puts `..` and absolute paths inside the folder', () => {
    writeRunFolderFiles(root, [file('/scenario/../../../outside/a', 'a'), file('/etc/app.conf', 'c'), file(`${outside}/b`, 'b')]);
    assert.equal(readFileSync(join(root, 'outside', 'a'), 'utf8'), 'a');
    assert.equal(readFileSync(join(root, 'etc', 'app.conf'), 'utf8'), 'c');
    assert.equal(readFileSync(join(root, outside, 'b'), 'utf8'), 'b');
    assert.deepEqual(readdirSync(outside), []);
  });

  it('follows symlinks in the folder inside it, never out of it', () => {
    symlinkSync('/', join(root, 'slash'));
    symlinkSync('../../../../..', join(root, 'up'));
    symlinkSync(outside, join(root, 'abs'));
    symlinkSync(join(outside, 'last'), join(root, 'last'));
    writeRunFolderFiles(root, [file('/slash/x', '1'), file('/up/y', '2'), file('/abs/z', '3'), file('/last', '4')]);
    assert.deepEqual(readdirSync(outside), [], 'nothing written outside the run folder');
    assert.equal(readFileSync(join(root, 'x'), 'utf8'), '1');
    assert.equal(readFileSync(join(root, 'y'), 'utf8'), '2');
    assert.equal(readFileSync(join(root, outside, 'z'), 'utf8'), '3');
    assert.equal(readFileSync(join(root, outside, 'last'), 'utf8'), '4');
  });

  it('refuses a path through a symlink loop, naming the file', () => {
    symlinkSync('loop', join(root, 'loop'));
    assert.throws(() => writeRunFolderFiles(root, [file('/loop/x', '')]), /files: \/loop\/x: Too many levels of symbolic links/);
  });

  it('reads `..` in a scenario file name as a chroot does, on both engines', () => {
    // a source map that places everything at 1:1 (only the files are looked at)
    const map = { pos: () => ({ line: 1, col: 1 }), range: () => ({ start: 0 }) } as never;
    const s = buildScenario({ name: 'n', files: { '../../etc/x': 'x', '/a/../b': 'b' }, steps: [] }, map, 'f.yaml');
    assert.deepEqual(s.files.map((f) => f.path), ['/etc/x', '/b']);
  });

  it('on a real daemon: a file named with `..` is where the scenario sees it, not on the machine', async function () {
    this.timeout(600_000);
    const client = await requireDocker(this);
    const fixtureIds = (await ensureFixtureImages(client)).map((f) => f.id);
    const runId = randomBytes(6).toString('hex');
    const runDir = mkdtempSync(join(tmpdir(), `${RUN_DIR_PREFIX}${runId}-`));
    const name = `h12c-files-${runId}`;
    const engine = new IsolatedDockerEngine({ runId, runDir, cwd: '/scenario', fixtureIds });
    try {
      engine.writeFiles([file(`/scenario/../../../../etc/${name}`, 'inside\n')]);
      assert.equal(existsSync(`/etc/${name}`), false);
      const r = await engine.docker(['run', '--rm', '-v', '/etc:/m', 'drydock/busybox:1.35', 'cat', `/m/${name}`]);
      assert.deepEqual([r.exitCode, r.stdout], [0, 'inside\n'], r.stderr);
    } finally {
      await engine.dispose();
      rmSync(runDir, { recursive: true, force: true });
    }
  });
});
