import assert from 'node:assert/strict';
import { applyArgvPolicy } from '../../../src/engine/docker/argv-policy.js';
import { parseDockerArgv } from '../../../src/docker-cli/index.js';
import { EngineError } from '../../../src/errors/engine-error.js';

const labels = { 'drydock.managed': 'true', 'drydock.run': 'r1' };
const LABELS = ['--label', 'drydock.managed=true', '--label', 'drydock.run=r1'];
const policy = (argv: string[]): string[] => applyArgvPolicy(argv, { labels });
const refused = (argv: string[], message: RegExp): void => {
  assert.throws(
    () => policy(argv),
    (error: unknown) => error instanceof EngineError && error.code === 'POLICY_REFUSED' && message.test(error.message),
  );
};

describe('argv policy for the real engine', () => {
  it('reads the command after global options and inside management commands with docker-cli\'s parser', () => {
    const at = (argv: string[]) => {
      const parsed = parseDockerArgv(argv);
      return parsed.ok ? [parsed.command.name, parsed.command.positions.commandEnd] : null;
    };
    assert.deepEqual(at(['--log-level', 'info', '-D', 'run', 'img']), ['run', 4]);
    assert.equal(at(['--context', 'x', 'run', 'img']), null); // docker stops: no such context
    assert.deepEqual(at(['-H=unix:///s', 'volume', 'create', 'v']), ['volume create', 3]);
    assert.equal(at(['container', '--help']), null);
    assert.equal(at(['--version']), null);
  });

  it('stops reading docker options at the image, as docker run does', () => {
    const argv = ['run', '-dit', '-p8080:80', '-e', 'A=1', '--rm', '--name=x', 'img', 'echo', '--network', 'host'];
    const parsed = parseDockerArgv(argv);
    assert.ok(parsed.ok);
    assert.equal(argv[parsed.command.positions.argIndexes[0]!], 'img');
    assert.deepEqual(
      parsed.command.positions.occurrences.map((o) => [o.name, o.bare ? undefined : o.value]),
      [['detach', undefined], ['interactive', undefined], ['tty', undefined], ['publish', '8080:80'], ['env', 'A=1'], ['rm', undefined], ['name', 'x']],
    );
  });

  it('adds --network none, --pull never and the labels to run and create', () => {
    assert.deepEqual(policy(['run', '--rm', 'tomcat', 'ls']), ['run', '--network', 'none', '--pull', 'never', ...LABELS, '--rm', 'tomcat', 'ls']);
    assert.deepEqual(policy(['container', 'create', 'img']), ['container', 'create', '--network', 'none', '--pull', 'never', ...LABELS, 'img']);
    assert.deepEqual(policy(['-l', 'warn', 'run', 'img']), ['-l', 'warn', 'run', '--network', 'none', '--pull', 'never', ...LABELS, 'img']);
  });

  it('keeps a --network none or --pull never already given', () => {
    assert.deepEqual(policy(['run', '--network=none', '--pull', 'never', 'img']), ['run', ...LABELS, '--network=none', '--pull', 'never', 'img']);
    assert.deepEqual(policy(['run', '--net', 'none', 'img']), ['run', '--pull', 'never', ...LABELS, '--net', 'none', 'img']);
  });

  it('does not mistake the container command for docker options', () => {
    const out = policy(['run', 'img', 'sh', '-c', 'echo --network host --pull always']);
    assert.deepEqual(out.slice(0, 5), ['run', '--network', 'none', '--pull', 'never']);
  });

  it('refuses another network, another pull policy and network-making commands', () => {
    refused(['run', '--network', 'host', 'img'], /refusing --network host: .*--network none/);
    refused(['create', '--net=bridge', 'img'], /refusing --net bridge/);
    refused(['run', '--pull', 'always', 'img'], /refusing --pull always: no registry/);
    refused(['build', '--network', 'host', '.'], /refusing --network host/);
    refused(['network', 'create', 'n'], /refusing docker network create: drydock creates no networks/);
    refused(['network', 'connect', 'n', 'c'], /refusing docker network connect/);
    refused(['swarm', 'init'], /swarm/);
  });

  it('labels volumes and imports, isolates builds without labels (they would add LABEL steps), leaves the rest alone', () => {
    assert.deepEqual(policy(['build', '-t', 'x', '.']), ['build', '--network', 'none', '-t', 'x', '.']);
    assert.deepEqual(policy(['volume', 'create', 'v']), ['volume', 'create', ...LABELS, 'v']);
    assert.deepEqual(policy(['import', '-', 'img']), ['import', '--change', 'LABEL drydock.managed="true" drydock.run="r1"', '-', 'img']);
    for (const argv of [['ps', '-a'], ['rm', '-f', 'x'], ['exec', 'c', 'ls'], ['start', 'c'], ['inspect', 'x'], []]) {
      assert.deepEqual(policy(argv), argv);
    }
  });
});
