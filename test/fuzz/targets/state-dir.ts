// State directories (issue 12 item 5): a saved state with a container, a volume and a committed image, damaged
// at random (state.json's JSON mutated, re-sealed or not; a blob cut short, flipped or removed; format 1), then
// loaded and used (`ps -a`, reading the container's and the volume's files). A load either succeeds or reports
// the damage (EngineError STATE_DAMAGED); a docker error is docker's answer. Anything else is an internal error.

import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EngineError } from '../../../src/errors/engine-error.js';
import { runDockerCommand } from '../../../src/engine/sim/cli/sim-cli.js';
import { TreeBackend } from '../../../src/engine/sim/fs/tree-backend.js';
import { loadFixtures } from '../../../src/engine/sim/node/load-fixtures.js';
import { loadState, saveState } from '../../../src/engine/sim/node/state-store.js';
import { virtualClock } from '../../../src/engine/sim/state/clock.js';
import { Rng } from '../../../src/cli/fuzz-diff/rng.js';
import type { FuzzTarget } from '../target.js';

/** One damage: what is done to which file. */
interface StateDamage {
  seed: number;
  edits: string[];
}

const VALUES: unknown[] = [null, 0, -1, 1e308, '', 'x', [], {}, [null], { sha256: 'ab', size: 1 }, true, '../../etc/passwd', '/abs'];
const io = { stdin: new Uint8Array(0), cwd: '/', env: new Map<string, string>() };

/** Replaces, removes or retypes one value somewhere in a JSON value; returns the path touched. */
function mutate(value: unknown, rng: Rng, path = ''): string {
  if (typeof value !== 'object' || value === null) return path;
  const keys = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
  if (keys.length === 0) return path;
  const key = keys[rng.below(keys.length)] as string | number;
  const child = (value as Record<string | number, unknown>)[key];
  if (typeof child === 'object' && child !== null && rng.chance(0.7)) return mutate(child, rng, `${path}.${key}`);
  if (rng.chance(0.3) && !Array.isArray(value)) delete (value as Record<string, unknown>)[key as string];
  else (value as Record<string | number, unknown>)[key] = VALUES[rng.below(VALUES.length)];
  return `${path}.${key}`;
}

/** The state-directory target: one saved state made once, copied and damaged for each input. */
export function stateDirTarget(): FuzzTarget<StateDamage> {
  let template: string | undefined;
  const fixtures = loadFixtures();
  const make = (): string => {
    const dir = mkdtempSync(join(tmpdir(), 'drydock-fuzz-state-'));
    const daemon = loadState(dir, fixtures, new TreeBackend(), virtualClock());
    for (const argv of [
      ['volume', 'create', 'v1'],
      ['run', '-d', '--name', 'c1', '-v', 'v1:/v', 'centos', 'sh', '-c', 'echo a > /v/f; echo b > /own; sleep 300'],
      ['commit', 'c1', 'snap:1'],
    ]) runDockerCommand(daemon, argv, io);
    saveState(daemon, dir);
    return dir;
  };
  return {
    name: 'state-dir',
    generate(rng: Rng): StateDamage {
      return { seed: rng.below(2 ** 31), edits: [] };
    },
    run(input) {
      template ??= make();
      const dir = mkdtempSync(join(tmpdir(), 'drydock-fuzz-state-'));
      try {
        cpSync(template, dir, { recursive: true });
        damage(dir, input);
        let daemon;
        try {
          daemon = loadState(dir, fixtures, new TreeBackend(), virtualClock());
          for (const argv of [['ps', '-a'], ['exec', 'c1', 'cat', '/own', '/v/f'], ['run', '--rm', 'snap:1', 'cat', '/own'], ['volume', 'ls']]) runDockerCommand(daemon, argv, io);
          saveState(daemon, dir);
        } catch (error) {
          if (error instanceof EngineError) return;
          throw error;
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    show: (input) => `seed ${input.seed}: ${input.edits.join('; ')}`,
  };
}

/** Damages the copy in `dir` the way `input.seed` says, recording what was done. */
function damage(dir: string, input: StateDamage): void {
  const rng = new Rng(input.seed);
  const file = join(dir, 'state.json');
  const blobs = readdirSync(join(dir, 'blobs'));
  for (let n = 1 + rng.below(3); n > 0; n--) {
    switch (rng.below(6)) {
      case 0:
      case 1: {
        let saved: { state?: unknown };
        try {
          saved = JSON.parse(readFileSync(file, 'utf8')) as { state?: unknown };
        } catch {
          break; // cut or removed by an earlier edit
        }
        const body = saved.state ?? saved;
        const where = mutate(body, rng);
        const text = JSON.stringify(body);
        const reseal = rng.chance(0.8);
        writeFileSync(file, reseal ? `{"format":2,"sha256":"${createHash('sha256').update(text).digest('hex')}","state":${text}}` : text);
        input.edits.push(`state.json${where} changed${reseal ? ' (resealed)' : ''}`);
        break;
      }
      case 2: {
        let text: string;
        try {
          text = readFileSync(file, 'utf8');
        } catch {
          break;
        }
        const at = rng.below(text.length || 1);
        writeFileSync(file, text.slice(0, at));
        input.edits.push(`state.json cut at ${at}`);
        break;
      }
      case 3: {
        const blob = blobs[rng.below(blobs.length)] as string;
        const at = rng.below(4096);
        try {
          truncateSync(join(dir, 'blobs', blob), at);
        } catch {
          // removed by an earlier edit
        }
        input.edits.push(`blob ${blob.slice(0, 8)} cut at ${at}`);
        break;
      }
      case 4: {
        const blob = blobs[rng.below(blobs.length)] as string;
        try {
          const bytes = readFileSync(join(dir, 'blobs', blob));
          const at = rng.below(bytes.length || 1);
          bytes[at] = (bytes[at] ?? 0) ^ 0xff;
          writeFileSync(join(dir, 'blobs', blob), bytes);
        } catch {
          // removed by an earlier edit
        }
        input.edits.push(`blob ${blob.slice(0, 8)} flipped`);
        break;
      }
      default: {
        const blob = blobs[rng.below(blobs.length)] as string;
        rmSync(join(dir, 'blobs', blob), { force: true });
        if (rng.chance(0.2)) rmSync(file, { force: true });
        input.edits.push(`blob ${blob.slice(0, 8)} removed`);
        break;
      }
    }
  }
}
