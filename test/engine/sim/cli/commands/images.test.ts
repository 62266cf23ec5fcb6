// `docker images` filters and row fields on the simulator against what Docker 20.10 (client and engine 20.10.24) printed for the same commands (observed with
// /usr/bin/docker).

import assert from 'node:assert/strict';
import { TreeBackend } from '../../../../../src/engine/sim/fs/tree-backend.js';
import { createSimEngine } from '../../../../../src/engine/sim/node/create-sim-engine.js';

const sim = () => createSimEngine({ host: new TreeBackend(), cwd: '/' });
const run = (e: ReturnType<typeof sim>, ...argv: string[]) => {
  const r = e.dockerSync(argv);
  return [r.stdout, r.stderr, r.exitCode] as const;
};

describe('docker images', () => {
  it('refuses unknown filters and dangling values as the daemon does', () => {
    const e = sim();
    assert.deepEqual(run(e, 'images', '--filter', 'bogus=x'), ['', "Error response from daemon: Invalid filter 'bogus'\n", 1]);
    assert.deepEqual(run(e, 'images', '--filter', 'dangling=maybe'), ['', "Error response from daemon: Invalid filter 'dangling=[maybe]'\n", 1]);
    assert.deepEqual(run(e, 'images', '--filter', 'before=ddx-nosuch'), ['', 'Error response from daemon: No such image: ddx-nosuch:latest\n', 1]);
  });

  it('applies before, since and label, and prints a row (so an ID) per tag with -q', () => {
    const e = sim();
    run(e, 'tag', 'drydock/busybox:1.35', 'ddx-img:one');
    run(e, 'tag', 'drydock/busybox:1.35', 'ddx-img:two');
    const empty = 'REPOSITORY   TAG       IMAGE ID   CREATED   SIZE\n';
    // the same image is neither before nor since itself
    assert.equal(run(e, 'images', '--filter', 'before=ddx-img:one', 'ddx-img')[0], empty);
    assert.equal(run(e, 'images', '--filter', 'since=ddx-img:one', 'ddx-img')[0], empty);
    assert.equal(run(e, 'images', '--filter', 'label=x', 'ddx-img')[0], empty);
    const ids = run(e, 'images', '-q', 'ddx-img')[0].split('\n').filter(Boolean);
    assert.equal(ids.length, 2);
    assert.equal(ids[0], ids[1]);
  });

  it('has SharedSize, UniqueSize and a 4-digit VirtualSize', () => {
    const e = sim();
    run(e, 'tag', 'drydock/busybox:1.35', 'ddx-img:one');
    const [out, , code] = run(e, 'images', '--format', '{{.SharedSize}}|{{.UniqueSize}}|{{.VirtualSize}}|{{.Size}}', 'ddx-img');
    assert.deepEqual([out, code], ['N/A|N/A|1.985MB|1.99MB\n', 0]);
    assert.match(run(e, 'images', '--format', '{{json .}}', 'ddx-img')[0], /"Repository":"ddx-img","SharedSize":"N\/A","Size":"1.99MB","Tag":"one","UniqueSize":"N\/A","VirtualSize":"1.985MB"\}/);
  });
});
