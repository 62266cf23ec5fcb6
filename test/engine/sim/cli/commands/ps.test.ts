// `docker ps` filters and row fields on the simulator against what Docker 20.10 (client and engine 20.10.24) printed for the same commands (observed with
// /usr/bin/docker).

import assert from 'node:assert/strict';
import { TreeBackend } from '../../../../../src/engine/sim/fs/tree-backend.js';
import { createSimEngine } from '../../../../../src/engine/sim/node/create-sim-engine.js';

const sim = () => createSimEngine({ host: new TreeBackend(), cwd: '/' });
const run = (e: ReturnType<typeof sim>, ...argv: string[]) => {
  const r = e.dockerSync(argv);
  return [r.stdout, r.stderr, r.exitCode] as const;
};

describe('docker ps', () => {
  const withContainer = () => {
    const e = sim();
    assert.equal(e.dockerSync(['create', '--network', 'none', '--name', 'ddx-xa', '-l', 'k=v', '--label', 'k2', 'drydock/busybox:1.35', 'true']).exitCode, 0);
    return e;
  };

  it('accepts every filter key of 20.10 and words the refusals as the daemon does', () => {
    const e = withContainer();
    assert.deepEqual(run(e, 'ps', '-a', '--filter', 'bogus=1'), ['', "Error response from daemon: Invalid filter 'bogus'\n", 1]);
    assert.deepEqual(run(e, 'ps', '-a', '--filter', 'status=bogus'), ['', "Error response from daemon: Invalid filter 'status=bogus'\n", 1]);
    assert.deepEqual(run(e, 'ps', '-a', '-f', 'exited=x'), ['', 'Error response from daemon: strconv.Atoi: parsing "x": invalid syntax\n', 1]);
    assert.deepEqual(run(e, 'ps', '-a', '-f', 'health=bogus'), ['', 'Error response from daemon: Unrecognised filter value for health: bogus\n', 1]);
    assert.deepEqual(run(e, 'ps', '-a', '-f', 'is-task=maybe'), ['', "Error response from daemon: Invalid filter 'is-task=[maybe]'\n", 1]);
    assert.deepEqual(run(e, 'ps', '-a', '-f', 'before=ddx-nosuch'), ['', 'Error response from daemon: no such container ddx-nosuch\n', 1]);
    for (const f of ['is-task=false', 'health=none', 'network=none', 'isolation=default']) {
      assert.equal(run(e, 'ps', '-a', '--filter', f, '--format', '{{.Names}}')[0], 'ddx-xa\n', f);
    }
    for (const f of ['publish=80', 'expose=80', 'since=ddx-xa', 'before=ddx-xa', 'label=k=v', 'is-task=true']) {
      const expected = f === 'label=k=v' ? 'ddx-xa\n' : '';
      assert.equal(run(e, 'ps', '-a', '--filter', f, '--format', '{{.Names}}')[0], expected, f);
    }
  });

  it('needs every label filter to hold, and matches id as a regular expression', () => {
    const e = withContainer();
    assert.equal(run(e, 'ps', '-a', '-f', 'label=k=v', '-f', 'label=nope', '-q')[0], '');
    assert.equal(run(e, 'ps', '-a', '-f', 'label=k=v', '-f', 'label=k2', '--format', '{{.Names}}')[0], 'ddx-xa\n');
    const id = e.dockerSync(['inspect', '-f', '{{.Id}}', 'ddx-xa']).stdout.trim();
    assert.equal(run(e, 'ps', '-a', '-f', `id=${id.slice(3, 9)}`, '--format', '{{.Names}}')[0], 'ddx-xa\n');
  });

  it('has the Label method and LocalVolumes', () => {
    const e = withContainer();
    const [out, , code] = run(e, 'ps', '-a', '--format', '{{.Label "k"}}|{{.Label "none"}}|{{.LocalVolumes}}');
    assert.deepEqual([out, code], ['v||0\n', 0]);
    assert.match(run(e, 'ps', '-a', '--format', '{{json .}}')[0], /"Labels":"k=v,k2=","LocalVolumes":"0","Mounts":""/);
  });

  it('cuts every mount name (volume name or bind source) to 15 columns with an ellipsis', () => {
    const e = sim();
    e.dockerSync(['create', '--network', 'none', '--name', 'ddx-m', '-v', 'ddx-xlongvolumename123:/n', '-v', '/srv/hostdir:/h', 'drydock/busybox:1.35', 'true']);
    assert.equal(run(e, 'ps', '-a', '--format', '{{.Mounts}}|{{.LocalVolumes}}')[0], 'ddx-xlongvolum…,/srv/hostdir|1\n');
    assert.equal(run(e, 'ps', '-a', '--no-trunc', '--format', '{{.Mounts}}')[0], 'ddx-xlongvolumename123,/srv/hostdir\n');
  });

  it('checks the template before listing, so a bad field fails even with no rows', () => {
    const e = sim();
    assert.deepEqual(run(e, 'ps', '-a', '--format', '{{.Nope}}'), [
      '',
      'failed to execute template: template: :1:2: executing "" at <.Nope>: can\'t evaluate field Nope in type *formatter.ContainerContext\n',
      1,
    ]);
  });
});

describe('docker ps: before/since with a stopped container', () => {
  it('cuts the list of all containers at it, then leaves stopped ones out (observed on 20.10)', () => {
    const e = createSimEngine({ host: new TreeBackend(), cwd: '/' });
    e.dockerSync(['run', '-d', '--name', 'ddx-old', 'drydock/busybox:1.35', 'sleep', '300']);
    e.dockerSync(['run', '--name', 'ddx-mid', 'drydock/busybox:1.35', 'true']);
    e.dockerSync(['run', '-d', '--name', 'ddx-new', 'drydock/busybox:1.35', 'sleep', '300']);
    assert.equal(e.dockerSync(['ps', '--filter', 'before=ddx-mid', '--format', '{{.Names}}']).stdout, 'ddx-old\n');
    assert.equal(e.dockerSync(['ps', '--filter', 'since=ddx-mid', '--format', '{{.Names}}']).stdout, 'ddx-new\n');
  });
});
