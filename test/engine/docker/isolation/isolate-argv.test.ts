import assert from 'node:assert/strict';
import { isolateArgv } from '../../../../src/engine/docker/isolation/isolate-argv.js';
import { RunNames } from '../../../../src/engine/docker/isolation/run-names.js';
import { slotArgv } from '../../../../src/engine/docker/isolation/argv-slots.js';

const RUN = 'r1';
const DIR = '/tmp/drydock-run-r1-x';
const iso = (line: string, names = new RunNames(RUN, DIR)) => isolateArgv(line.split(' '), names);

describe('isolateArgv', () => {
  it('finds flag values and positionals as docker parses them', () => {
    const s = slotArgv(['run', '-dit', '--name=web', '-vdata:/d', '-e', 'A=1', 'ubuntu', 'sh', '--name', 'x'])!;
    assert.equal(s.path, 'run');
    assert.deepEqual(s.booleans, ['detach', 'interactive', 'tty']);
    assert.deepEqual(
      s.slots.map((x) => [x.flag ?? x.position, x.prefix, x.value]),
      [['name', '--name=', 'web'], ['volume', '-v', 'data:/d'], ['env', '', 'A=1'], [0, '', 'ubuntu'], [1, '', 'sh'], [2, '', '--name'], [3, '', 'x']],
    );
  });

  it('renames containers, volumes, bind sources and images of run, and leaves the command alone', () => {
    assert.deepEqual(
      iso('run -dit --name dc02 --volumes-from dc01:ro -v data:/d -v /scenario/x:/x:ro tim/centos echo --name dc01').argv,
      ['run', '-dit', '--name', 'drydock-r1-dc02', '--volumes-from', 'drydock-r1-dc01:ro', '-v', 'drydock-r1-data:/d', '-v', `${DIR}/scenario/x:/x:ro`, 'drydock-run-r1/tim/centos', 'echo', '--name', 'dc01'],
    );
    assert.deepEqual(iso('exec dc03 ls /dataVolume1').argv, ['exec', 'drydock-r1-dc03', 'ls', '/dataVolume1']);
    assert.deepEqual(iso('container rm -f aa bb').argv, ['container', 'rm', '-f', 'drydock-r1-aa', 'drydock-r1-bb']);
  });

  it('maps --mount sources by type', () => {
    assert.deepEqual(iso('create --mount type=bind,source=/h,target=/c --mount source=vv,target=/v ubuntu').argv, [
      'create', '--mount', `type=bind,source=${DIR}/h,target=/c`, '--mount', 'source=drydock-r1-vv,target=/v', 'drydock/ubuntu',
    ]);
  });

  it('tags, commits and builds into the run namespace; build gets its context to copy', () => {
    assert.deepEqual(iso('tag ubuntu myapp:1.0').argv, ['tag', 'drydock/ubuntu', 'drydock-run-r1/myapp:1.0']);
    assert.deepEqual(iso('commit base snapshot').argv, ['commit', 'drydock-r1-base', 'drydock-run-r1/snapshot']);
    const build = iso('build -t tim/centos -f /scenario/Dockerfile .');
    assert.deepEqual(build.argv, ['build', '-t', 'drydock-run-r1/tim/centos', '-f', `${DIR}/scenario/Dockerfile`, '.']);
    assert.deepEqual(build.build, { contextIndex: 5, context: '.', fileIndex: 4, filePrefix: '', file: `${DIR}/scenario/Dockerfile` });
  });

  it('lists and prunes only the run\'s objects', () => {
    assert.deepEqual(iso('ps -a').argv, ['ps', '--filter', 'label=drydock.run=r1', '-a']);
    assert.deepEqual(iso('ps -a --filter name=dc').argv, ['ps', '--filter', 'label=drydock.run=r1', '-a', '--filter', 'name=drydock-r1-dc']);
    assert.deepEqual(iso('volume prune -f').argv, ['volume', 'prune', '--filter', 'label=drydock.run=r1', '-f']);
    // not drydock.managed: images built from a stand-in inherit it, the user's own and other runs' among them
    assert.deepEqual(iso('image prune -f').argv, ['image', 'prune', '--filter', 'label=drydock.run=r1', '-f']);
    assert.equal(iso('volume ls').listing, 'volumes');
    assert.deepEqual(iso('images --filter reference=myapp').argv, ['images', '--filter', 'label=drydock.managed=true', '--filter', 'reference=drydock-run-r1/myapp']);
  });

  it('removes a shared stand-in by untagging a run-local name', () => {
    const names = new RunNames(RUN, DIR);
    const r = iso('rmi ubuntu', names);
    assert.deepEqual(r.argv, ['rmi', 'drydock-run-r1/ubuntu']);
    assert.deepEqual(r.untagShared, [{ shared: 'drydock/ubuntu', local: 'drydock-run-r1/ubuntu' }]);
    assert.equal(names.sourceImage('ubuntu'), 'drydock-run-r1/ubuntu');
  });

  it('leaves generic inspect operands to the engine, and refuses another daemon', () => {
    assert.deepEqual(iso('inspect dc01').ambiguous, [{ index: 1, prefix: '', value: 'dc01' }]);
    assert.deepEqual(iso('inspect --type volume vv').argv, ['inspect', '--type', 'volume', 'drydock-r1-vv']);
    assert.throws(() => iso('-H tcp://elsewhere:2375 ps'), /refusing docker --host/);
  });

  it('adds a --cidfile to run and create so a timed-out container can be killed', () => {
    const r = isolateArgv(['run', 'ubuntu', 'sleep', '100'], new RunNames(RUN, DIR), { cidfile: '/tmp/c' });
    assert.deepEqual(r.argv, ['run', '--cidfile', '/tmp/c', 'drydock/ubuntu', 'sleep', '100']);
  });
});
