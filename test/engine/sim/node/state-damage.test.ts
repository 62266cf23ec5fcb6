// Issue 12 item 5: a state directory is loaded whole or reported damaged (EngineError STATE_DAMAGED, which
// `drydock docker` prints with exit 125), never reset, never half-loaded, never an internal error, and nothing in
// it is deleted because of the damage. Also: a state of format 1 (what drydock wrote before) still loads, and a
// save writes only what changed.

import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, truncateSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EngineError } from '../../../../src/errors/engine-error.js';
import { runDockerCommand } from '../../../../src/engine/sim/cli/sim-cli.js';
import type { Daemon } from '../../../../src/engine/sim/daemon.js';
import { TreeBackend } from '../../../../src/engine/sim/fs/tree-backend.js';
import { loadFixtures } from '../../../../src/engine/sim/node/load-fixtures.js';
import { loadState, saveState } from '../../../../src/engine/sim/node/state-store.js';
import { virtualClock } from '../../../../src/engine/sim/state/clock.js';
import { saveStateV1 } from '../../../support/state-v1-writer.js';

const io = { stdin: new Uint8Array(0), cwd: '/', env: new Map<string, string>() };
const fixtures = loadFixtures();
const load = (dir: string) => loadState(dir, fixtures, new TreeBackend(), virtualClock());

function docker(daemon: Daemon, ...argv: string[]): string {
  const r = runDockerCommand(daemon, argv, io);
  assert.equal(r.exitCode, 0, `${argv.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

/** A state with a volume holding a file, a running container with a file of its own, and a committed image. */
function populate(daemon: Daemon): void {
  docker(daemon, 'volume', 'create', 'data');
  docker(daemon, 'run', '-d', '--name', 'keeper', '-v', 'data:/data', 'ubuntu', 'sh', '-c', 'echo kept > /data/f; echo mine > /own; sleep 300');
  docker(daemon, 'commit', 'keeper', 'snap:1');
}

/** Every file under `dir` with its size (what "nothing deleted, nothing changed" compares). */
function listing(dir: string): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const name of readdirSync(join(dir, rel)).sort()) {
      const path = join(dir, rel, name);
      if (statSync(path).isDirectory()) walk(join(rel, name));
      else out.push(`${join(rel, name)} ${statSync(path).size}`);
    }
  };
  walk('');
  return out;
}

function assertDamaged(dir: string, pattern: RegExp): void {
  const before = listing(dir);
  assert.throws(
    () => load(dir),
    (e: unknown) => e instanceof EngineError && e.code === 'STATE_DAMAGED' && /the state directory .* is damaged \(/.test(e.message) && pattern.test(e.message),
  );
  assert.deepEqual(listing(dir), before, 'nothing in the state directory was deleted or changed');
}

function reseal(dir: string, edit: (body: Record<string, unknown>) => unknown): void {
  const file = join(dir, 'state.json');
  const body = JSON.stringify(edit((JSON.parse(readFileSync(file, 'utf8')) as { state: Record<string, unknown> }).state));
  writeFileSync(file, `{"format":2,"sha256":"${createHash('sha256').update(body).digest('hex')}","state":${body}}`);
}

describe('state directory damage (issue 12, item 5)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'drydock-damage-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reports a missing state.json beside saved blobs as damage, not a fresh start, and deletes nothing', () => {
    const first = load(dir);
    populate(first);
    saveState(first, dir);
    unlinkSync(join(dir, 'state.json'));
    assertDamaged(dir, /state\.json is missing beside blobs/);
  });

  it('reports a missing state.json beside format-1 generation folders as damage', () => {
    const first = load(dir);
    populate(first);
    saveStateV1(first, dir, 3);
    unlinkSync(join(dir, 'state.json'));
    assertDamaged(dir, /state\.json is missing beside gen-3, layers/);
  });

  it('finds a truncated volume file by its digest (format 2) and by its missing end (format 1)', () => {
    const first = load(dir);
    populate(first);
    saveState(first, dir);
    const state = (JSON.parse(readFileSync(join(dir, 'state.json'), 'utf8')) as { state: { volumes: { data: { sha256: string } }[] } }).state;
    const blob = join(dir, 'blobs', state.volumes[0]?.data.sha256 ?? '');
    truncateSync(blob, 512);
    assertDamaged(dir, /has 512 bytes, \d+ were saved \(truncated or altered\)/);

    const v1 = mkdtempSync(join(tmpdir(), 'drydock-damage-v1-'));
    const fresh = load(v1);
    populate(fresh);
    saveStateV1(fresh, v1);
    truncateSync(join(v1, 'gen-1', 'volume-data.tar'), 512);
    assert.throws(() => load(v1), /the state directory .* is damaged \(gen-1\/volume-data\.tar is truncated\)/);
    rmSync(v1, { recursive: true, force: true });
  });

  it('finds an altered blob by its digest when it is read', () => {
    const first = load(dir);
    populate(first);
    saveState(first, dir);
    const state = (JSON.parse(readFileSync(join(dir, 'state.json'), 'utf8')) as { state: { containers: { rw: { sha256: string } }[] } }).state;
    const blob = join(dir, 'blobs', state.containers[0]?.rw.sha256 ?? '');
    const bytes = readFileSync(blob);
    bytes[600] = bytes[600] === 0x41 ? 0x42 : 0x41;
    writeFileSync(blob, bytes);
    const second = load(dir);
    assert.throws(() => runDockerCommand(second, ['exec', 'keeper', 'cat', '/own'], io), /is damaged \(blobs\/[0-9a-f]{64} does not match its sha256 digest/);
  });

  it('reports null, {"format":1} and a container with "state": null as damage, never a TypeError', () => {
    const first = load(dir);
    populate(first);
    saveStateV1(first, dir);
    const file = join(dir, 'state.json');
    const v1 = readFileSync(file, 'utf8');
    writeFileSync(file, 'null');
    assertDamaged(dir, /state\.json holds no state object/);
    writeFileSync(file, '{"format":1}');
    assertDamaged(dir, /"layers" is missing or not a list/);
    const saved = JSON.parse(v1) as { containers: { state: unknown }[] };
    (saved.containers[0] as { state: unknown }).state = null;
    writeFileSync(file, JSON.stringify(saved));
    assertDamaged(dir, /containers\[0\]: "state" is not a container state/);

    // the same in format 2, sealed with a correct digest (as a hand edit that knows the format would be)
    writeFileSync(file, v1);
    const again = load(dir);
    saveState(again, dir);
    reseal(dir, (body) => ({ ...body, containers: (body.containers as object[]).map((c) => ({ ...c, state: null })) }));
    assertDamaged(dir, /containers\[0\]: "state" is not a container state/);
    reseal(dir, () => null);
    assertDamaged(dir, /holds no state object/);
  });

  it('reports a container whose image or scalar fields have the wrong type as damage (npm run fuzz found ps TypeErrors)', () => {
    const first = load(dir);
    populate(first);
    saveState(first, dir);
    const body = readFileSync(join(dir, 'state.json'), 'utf8');
    const edits: [string, unknown, RegExp][] = [
      ['imageId', 5, /containers\[0\]: no image/],
      ['imageName', null, /containers\[0\]: no image/],
      ['labels', 'x', /containers\[0\]: bad labels/],
      ['restartCount', '1', /containers\[0\]: bad restart count/],
      ['autoRemove', 'yes', /containers\[0\]: bad --rm flag/],
      ['logs', [7], /containers\[0\]: no logs/],
      // npm run fuzz (state-dir, seed 1206 index 10144): an argument that is not a string was a TypeError in ps
      ['args', ['-c', null], /containers\[0\]: no command/],
    ];
    for (const [key, value, why] of edits) {
      writeFileSync(join(dir, 'state.json'), body);
      reseal(dir, (b) => ({ ...b, containers: (b.containers as object[]).map((c) => ({ ...c, [key]: value })) }));
      assertDamaged(dir, why);
    }
  });

  it('reports a container or image whose config, process table or layer notes have the wrong shape as damage (npm run fuzz, seed 4242)', () => {
    const first = load(dir);
    populate(first);
    saveState(first, dir);
    const body = readFileSync(join(dir, 'state.json'), 'utf8');
    type C = Record<string, unknown> & { config: Record<string, unknown> };
    const edits: [string, (c: C) => C, RegExp][] = [
      ['config {}', (c) => ({ ...c, config: {} }), /containers\[0\]: config\.Hostname is not a string/],
      ['config.User null', (c) => ({ ...c, config: { ...c.config, User: null } }), /containers\[0\]: config\.User is not a string/],
      ['config.Env [null]', (c) => ({ ...c, config: { ...c.config, Env: [null] } }), /containers\[0\]: config\.Env is not a list of strings/],
      ['procs.processes 1e308', (c) => ({ ...c, procs: { next: 2, processes: 1e308 } }), /containers\[0\]: bad process table/],
      ['procs.processes[0] true', (c) => ({ ...c, procs: { next: 2, processes: [true] } }), /containers\[0\]: bad process in the process table/],
      ['xattrBlockDirs 7', (c) => ({ ...c, xattrBlockDirs: 7 }), /containers\[0\]: bad xattrBlockDirs/],
      ['rwRoot.mtime ""', (c) => ({ ...c, rwRoot: { mtime: '' } }), /containers\[0\]: bad rwRoot/],
      ['sleep.deadline "x"', (c) => ({ ...c, sleep: { deadline: 'x', sleeps: 1 } }), /containers\[0\]: bad sleep/],
      ['sleep.signals {}', (c) => ({ ...c, sleep: { deadline: 1, sleeps: 1, signals: {} } }), /containers\[0\]: bad signals in the sleep/],
      ['sleep.signals[0].sentAt null', (c) => ({ ...c, sleep: { deadline: 1, sleeps: 1, signals: [{ number: 10, name: 'USR1', sleep: 1, sentAt: null }] } }), /containers\[0\]: bad signals in the sleep/],
    ];
    for (const [, edit, why] of edits) {
      writeFileSync(join(dir, 'state.json'), body);
      reseal(dir, (b) => ({ ...b, containers: (b.containers as C[]).map(edit) }));
      assertDamaged(dir, why);
    }
    writeFileSync(join(dir, 'state.json'), body);
    reseal(dir, (b) => ({ ...b, images: (b.images as { config: object }[]).map((i) => ({ ...i, config: { ...i.config, Cmd: 'sh' } })) }));
    assertDamaged(dir, /images\[0\]: config\.Cmd is not a list of strings/);
  });

  it('reports an edited or cut state.json of format 2 by its digest', () => {
    const first = load(dir);
    populate(first);
    saveState(first, dir);
    const file = join(dir, 'state.json');
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace('"keeper"', '"keepers"'));
    assertDamaged(dir, /state\.json does not match its sha256 digest/);
    writeFileSync(file, text.slice(0, text.length - 40));
    assertDamaged(dir, /state\.json/);
  });

  it('loads a state written by the format-1 writer whole, then saves it as format 2 without the old folders', () => {
    const first = load(dir);
    populate(first);
    const imageId = docker(first, 'image', 'inspect', '-f', '{{.Id}}', 'snap:1');
    saveStateV1(first, dir);
    const second = load(dir);
    assert.equal(docker(second, 'exec', 'keeper', 'cat', '/own', '/data/f'), 'mine\nkept\n');
    assert.equal(docker(second, 'image', 'inspect', '-f', '{{.Id}}', 'snap:1'), imageId);
    assert.equal(docker(second, 'run', '--rm', 'snap:1', 'cat', '/own'), 'mine\n');
    saveState(second, dir);
    assert.deepEqual(readdirSync(dir).sort(), ['blobs', 'state.json']);
    const third = load(dir);
    assert.equal(docker(third, 'exec', 'keeper', 'cat', '/own', '/data/f'), 'mine\nkept\n');
    assert.equal(docker(third, 'run', '--rm', 'snap:1', 'cat', '/own'), 'mine\n');
  });

  it('reads no blob for `docker ps` and writes nothing when nothing changed', () => {
    const first = load(dir);
    populate(first);
    saveState(first, dir);
    const before = listing(dir);
    const mtime = statSync(join(dir, 'state.json')).mtimeMs;
    // every blob unreadable: a command that reads none of them still works
    const blobs = readdirSync(join(dir, 'blobs'));
    const saved = new Map(blobs.map((b) => [b, readFileSync(join(dir, 'blobs', b))]));
    for (const b of blobs) writeFileSync(join(dir, 'blobs', b), Buffer.alloc(saved.get(b)?.length ?? 0, 0x55));
    const second = load(dir);
    assert.match(docker(second, 'ps', '-a'), /keeper/);
    assert.match(docker(second, 'images'), /snap/);
    saveState(second, dir);
    for (const [b, bytes] of saved) writeFileSync(join(dir, 'blobs', b), bytes);
    assert.deepEqual(listing(dir), before);
    assert.equal(statSync(join(dir, 'state.json')).mtimeMs, mtime, 'state.json was not rewritten');
    // a change writes the blob it makes and rewrites none of the others; what nothing names any more goes
    const mtimes = new Map(blobs.map((b) => [b, statSync(join(dir, 'blobs', b)).mtimeMs]));
    const third = load(dir);
    docker(third, 'exec', 'keeper', 'sh', '-c', 'echo changed > /own');
    saveState(third, dir);
    const state = (JSON.parse(readFileSync(join(dir, 'state.json'), 'utf8')) as { state: { layers: { tar: { sha256: string } }[]; volumes: { data: { sha256: string } }[]; containers: { rw: { sha256: string } }[] } }).state;
    const named = new Set([...state.layers.map((l) => l.tar.sha256), ...state.volumes.map((v) => v.data.sha256), ...state.containers.map((c) => c.rw.sha256)]);
    assert.deepEqual(readdirSync(join(dir, 'blobs')).sort(), [...named].sort());
    const added = [...named].filter((b) => !mtimes.has(b));
    assert.deepEqual(added, [state.containers[0]?.rw.sha256]);
    for (const b of named) if (mtimes.has(b)) assert.equal(statSync(join(dir, 'blobs', b)).mtimeMs, mtimes.get(b), `blob ${b} was not rewritten`);
    assert.equal(docker(load(dir), 'exec', 'keeper', 'cat', '/own'), 'changed\n');
    assert.ok(existsSync(join(dir, 'state.json')));
  });
});
