// `inspect --size` on the simulator, against what Docker 20.10 printed for the same commands on the same stand-in
// tomcat: SizeRw and SizeRootFs only with --size (placed after GraphDriver), and `<nil>` / `null` in a template
// without it (the client runs templates on types.ContainerJSON first, where both fields always exist).

import assert from 'node:assert/strict';
import { TreeBackend } from '../../../../src/engine/sim/fs/tree-backend.js';
import { createSimEngine } from '../../../../src/engine/sim/node/create-sim-engine.js';

describe('simulator: inspect --size', () => {
  const e = createSimEngine({ host: new TreeBackend(), cwd: '/' });
  before(() => {
    assert.equal(e.dockerSync(['run', '-d', '--name', 'ctr', 'tomcat']).exitCode, 0);
    assert.equal(e.dockerSync(['exec', 'ctr', 'sh', '-c', 'echo hello > /x.txt']).exitCode, 0);
  });

  it('adds the container layer`s bytes and those plus the image`s', () => {
    assert.equal(e.dockerSync(['container', 'inspect', '-s', 'ctr', '--format', '{{.SizeRw}} {{.SizeRootFs}}']).stdout, '6 1985584\n');
    const json = e.dockerSync(['inspect', '--size', 'ctr']).stdout;
    assert.match(json, /"GraphDriver": \{[\s\S]*?\n {8}\},\n {8}"SizeRw": 6,\n {8}"SizeRootFs": 1985584,\n {8}"Mounts"/);
  });

  it('without --size: absent from the JSON, nil in a template', () => {
    assert.doesNotMatch(e.dockerSync(['inspect', 'ctr']).stdout, /SizeRw/);
    const r = e.dockerSync(['inspect', 'ctr', '--format', '{{.SizeRw}}|{{json .SizeRootFs}}']);
    assert.deepEqual([r.stdout, r.exitCode], ['<nil>|null\n', 0]);
    const missing = e.dockerSync(['inspect', 'ctr', '--format', '{{.NoSuch}}']);
    assert.equal(missing.exitCode, 1);
  });
});

describe('simulator: HostConfig.Binds', () => {
  it('holds every -v with a source as typed, once; anonymous ones go to Config.Volumes', () => {
    const e = createSimEngine({ host: new TreeBackend(), cwd: '/' });
    const run = e.dockerSync(['create', '--name', 'ctr', '-v', '/srv/site:/site:ro', '-v', 'data:/data', '-v', '/anon', '-v', 'data:/data', 'centos', 'true']);
    assert.equal(run.exitCode, 0, run.stderr);
    const r = e.dockerSync(['inspect', 'ctr', '--format', '{{json .HostConfig.Binds}} {{json .Config.Volumes}}']);
    assert.equal(r.stdout, '["/srv/site:/site:ro","data:/data"] {"/anon":{}}\n');
  });
});
