// The notes' dc01/dc02/dc03 sequence: its Dockerfile and commands, and one run of it on the simulator of any tree
// since 0695a87, loaded from that tree's own sources (through tsx), so one harness times two commits alike:
// notes-paired.ts runs two in one process, notes-process.ts one per process.

import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const DOCKERFILE = 'FROM centos\nVOLUME ["/dataVolume1", "/dataVolume2"]\nCMD /bin/bash\n';

/** The Dockerfile both sides build, its base image a build argument. */
export const NOTES_DOCKERFILE = DOCKERFILE.replace('FROM centos', 'ARG BASE\nFROM $BASE');

/** The sequence's docker command lines. */
export function notesSequence(prefix: string, image: string, base: string): string[][] {
  return [
    ['build', '-q', '-t', image, '.'],
    ['run', '-dit', '--network', 'none', '--name', `${prefix}dc01`, image],
    ['run', '-dit', '--network', 'none', '--name', `${prefix}dc02`, '--volumes-from', `${prefix}dc01`, image],
    ['run', '-dit', '--network', 'none', '--name', `${prefix}dc03`, '--volumes-from', `${prefix}dc01`, image],
    ['rm', '-f', `${prefix}dc01`],
    ['exec', `${prefix}dc02`, 'touch', '/dataVolume1/dc02_update.txt'],
    ['exec', `${prefix}dc03`, 'ls', '/dataVolume1'],
    ['rm', '-f', '-v', `${prefix}dc02`, `${prefix}dc03`],
  ].map((argv) => (argv[0] === 'build' ? [...argv.slice(0, -1), '--build-arg', `BASE=${base}`, '.'] : argv));
}

// Only the two entry points every tree since 0695a87 has, with the signatures the sequence needs.
interface TreeApi {
  TreeBackend: new () => { put(path: string, entry: object): void };
  createSimEngine: (options: { host: object; cwd: string }) => { dockerSync(argv: string[]): { exitCode: number; stderr: string } };
}

/** One run of the whole sequence on a fresh engine of `tree`; throws when a command fails. */
export async function loadNotesSequence(tree: string): Promise<() => void> {
  const load = async (path: string) => (await import(pathToFileURL(join(tree, path)).href)) as Partial<TreeApi>;
  const { TreeBackend } = await load('src/engine/sim/fs/tree-backend.ts');
  const { createSimEngine } = await load('src/engine/sim/node/create-sim-engine.ts');
  if (!TreeBackend || !createSimEngine) throw new Error(`${tree}: no TreeBackend or createSimEngine`);
  const steps = notesSequence('', 'tim/centos', 'centos:latest');
  const dockerfile = new TextEncoder().encode(NOTES_DOCKERFILE);
  return () => {
    const host = new TreeBackend();
    host.put('/w', { kind: 'dir', opaque: false, mode: 0o755, uid: 0, gid: 0, mtime: 0 });
    host.put('/w/Dockerfile', { kind: 'file', data: dockerfile, mode: 0o644, uid: 0, gid: 0, mtime: 0 });
    const engine = createSimEngine({ host, cwd: '/w' });
    for (const argv of steps) {
      const r = engine.dockerSync(argv);
      if (r.exitCode !== 0) throw new Error(`${tree}: docker ${argv.join(' ')} failed: ${r.stderr}`);
    }
  };
}
