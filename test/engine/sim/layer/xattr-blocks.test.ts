// st_blocks of directories in a container layer. The expected numbers were measured on Docker 20.10 (overlay2
// on ext4) with the same commands on the same stand-in tomcat: a directory that was copied up and then received a
// copied-up child reports 16 sectors (its two overlay xattrs spill into an external block), every other
// directory 8.

import assert from 'node:assert/strict';
import { TreeBackend } from '../../../../src/engine/sim/fs/tree-backend.js';
import { RwLayer } from '../../../../src/engine/sim/layer/rw-layer.js';
import { MergedIndex } from '../../../../src/engine/sim/layer/merged-index.js';
import { createSimEngine } from '../../../../src/engine/sim/node/create-sim-engine.js';

function blocksAfter(script: string, paths: string[], image = 'tomcat'): Record<string, number> {
  const e = createSimEngine({ host: new TreeBackend(), cwd: '/' });
  assert.equal(e.dockerSync(['run', '-d', '--name', 'ctr', image, 'sleep', '300']).exitCode, 0);
  const run = e.dockerSync(['exec', 'ctr', 'sh', '-c', `${script}; stat -c '%n %b' ${paths.join(' ')}`]);
  assert.equal(run.exitCode, 0, run.stderr);
  return Object.fromEntries(run.stdout.trim().split('\n').map((l) => [l.split(' ')[0]!, Number(l.split(' ')[1])]));
}

describe('simulator: overlay xattr blocks of container-layer directories', () => {
  it('rm -rf of a lower directory: its copied-up parents report 16, as in the notes` ls -la (total 16)', () => {
    const e = createSimEngine({ host: new TreeBackend(), cwd: '/' });
    assert.equal(e.dockerSync(['run', '-d', '--name', 'ctr', 'tomcat']).exitCode, 0);
    const ls = e.dockerSync(['exec', 'ctr', 'sh', '-c', 'rm -rf webapps/docs; ls -la webapps']);
    assert.equal(ls.stdout.split('\n')[0], 'total 16');
  });

  it('a copied-up child makes its copied-up parent 16; new children, chmod of the dir itself and the root stay 8', () => {
    const got = blocksAfter('mkdir /newdir; mkdir -p /usr/local/tomcat/webapps.dist/ROOT/sub; echo x >> /usr/local/tomcat/bin/catalina.sh; touch /etc/newfile; chmod 700 /tmp', [
      '/',
      '/newdir',
      '/usr',
      '/usr/local',
      '/usr/local/tomcat/webapps.dist',
      '/usr/local/tomcat/webapps.dist/ROOT',
      '/usr/local/tomcat/webapps.dist/ROOT/sub',
      '/usr/local/tomcat/bin',
      '/etc',
      '/tmp',
      '/bin',
    ]);
    assert.deepEqual(got, {
      '/': 8,
      '/newdir': 8,
      '/usr': 16,
      '/usr/local': 16,
      '/usr/local/tomcat/webapps.dist': 16,
      '/usr/local/tomcat/webapps.dist/ROOT': 8,
      '/usr/local/tomcat/webapps.dist/ROOT/sub': 8,
      '/usr/local/tomcat/bin': 16,
      '/etc': 8,
      '/tmp': 8,
      '/bin': 8,
    });
  });

  it('a directory deleted and made again starts over at 8', () => {
    const got = blocksAfter('echo x >> /usr/local/tomcat/bin/catalina.sh; rm -rf /usr/local/tomcat/bin; mkdir /usr/local/tomcat/bin', ['/usr/local/tomcat/bin', '/usr/local/tomcat']);
    assert.deepEqual(got, { '/usr/local/tomcat/bin': 8, '/usr/local/tomcat': 16 });
  });

  it('a commit carries no overlay xattrs: the image`s directories report 8', () => {
    const e = createSimEngine({ host: new TreeBackend(), cwd: '/' });
    assert.equal(e.dockerSync(['run', '--name', 'ctr', 'tomcat', 'sh', '-c', 'rm -rf /usr/local/tomcat/webapps/docs']).exitCode, 0);
    assert.equal(e.dockerSync(['commit', 'ctr', 'mine:1']).exitCode, 0);
    const st = e.dockerSync(['run', '--rm', 'mine:1', 'stat', '-c', '%b', '/usr/local/tomcat/webapps']);
    assert.equal(st.stdout, '8\n');
  });

  it('a restored container layer keeps them (the state directory of `drydock docker`)', () => {
    const rw = new RwLayer(MergedIndex.empty());
    rw.put('/d', { kind: 'dir', opaque: false, mode: 0o755, uid: 0, gid: 0, mtime: 0 });
    const restored = RwLayer.restore(MergedIndex.empty(), rw.snapshot(), ['/d']);
    assert.equal(restored.blocks('/d'), 16);
    assert.deepEqual(restored.xattrBlockDirs(), ['/d']);
    assert.equal(RwLayer.restore(MergedIndex.empty(), rw.snapshot()).blocks('/d'), undefined);
  });
});
