// A simulator state prepared by a few docker commands, for check tests.

import assert from 'node:assert/strict';
import type { CheckContext } from '../../src/assertions/types.js';
import { createSimEngine } from '../../src/engine/sim/node/create-sim-engine.js';
import { TreeBackend } from '../../src/engine/sim/fs/tree-backend.js';

/** Runs each command (split on spaces, or given as argv) and returns a check context over the result. */
export async function prepared(commands: (string | string[])[], hostFiles: Record<string, string> = {}): Promise<CheckContext> {
  const host = new TreeBackend();
  const dir = { kind: 'dir' as const, opaque: false, mode: 0o755, uid: 0, gid: 0, mtime: 0 };
  host.put('/scenario', dir);
  for (const [path, text] of Object.entries(hostFiles)) host.put(path, { kind: 'file', data: new TextEncoder().encode(text), mode: 0o644, uid: 0, gid: 0, mtime: 0 });
  const engine = createSimEngine({ host, cwd: '/scenario' });
  for (const c of commands) {
    const argv = typeof c === 'string' ? c.split(' ') : c;
    const r = await engine.docker(argv);
    assert.equal(r.exitCode, 0, `docker ${argv.join(' ')}: ${r.stderr}`);
  }
  return { engine, hostDir: '/scenario' };
}
