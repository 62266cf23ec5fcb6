// The playground's session in Node (it is browser code, but touches neither DOM nor Node): lines run as under
// `drydock docker` or on the host shell, a replay of the recorded events gives the same state and IDs, the
// hand-in's commands.sh is what `drydock grade` reads back, and Tab completion offers what the state holds.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { loadFixtures } from '../../src/engine/sim/node/load-fixtures.js';
import { parseCommands } from '../../src/grading/submission.js';
import { loadPlaygroundExercises } from '../../src/playground/build-site.js';
import { complete } from '../../src/playground/completion.js';
import { fromBase64, toBase64 } from '../../src/playground/exercise-data.js';
import { commandsFile } from '../../src/playground/hand-in.js';
import type { SessionEvent } from '../../src/playground/protocol.js';
import { PlaygroundSession } from '../../src/playground/session.js';

const EXERCISE = 'scenarios/exercises/volumes-from-dc01/exercise.yaml';
const T0 = Date.UTC(2026, 5, 1, 12);

async function session(events: SessionEvent[]): Promise<{ s: PlaygroundSession; outputs: string[] }> {
  const [loaded] = await loadPlaygroundExercises([EXERCISE], process.cwd());
  const s = new PlaygroundSession(loaded!.exercise, loadFixtures(), T0);
  await s.start();
  const outputs: string[] = [];
  for (const e of events) {
    const out = await s.apply(e);
    if (out) outputs.push(`${out.stdout}${out.stderr}[${out.exitCode}]`);
  }
  return { s, outputs };
}

const line = (text: string, at: number): SessionEvent => ({ kind: 'line', line: text, at: T0 + at });

describe('playground session', () => {
  const events: SessionEvent[] = [
    line('docker run -dit --name dc01 tim/centos', 1000),
    line('docker run -dit --name dc02 --volumes-from dc01 tim/centos', 2000),
    { kind: 'write', path: 'notes.txt', content: 'mine\n', at: T0 + 2500 },
    line('echo more >> notes.txt', 2700),
    line('docker exec dc02 touch /dataVolume1/dc02_add.txt', 3000),
    line('docker ps -a --format "{{.ID}} {{.Names}} {{.Status}}"', 9000),
    line('docker network ls', 9500),
    line('docker ps | grep dc', 9600),
  ];

  it('runs docker lines as drydock docker does, other lines on the host, and replays to the same state', async () => {
    const first = await session(events);
    assert.match(first.outputs[4] ?? '', /^[0-9a-f]{12} dc02 Up 6 seconds\n[0-9a-f]{12} dc01 Up 7 seconds\n\[0\]$/);
    assert.equal(first.outputs[5], "drydock: 'docker network ls' is not simulated (the simulator has no networks); run it with --engine docker\n[125]");
    assert.match(first.outputs[6] ?? '', /^drydock: `\|` is a shell operator.*\[2\]$/s);
    assert.equal(first.s.readHostFile('notes.txt'), 'mine\nmore\n');
    const again = await session(events);
    assert.deepEqual(again.outputs, first.outputs);
    const view = await again.s.view();
    assert.deepEqual(view.checks.map((c) => c.status), ['passed', 'error', 'error', 'failed']);
    // dc03 does not exist yet: the checks that look into it cannot look (an error, shown as failed), with hints
    assert.match(view.checks[1]?.failures?.[0]?.message ?? '', /dc03/);
    assert.match(view.checks[1]?.hint ?? '', /--volumes-from dc01/);
    assert.deepEqual([view.score, view.outOf], [2, 8]);
  });

  it('hands in the docker lines as commands.sh (host lines as comments) and the files written under /scenario', async () => {
    const { s } = await session(events);
    const text = commandsFile(s, 'dc01/dc02/dc03');
    const parsed = parseCommands(text, 'commands.sh');
    assert.deepEqual(parsed.problems, []);
    assert.deepEqual(parsed.commands.map((c) => c.text), [0, 1, 4, 5, 6].map((i) => (events[i] as { line: string }).line));
    assert.match(text, /^# host \(not run by drydock grade; files it wrote are in this folder\): echo more >> notes\.txt$/m);
    assert.deepEqual(s.handInFiles().map((f) => [f.name, new TextDecoder().decode(f.content)]), [['notes.txt', 'mine\nmore\n']]);
  });

  it('completes commands, subcommands, flags and names from the state', () => {
    const names = { containers: ['dc01', 'dc02'], images: ['tim/centos:latest'], volumes: ['appdata'] };
    assert.deepEqual(complete('do', names).items, ['docker']);
    assert.deepEqual(complete('docker vol', names), { items: ['volume'], start: 7 });
    assert.deepEqual(complete('docker volume rm a', names).items, ['appdata']);
    assert.deepEqual(complete('docker rm --for', names).items, ['--force']);
    assert.deepEqual(complete('docker stop dc', names).items, ['dc01', 'dc02']);
    assert.deepEqual(complete('docker run -dit --volumes-from d', names).items, ['dc01', 'dc02']);
    assert.deepEqual(complete('docker run -dit tim', names).items, ['tim/centos', 'tim/centos:latest']);
  });

  it('carries bytes as base64 both ways', () => {
    const bytes = new Uint8Array(readFileSync(EXERCISE));
    assert.equal(toBase64(bytes), Buffer.from(bytes).toString('base64'));
    for (const n of [0, 1, 2, 3, 4, 255]) {
      const b = Uint8Array.from({ length: n }, (_, i) => (i * 97) & 255);
      assert.deepEqual(fromBase64(toBase64(b)), b);
    }
  });
});
