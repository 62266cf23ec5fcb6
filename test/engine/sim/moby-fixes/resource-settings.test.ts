// run/create's resource settings: the daemon's refusals of a too small --memory, a malformed --cpuset-cpus or
// --cpuset-mems and an --oom-score-adj out of range, in moby's order, before the simulator refuses the limits it
// does not carry out; --oom-score-adj itself is kept (inspect, /proc/PID/oom_score_adj). Observed with Docker
// 20.10.24 (moby's TestRunWithTooSmallMemoryLimit, TestRunWrongCpuset*FlagValue, TestRunWithOomScoreAdj*).

import assert from 'node:assert/strict';
import { TreeBackend } from '../../../../src/engine/sim/fs/tree-backend.js';
import { createSimEngine } from '../../../../src/engine/sim/node/create-sim-engine.js';

describe('moby fixes: run/create resource settings', () => {
  const e = createSimEngine({ host: new TreeBackend(), cwd: '/' });
  const run = (...argv: string[]) => {
    const r = e.dockerSync(argv);
    return [r.stdout, r.stderr, r.exitCode] as const;
  };
  const img = 'drydock/busybox:1.35';

  it('refuses a memory limit under 6MB as the daemon does, and a valid one as not simulated', () => {
    assert.deepEqual(run('create', '-m', '6291455', img), ['', 'Error response from daemon: Minimum memory limit allowed is 6MB\n', 1]);
    const [, stderr, code] = run('create', '-m', '64m', img);
    assert.equal(code, 125);
    assert.match(stderr, /--memory is not simulated/);
  });

  it('checks the cpuset lists as pkg/parsers.ParseUintList reads them', () => {
    assert.equal(run('run', '--cpuset-cpus', '1-10,11--', img, 'true')[1], "docker: Error response from daemon: Invalid value 1-10,11-- for cpuset cpus: invalid format: 1-10,11--.\nSee 'docker run --help'.\n");
    assert.equal(run('create', '--cpuset-cpus', '3-1', img)[1], 'Error response from daemon: Invalid value 3-1 for cpuset cpus: invalid format: 3-1\n');
    assert.equal(run('create', '--cpuset-cpus', '0', '--cpuset-mems', 'x', img)[1], 'Error response from daemon: Invalid value x for cpuset mems: invalid format: x\n');
    assert.match(run('create', '--cpuset-cpus', '0-1,3', img)[1], /--cpuset-cpus is not simulated/);
  });

  it('checks in moby order: memory, cpuset, then the OOM score range', () => {
    assert.equal(run('create', '--oom-score-adj', '1001', '-m', '1', img)[1], 'Error response from daemon: Minimum memory limit allowed is 6MB\n');
    assert.equal(run('create', '--oom-score-adj', '1001', '--cpuset-cpus', 'x', img)[1], 'Error response from daemon: Invalid value x for cpuset cpus: invalid format: x\n');
    assert.equal(run('create', '--oom-score-adj', '-1001', img)[1], 'Error response from daemon: Invalid value -1001, range for oom score adj is [-1000, 1000]\n');
  });

  it('keeps --oom-score-adj for inspect and every process of the container', () => {
    assert.deepEqual(run('run', '--name', 'oom1', '--oom-score-adj', '642', img, 'sh', '-c', 'cat /proc/self/oom_score_adj; sh -c "cat /proc/self/oom_score_adj"'), ['642\n642\n', '', 0]);
    assert.equal(run('inspect', '-f', '{{.HostConfig.OomScoreAdj}}', 'oom1')[0], '642\n');
    assert.equal(run('run', '--rm', img, 'cat', '/proc/1/oom_score_adj')[0], '0\n');
  });
});
