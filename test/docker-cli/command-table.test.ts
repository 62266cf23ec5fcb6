import assert from 'node:assert/strict';
import { findEntry, flagKind, isRefused, ROOT_ENTRIES, type CommandNode, type RootEntry } from '../../src/docker-cli/index.js';

function lookup(...words: string[]): RootEntry | undefined {
  let entries: readonly RootEntry[] = ROOT_ENTRIES;
  let found: RootEntry | undefined;
  for (const w of words) {
    found = findEntry(entries, w);
    if (found?.kind === 'group') entries = found.children;
  }
  return found;
}

function command(...words: string[]): CommandNode {
  const e = lookup(...words);
  assert.ok(e?.kind === 'command', words.join(' '));
  return e;
}

describe('command table', () => {
  it('has every simulated command, with its canonical name', () => {
    const simulated = [
      'run', 'create', 'start', 'stop', 'restart', 'kill', 'rm', 'ps', 'exec', 'logs', 'commit', 'diff', 'cp', 'inspect',
      'rename', 'pause', 'unpause', 'wait', 'export', 'port', 'top', 'attach', 'images', 'rmi', 'tag', 'history', 'import',
      'save', 'load', 'build', 'info', 'version',
    ];
    for (const name of simulated) assert.equal(command(name).canonical, name);
    for (const sub of ['create', 'ls', 'inspect', 'rm', 'prune']) assert.equal(command('volume', sub).canonical, `volume ${sub}`);
    assert.equal(command('image', 'ls').canonical, 'images');
    assert.equal(command('container', 'ps').canonical, 'ps');
    assert.equal(command('image', 'rmi').canonical, 'rmi');
  });
  it('recognises the refused commands', () => {
    for (const name of ['service', 'stack', 'pull', 'push', 'login', 'logout', 'search', 'compose', 'buildx',
      'secret', 'config', 'node', 'trust', 'manifest', 'events', 'stats', 'update'] as const) {
      assert.ok(lookup(name), name);
      assert.ok(isRefused(name), name);
    }
    assert.equal(isRefused('run'), false);
  });
  it('parses the subcommands of network, system, plugin, swarm and context, and refuses those not simulated', () => {
    for (const group of ['network', 'system', 'plugin', 'swarm', 'context']) assert.equal(lookup(group)?.kind, 'group', group);
    assert.equal(command('network', 'list').canonical, 'network ls');
    assert.equal(command('network', 'remove').canonical, 'network rm');
    assert.equal(command('swarm', 'join-token').canonical, 'swarm join-token');
    assert.equal(command('context', 'use').refused, true);
    assert.ok(isRefused('network create'));
    assert.ok(isRefused('plugin install'));
    assert.equal(command('system', 'info').canonical, 'info');
    assert.equal(command('system', 'info').refused, false);
    assert.equal(command('system', 'events').canonical, 'events');
    assert.equal(command('system', 'prune').refused, true);
  });
  it('keeps flag names and shorthands unique within a command', () => {
    const visit = (n: CommandNode) => {
      const names = n.spec.flags.map((f) => f.name);
      const shorts = n.spec.flags.flatMap((f) => (f.short ? [f.short] : []));
      assert.equal(new Set(names).size, names.length, n.name);
      assert.equal(new Set(shorts).size, shorts.length, n.name);
    };
    for (const e of ROOT_ENTRIES) {
      if (e.kind === 'command') visit(e);
      if (e.kind === 'group') e.children.forEach(visit);
    }
  });
  it('describes flags as docker defines them', () => {
    const flag = (cmd: CommandNode, name: string) => cmd.spec.flags.find((f) => f.name === name);
    assert.deepEqual(flag(command('stop'), 'time'), { name: 'time', short: 't', type: 'int', def: '10', usage: 'Seconds to wait for stop before killing it' });
    assert.deepEqual(flag(command('commit'), 'pause'), { name: 'pause', short: 'p', type: 'bool', def: 'true', usage: 'Pause container during commit' });
    const run = command('run');
    assert.equal(run.spec.interspersed, false);
    assert.deepEqual(['env', 'volume', 'privileged', 'stop-timeout', 'health-interval', 'memory'].map((n) => flagKind(flag(run, n) ?? assert.fail(n))), [
      'stringArray', 'stringArray', 'bool', 'int', 'duration', 'string',
    ]);
    assert.equal(command('rm').spec.use, 'rm [OPTIONS] CONTAINER [CONTAINER...]');
    assert.equal(command('rm').spec.short, 'Remove one or more containers');
  });
});
