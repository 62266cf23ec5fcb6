import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { commandUsage, groupUsage, ROOT_ENTRIES, type CommandNode, type GroupNode } from '../../src/docker-cli/index.js';
import { flagUsages } from '../../src/docker-cli/flag-usages.js';
import type { OracleRecord } from './record-oracle.js';

const records = JSON.parse(readFileSync(new URL('./oracle-record.json', import.meta.url), 'utf8')) as OracleRecord[];
const recorded = (argv: string[]) => records.find((r) => r.argv.join(' ') === argv.join(' '))?.stdout;

describe('help texts rendered from the command table', () => {
  it('renders `docker commit --help` byte for byte (checked with docker commit --help)', () => {
    const commit = ROOT_ENTRIES.find((e): e is CommandNode => e.kind === 'command' && e.name === 'commit');
    assert.ok(commit);
    assert.equal(
      '\n' + commandUsage('docker', commit),
      '\nUsage:  docker commit [OPTIONS] CONTAINER [REPOSITORY[:TAG]]\n\n' +
        "Create a new image from a container's changes\n\n" +
        'Options:\n' +
        '  -a, --author string    Author (e.g., "John Hannibal Smith\n' +
        '                         <hannibal@a-team.com>")\n' +
        '  -c, --change list      Apply Dockerfile instruction to the created image\n' +
        '  -m, --message string   Commit message\n' +
        '  -p, --pause            Pause container during commit (default true)\n',
    );
  });
  it('renders every leaf command as the real client does, under both its paths', () => {
    let checked = 0;
    const visit = (parent: string, node: CommandNode, words: string[]) => {
      const want = recorded([...words, '--help']);
      if (want === undefined) return;
      assert.equal('\n' + commandUsage(parent, node), want, words.join(' '));
      checked++;
    };
    for (const e of ROOT_ENTRIES) {
      if (e.kind === 'command') visit('docker', e, [e.name]);
      if (e.kind === 'group') for (const c of e.children) visit(`docker ${e.name}`, c, [e.name, c.name]);
    }
    assert.ok(checked >= 80, `checked ${checked}`);
  });
  it('renders management command usage (checked with docker container/image/volume --help)', () => {
    for (const g of ROOT_ENTRIES.filter((e): e is GroupNode => e.kind === 'group')) {
      assert.equal('\n' + groupUsage(g), recorded([g.name, '--help']), g.name);
    }
  });
  it('wraps long descriptions and keeps embedded line breaks (docker run --help, --cgroupns)', () => {
    const out = flagUsages([
      { name: 'cgroupns', type: 'string', usage: "Cgroup namespace to use (host|private)\n'host':    Run the container" },
      { name: 'blkio-weight-device', type: 'list', shownDefault: '[]', usage: 'Block IO weight (relative device weight)' },
    ]);
    assert.equal(
      out,
      '      --blkio-weight-device list   Block IO weight (relative device\n' +
        '                                   weight) (default [])\n' +
        '      --cgroupns string            Cgroup namespace to use (host|private)\n' +
        "                                   'host':    Run the container\n",
    );
  });
});
