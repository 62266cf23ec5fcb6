// What a run makes without its label, on a real daemon: images a `docker load` brings (tags kept in the run's
// namespace, removed only if the load created them), the step container a failed build keeps (shown by the
// run's `ps -a`, as docker and the simulator show it), and what a killed run recorded in its journal (removed by
// `drydock clean`, which leaves live runs alone). Skipped where no engine answers.

import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanLeftovers } from '../../../../src/cli/clean-command.js';
import { ensureFixtureImages } from '../../../../src/engine/docker/base-image.js';
import type { DockerClient } from '../../../../src/engine/docker/docker-client.js';
import { IsolatedDockerEngine } from '../../../../src/engine/docker/isolation/isolated-engine.js';
import { RUN_DIR_PREFIX } from '../../../../src/runner/docker-engines.js';
import { requireDocker } from '../require-docker.js';

describe('isolated engine: what a run makes without its label (real daemon)', function () {
  this.timeout(300_000);
  let client: DockerClient;
  let fixtureIds: string[];
  const journalDir = join(mkdtempSync(join(tmpdir(), 'drydock-journals-')), 'journal');

  before(async function () {
    this.timeout(600_000);
    client = await requireDocker(this);
    fixtureIds = (await ensureFixtureImages(client)).map((f) => f.id);
  });

  const engineWith = (files: Record<string, string | Uint8Array>): { engine: IsolatedDockerEngine; runId: string; runDir: string } => {
    const runId = randomBytes(6).toString('hex');
    const runDir = mkdtempSync(join(tmpdir(), `${RUN_DIR_PREFIX}${runId}-`));
    const engine = new IsolatedDockerEngine({ runId, runDir, cwd: '/scenario', fixtureIds, journalDir });
    engine.writeFiles(Object.entries(files).map(([name, content]) => ({
      path: `/scenario/${name}`, content: typeof content === 'string' ? new TextEncoder().encode(content) : content, mode: 0o644,
    })));
    return { engine, runId, runDir };
  };
  const marker = (): string => randomBytes(8).toString('hex');
  const imageId = async (ref: string): Promise<string> => (await client.run(['image', 'inspect', '--format', '{{.Id}}', ref])).stdout.trim();
  const exists = async (kind: 'container' | 'image', id: string): Promise<boolean> => (await client.run([kind, 'inspect', id])).exitCode === 0;
  // what a build printed: its kept step container and the images its steps committed
  const kept = (output: string): string => [...output.matchAll(/^ ---> Running in ([0-9a-f]{12})$/gm)].at(-1)?.[1] ?? '';
  const stepImage = (output: string): string => [...output.matchAll(/^ ---> ([0-9a-f]{12})$/gm)].at(-1)?.[1] ?? '';

  describe('docker load', () => {
    it('keeps the archive’s tag in the run’s namespace: a user’s image of that name is untouched, the loaded one removed', async () => {
      const repo = `drydock-test-load-${marker()}/tim`;
      // the user's way, straight through the client: an image to save (then deleted) and one of the user's own
      const build = async (): Promise<string> => {
        const r = await client.run(['build', '-q', '--network', 'none', '-'], { input: `FROM drydock/busybox:1.35\nRUN echo ${marker()} > /m\n` });
        assert.equal(r.exitCode, 0, r.stderr);
        return r.stdout.trim();
      };
      const saved = await build();
      const users = await build();
      let archive: Uint8Array;
      try {
        assert.equal((await client.run(['tag', saved, `${repo}:1`])).exitCode, 0);
        archive = (await client.runBytes(['save', `${repo}:1`])).stdout;
        await client.run(['rmi', `${repo}:1`]);
        assert.equal(await exists('image', saved), false);
        assert.equal((await client.run(['tag', users, `${repo}:1`])).exitCode, 0);
        const { engine } = engineWith({ 'a.tar': archive });
        try {
          const loaded = await engine.docker(['load', '-i', 'a.tar']);
          assert.deepEqual([loaded.exitCode, loaded.stdout], [0, `Loaded image: ${repo}:1\n`], loaded.stderr);
          assert.equal(await imageId(`${repo}:1`), users, 'the user’s tag still names the user’s image');
          assert.equal(await exists('image', saved), true);
          // the scenario sees its own image under the archive's name
          assert.equal(((await engine.inspect({ kind: 'image', name: `${repo}:1` })) as { Id: string }).Id, saved);
          // loading an image the engine already has (the user's) creates nothing the run may remove
          assert.equal((await engine.docker(['load'], { stdin: (await client.runBytes(['save', users])).stdout })).exitCode, 0);
        } finally {
          await engine.dispose();
        }
        assert.equal(await exists('image', saved), false, 'the loaded image is gone');
        assert.equal(await imageId(`${repo}:1`), users, 'the user’s image and tag are still there');
      } finally {
        await client.run(['rmi', `${repo}:1`]);
        await client.run(['rmi', saved, users]);
      }
    });
  });

  describe('a failed build’s kept container', () => {
    it('is in the run’s `ps -a`, beside the run’s own containers, and not in another run’s', async () => {
      const { engine } = engineWith({ Dockerfile: `FROM ubuntu\nRUN echo ${marker()} > /one\nRUN exit 4\n` });
      const other = engineWith({}).engine;
      try {
        const failed = await engine.docker(['build', '.']);
        assert.equal(failed.exitCode, 4, failed.stdout + failed.stderr);
        assert.equal((await engine.docker(['create', '--name', 'dc01', 'ubuntu'])).exitCode, 0);
        const ps = await engine.docker(['ps', '-a', '--format', '{{.ID}} {{.Status}}']);
        assert.deepEqual(ps.stdout.split('\n').filter((l) => l !== '').map((l) => l.split(' ')[0]).includes(kept(failed.stdout)), true, ps.stdout);
        assert.equal(ps.stdout.split('\n').filter((l) => l !== '').length, 2, ps.stdout);
        assert.match((await engine.docker(['ps', '-a', '--filter', 'name=dc01', '--format', '{{.Names}}'])).stdout, /^dc01\n$/u);
        assert.doesNotMatch((await engine.docker(['ps', '-q'])).stdout, new RegExp(kept(failed.stdout)), 'not running');
        assert.equal((await other.docker(['ps', '-aq'])).stdout, '');
      } finally {
        await engine.dispose();
        await other.dispose();
      }
    });
  });

  describe('drydock clean and the journal', () => {
    it('removes what a killed run’s journal recorded (a failed build’s container and image) and leaves live runs alone', async () => {
      const killed = engineWith({ Dockerfile: `FROM ubuntu\nRUN echo ${marker()} > /one\nRUN exit 5\n` });
      const live = engineWith({ Dockerfile: `FROM ubuntu\nRUN echo ${marker()} > /one\nRUN exit 6\n` });
      const only = (runId: string) => runId === killed.runId || runId === live.runId;
      try {
        const failed = await killed.engine.docker(['build', '.']);
        assert.equal(failed.exitCode, 5);
        const liveBuild = await live.engine.docker(['build', '.']);
        assert.equal((await live.engine.docker(['create', '--name', 'dc01', 'ubuntu'])).exitCode, 0);
        // the killed run: its process is gone (its owner line names a PID no process has)
        const journal = killed.engine.journal.path;
        const lines = readFileSync(journal, 'utf8').split('\n');
        writeFileSync(journal, [JSON.stringify({ ...JSON.parse(lines[0]!), pid: 4_194_999, start: '1' }), ...lines.slice(1)].join('\n'));
        const dry = await cleanLeftovers(client, { dry: true, all: false, only, journalDir });
        assert.ok(dry.includes(`build container ${kept(failed.stdout)}`), dry.join('\n'));
        assert.equal(await exists('container', kept(failed.stdout)), true, 'a dry run removes nothing');
        const removed = await cleanLeftovers(client, { dry: false, all: false, only, journalDir });
        assert.ok(removed.some((r) => r.startsWith('build image ') && r.includes(stepImage(failed.stdout))), removed.join('\n'));
        assert.equal(await exists('container', kept(failed.stdout)), false);
        assert.equal(await exists('image', stepImage(failed.stdout)), false);
        assert.equal(existsSync(killed.runDir), false);
        assert.equal(existsSync(journal), false);
        // the live run keeps everything: its kept build container, its labelled container, its folder
        assert.equal(await exists('container', kept(liveBuild.stdout)), true);
        assert.equal((await live.engine.docker(['ps', '-aq', '--filter', 'name=dc01'])).stdout.length > 0, true);
        assert.equal(existsSync(live.runDir), true);
      } finally {
        await killed.engine.dispose();
        await live.engine.dispose();
      }
      assert.equal(existsSync(live.engine.journal.path), false, 'dispose deletes the journal');
    });
  });
});
