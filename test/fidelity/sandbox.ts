// One simulator state for a replay: a fresh engine over an in-memory host with the scratch directory that
// stands for the reference's `<HOSTDIR>`, plus helpers to run docker commands in a chosen working directory
// and to put input files on the host.

import type { CommandResult } from '../../src/engine/engine.js';
import { runDockerCommand } from '../../src/engine/sim/cli/sim-cli.js';
import { TreeBackend } from '../../src/engine/sim/fs/tree-backend.js';
import { createSimEngine } from '../../src/engine/sim/node/create-sim-engine.js';
import type { SimEngine } from '../../src/engine/sim/sim-engine.js';

/** The sandbox path standing for `<HOSTDIR>`. */
export const HOSTDIR = '/scratch';

/** A setup step failed: the section cannot be replayed as the reference was. */
export class SetupError extends Error {}

/** A fresh simulator with an empty scratch directory. */
export class Sandbox {
  readonly host = new TreeBackend();
  readonly engine: SimEngine;

  constructor() {
    this.mkdirp(HOSTDIR);
    this.engine = createSimEngine({ host: this.host, cwd: HOSTDIR });
  }

  /** Runs `docker <argv>` with the client in `cwd`. */
  docker(argv: readonly string[], cwd: string = HOSTDIR, stdin = ''): CommandResult {
    return runDockerCommand(this.engine.daemon, argv, { stdin: new TextEncoder().encode(stdin), cwd, env: new Map() });
  }

  /** A setup docker command that must succeed. */
  must(argv: readonly string[], cwd: string = HOSTDIR): CommandResult {
    const r = this.docker(argv, cwd);
    if (r.exitCode !== 0) throw new SetupError(`setup: docker ${argv.join(' ')} → exit ${r.exitCode}: ${r.stderr || r.stdout}`);
    return r;
  }

  /** Runs a shell script on the sandbox host in `cwd`. */
  async sh(script: string, cwd: string = HOSTDIR): Promise<CommandResult> {
    return this.engine.host(`cd '${cwd}' && ${script}`);
  }

  mkdirp(path: string): void {
    let at = '';
    for (const part of path.split('/').filter(Boolean)) {
      at += `/${part}`;
      if (!this.host.get(at)) this.host.put(at, { kind: 'dir', opaque: false, mode: 0o755, uid: 0, gid: 0, mtime: 0 });
    }
  }

  writeFile(path: string, content: string | Uint8Array, mode = 0o644): void {
    this.mkdirp(path.slice(0, path.lastIndexOf('/')) || '/');
    const data = typeof content === 'string' ? new TextEncoder().encode(content) : content;
    this.host.put(path, { kind: 'file', data, mode, uid: 0, gid: 0, mtime: 0 });
  }

  /** The full ID of a container (or image) as docker inspect reports it. */
  idOf(kind: 'container' | 'image' | 'volume', ref: string, field = '{{.Id}}'): string {
    const sub = kind === 'container' ? ['container', 'inspect'] : kind === 'image' ? ['image', 'inspect'] : ['volume', 'inspect'];
    return this.must([...sub, '-f', field, ref]).stdout.trim().replace(/^sha256:/, '');
  }
}
