import assert from 'node:assert/strict';
import { TreeBackend } from '../../../../src/engine/sim/fs/tree-backend.js';
import { createSimEngine } from '../../../../src/engine/sim/node/create-sim-engine.js';

// network, system, plugin, swarm and context are parsed as the docker 20.10 client parses them (usage errors and
// help are checked byte for byte in test/docker-cli/oracle.test.ts); what then would reach the daemon is refused
// by name, except `docker system info` and `docker system events`, which are `docker info` and `docker events`.

describe('simulator: network, system, plugin, swarm and context commands', () => {
  const engine = () => createSimEngine({ host: new TreeBackend(), cwd: '/' });

  it('refuses a well-formed command plainly, naming it, exit 125', () => {
    const e = engine();
    const cases: [string[], string][] = [
      [['network', 'create', '-d', 'bridge', 'n1'], "drydock: 'docker network create' is not simulated (the simulator has no networks); run it with --engine docker\n"],
      [['network', 'list'], "drydock: 'docker network ls' is not simulated (the simulator has no networks); run it with --engine docker\n"],
      [['system', 'df'], "drydock: 'docker system df' is not simulated (not modelled by the simulator); run it with --engine docker\n"],
      [['system', 'prune', '-af'], "drydock: 'docker system prune' is not simulated (not modelled by the simulator); run it with --engine docker\n"],
      [['plugin', 'install', 'vieux/sshfs'], "drydock: 'docker plugin install' is not simulated (the simulator has no plugins); run it with --engine docker\n"],
      [['swarm', 'init'], "drydock: 'docker swarm init' is not simulated (the simulator has no swarm); run it with --engine docker\n"],
      [['context', 'use', 'default'], "drydock: 'docker context use' is not simulated (the simulator is one local state, with no contexts); run it with --engine docker\n"],
      [['service', 'ls'], "drydock: 'docker service' is not simulated (the simulator has no swarm); run it with --engine docker\n"],
      [['image', 'pull', 'busybox'], "drydock: 'docker image pull' is not simulated (the simulator reaches no registry); run it with --engine docker\n"],
      [['system', 'events'], "drydock: 'docker system events' is not simulated (the simulator keeps no event stream); run it with --engine docker\n"],
    ];
    for (const [argv, stderr] of cases) assert.deepEqual(e.dockerSync(argv), { exitCode: 125, stdout: '', stderr }, argv.join(' '));
  });

  it('gives docker usage errors before refusing (unknown flag, unknown subcommand, arity)', () => {
    const e = engine();
    assert.deepEqual(e.dockerSync(['network', 'ls', '--bogus']), {
      exitCode: 125,
      stdout: '',
      stderr: "unknown flag: --bogus\nSee 'docker network ls --help'.\n",
    });
    const bogus = e.dockerSync(['system', 'bogus']);
    assert.equal(bogus.exitCode, 1);
    assert.match(bogus.stderr, /^\nUsage: {2}docker system COMMAND\n\nManage Docker\n\nCommands:\n {2}df {10}Show docker disk usage\n/);
    assert.equal(e.dockerSync(['network', 'create']).exitCode, 1);
    assert.deepEqual(e.dockerSync(['context', 'use']), { exitCode: 1, stdout: '', stderr: 'accepts 1 arg(s), received 0\n' });
  });

  it('prints help for the groups and their subcommands', () => {
    const e = engine();
    const r = e.dockerSync(['network', 'ls', '--help']);
    assert.equal(r.exitCode, 0);
    assert.match(r.stdout, /^\nUsage: {2}docker network ls \[OPTIONS\]\n\nList networks\n\nAliases:\n {2}ls, list\n/);
  });

  it('runs `docker system info` as `docker info`, flags included', () => {
    const e = engine();
    e.dockerSync(['run', '-d', '--name', 'si1', 'drydock/busybox:1.35', 'sleep', '300']);
    const long = e.dockerSync(['system', 'info']);
    assert.equal(long.exitCode, 0, long.stderr);
    assert.deepEqual(long, e.dockerSync(['info']));
    assert.match(long.stdout, /\n Containers: 1\n {2}Running: 1\n/);
    assert.deepEqual(e.dockerSync(['system', 'info', '-f', '{{.ContainersRunning}}']), { exitCode: 0, stdout: '1\n', stderr: '' });
    assert.deepEqual(e.dockerSync(['system', 'info', '--format', '{{.Containers}} {{.Images}}']), e.dockerSync(['info', '--format', '{{.Containers}} {{.Images}}']));
  });
});
