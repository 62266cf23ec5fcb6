// Issue 11, item 1: every way a layer comes to exist (import of archives in the shapes GNU tar, bsdtar, Python's
// tarfile and docker export write, and made by those tools when present; cp and commit; every build
// instruction; load) survives the state directory: the same commands give the same output whether one
// simulator runs them all, or the state is saved and loaded again between every two of them (what separate
// `drydock docker` processes do). Budget: about 25 s (the property runs 5 cases of 32 commands, the real tools 4 more).

import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { writeTar, type TarEntryInput } from '../../../../src/tar/tar.js';
import { runDockerCommand } from '../../../../src/engine/sim/cli/sim-cli.js';
import { settleContainers } from '../../../../src/engine/sim/container/settle.js';
import type { Daemon } from '../../../../src/engine/sim/daemon.js';
import type { FixtureSet } from '../../../../src/engine/sim/fixture-images.js';
import { TreeBackend } from '../../../../src/engine/sim/fs/tree-backend.js';
import { loadFixtures } from '../../../../src/engine/sim/node/load-fixtures.js';
import { loadState, saveState } from '../../../../src/engine/sim/node/state-store.js';
import { VIRTUAL_EPOCH, virtualClock, type SettableClock } from '../../../../src/engine/sim/state/clock.js';
import { archiveOf, realToolArchives, treeArb, type Shape } from './layer-sources.js';

const encode = (s: string) => new TextEncoder().encode(s);

const DOCKERFILE = `FROM centos
ARG V=1
ENV E=$V PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
LABEL l=v
WORKDIR /w
COPY in.tar /w/
COPY --chown=5:6 in.tar /w/owned.tar
ADD in.tar /unpacked/
RUN echo hi > f && mkdir -p d/e && ln -s f l && rm -f /w/in.tar && chmod 700 d
RUN rm -rf /unpacked && mkdir /unpacked && echo only > /unpacked/only
EXPOSE 80/tcp
VOLUME /data
HEALTHCHECK CMD true
STOPSIGNAL SIGTERM
SHELL ["/bin/sh", "-c"]
ONBUILD RUN true
ENTRYPOINT ["/bin/sh"]
CMD ["-c", "true"]
USER 1000
`;

/** One simulator and its host; `reload` saves and loads the state around every command. */
interface World {
  host: TreeBackend;
  clock: SettableClock;
  daemon: Daemon;
  dir: string | null;
}

function world(fixtures: FixtureSet, archive: Uint8Array, dir: string | null): World {
  const host = new TreeBackend();
  const clock = virtualClock();
  host.put('/ctx', { kind: 'dir', opaque: false, mode: 0o755, uid: 0, gid: 0, mtime: VIRTUAL_EPOCH });
  host.put('/ctx/Dockerfile', { kind: 'file', data: encode(DOCKERFILE), mode: 0o644, uid: 0, gid: 0, mtime: VIRTUAL_EPOCH });
  host.put('/ctx/in.tar', { kind: 'file', data: archive, mode: 0o644, uid: 0, gid: 0, mtime: VIRTUAL_EPOCH });
  return { host, clock, daemon: loadState(dir ?? '/nonexistent-drydock-state', fixtures, host, clock), dir };
}

function step(w: World, fixtures: FixtureSet, i: number, argv: string[], stdin: Uint8Array = new Uint8Array(0)) {
  if (w.dir !== null) {
    w.daemon = loadState(w.dir, fixtures, w.host, w.clock);
    settleContainers(w.daemon);
  }
  // both worlds read the same time for the same command, whatever loading read
  w.clock.set(VIRTUAL_EPOCH + i * 60_000);
  const result = runDockerCommand(w.daemon, argv, { stdin, cwd: '/', env: new Map() });
  if (w.dir !== null) saveState(w.daemon, w.dir);
  return result;
}

/** The commands of one case; each one's output is compared between the two worlds. */
function script(archive: Uint8Array, cpArchive: Uint8Array): { argv: string[]; stdin?: Uint8Array; mustSucceed?: boolean }[] {
  return [
    { argv: ['import', '-', 'imp:1'], stdin: archive, mustSucceed: true },
    { argv: ['import', '-m', 'from a file', '-c', 'ENV X=1', '/ctx/in.tar', 'imp:0'], mustSucceed: true },
    { argv: ['image', 'inspect', 'imp:1', 'imp:0'], mustSucceed: true },
    { argv: ['history', '--no-trunc', 'imp:1'], mustSucceed: true },
    { argv: ['create', '--name', 'c1', 'imp:1', '/bin/true'], mustSucceed: true },
    { argv: ['cp', '-', 'c1:/'], stdin: cpArchive },
    { argv: ['diff', 'c1'] },
    { argv: ['export', 'c1'], mustSucceed: true },
    { argv: ['commit', '-m', 'msg', '-c', 'ENV A=1', 'c1', 'imp:2'], mustSucceed: true },
    { argv: ['image', 'inspect', 'imp:2'], mustSucceed: true },
    { argv: ['history', '--no-trunc', 'imp:2'], mustSucceed: true },
    { argv: ['build', '-t', 'built:1', '/ctx'], mustSucceed: true },
    { argv: ['image', 'inspect', 'built:1'], mustSucceed: true },
    { argv: ['history', '--no-trunc', 'built:1'], mustSucceed: true },
    { argv: ['run', '--name', 'r1', '--user', '0', '--entrypoint', 'sh', 'built:1', '-c', 'ls -lanR / 2>&1 | grep -v -e proc -e sys | head -400; cat /w/f /unpacked/only'], mustSucceed: true },
    { argv: ['diff', 'r1'] },
    // hard links: made in a container, committed, changed through one name in the next container (copy-up)
    { argv: ['run', '--name', 'h1', '--user', '0', '--entrypoint', 'sh', 'built:1', '-c', 'echo a > /w/ha; ln /w/ha /w/hb; ln /w/f /w/hf; stat -c "%h %i %n" /w/ha /w/hb /w/hf'], mustSucceed: true },
    { argv: ['export', 'h1'], mustSucceed: true },
    { argv: ['commit', 'h1', 'hl:1'], mustSucceed: true },
    { argv: ['run', '--name', 'h2', '--user', '0', '--entrypoint', 'sh', 'hl:1', '-c', 'stat -c "%h %i %n" /w/ha /w/hb /w/hf; echo x >> /w/ha; ln /w/hb /w/hc; stat -c "%h %i %n" /w/ha /w/hb /w/hc'], mustSucceed: true },
    { argv: ['diff', 'h2'] },
    { argv: ['export', 'h2'], mustSucceed: true },
    { argv: ['save', '-o', '/s.tar', 'imp:1', 'imp:2', 'built:1', 'imp:0'], mustSucceed: true },
    { argv: ['rm', 'c1', 'r1', 'h1', 'h2'], mustSucceed: true },
    { argv: ['rmi', 'hl:1', 'built:1', 'imp:2', 'imp:1', 'imp:0'], mustSucceed: true },
    { argv: ['load', '-i', '/s.tar'], mustSucceed: true },
    { argv: ['image', 'inspect', 'imp:1', 'imp:2', 'built:1', 'imp:0'], mustSucceed: true },
    { argv: ['history', '--no-trunc', 'built:1'], mustSucceed: true },
    { argv: ['create', '--name', 'c2', 'imp:2', '/bin/true'], mustSucceed: true },
    { argv: ['export', 'c2'], mustSucceed: true },
    { argv: ['run', '--rm', '--user', '0', '--entrypoint', 'sh', 'built:1', '-c', 'find / -xdev | sort | grep -v -e ^/proc -e ^/sys | xargs ls -land 2>&1 | md5sum'], mustSucceed: true },
    { argv: ['images', '--format', '{{.Repository}}:{{.Tag}} {{.ID}} {{.Size}}'], mustSucceed: true },
  ];
}

function compare(fixtures: FixtureSet, archive: Uint8Array, cpArchive: Uint8Array, label: string): void {
  const dir = mkdtempSync(join(tmpdir(), 'drydock-layers-'));
  try {
    const once = world(fixtures, archive, null);
    const reloaded = world(fixtures, archive, dir);
    script(archive, cpArchive).forEach(({ argv, stdin, mustSucceed }, i) => {
      const a = step(once, fixtures, i, argv, stdin);
      const b = step(reloaded, fixtures, i, argv, stdin);
      if (mustSucceed) assert.equal(a.exitCode, 0, `${label}: docker ${argv.join(' ')} failed in one process: ${a.stderr}`);
      assert.deepEqual(b, a, `${label}: docker ${argv.join(' ')} differs once the state is saved and loaded between commands`);
    });
    const saved = (w: World) => (w.host.get('/s.tar') as { data: Uint8Array }).data;
    assert.deepEqual(saved(reloaded), saved(once), `${label}: docker save wrote other bytes`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('layers survive the state directory, whatever made them (issue 11)', function () {
  this.timeout(120_000);
  let fixtures: FixtureSet;
  before(() => {
    fixtures = loadFixtures();
  });

  it('gives the same inspect, history, diff, export, files and save bytes with a save and load between commands (property)', () => {
    const shape = fc.constantFrom<Shape>('gnu', 'bsdtar', 'python', 'docker-export');
    // members docker import cleans inside the layer: "../" and absolute names
    const odd = fc.subarray<TarEntryInput>([
      { path: '../../up.txt', type: 'file', data: encode('up\n'), mtime: 1_000_000_000_000 },
      { path: '/abs/x', type: 'file', data: encode('abs\n'), mtime: 1_000_000_000_000 },
    ]);
    fc.assert(
      fc.property(treeArb, shape, odd, treeArb, (tree, how, extra, cpTree) => {
        compare(fixtures, archiveOf(tree, how, extra), archiveOf(cpTree, 'docker-export'), `${how} archive`);
      }),
      { numRuns: 5, endOnFailure: true },
    );
  });

  it('does the same for archives made by GNU tar, bsdtar and Python tarfile when this machine has them', function () {
    const archives = realToolArchives();
    if (archives.length === 0) {
      console.log('      none of tar, bsdtar, python3 is installed: skipping');
      this.skip();
    }
    for (const { tool, bytes } of archives) compare(fixtures, bytes, writeTar([]), tool);
  });
});
