// A tarball as a docker command hands it out: to stdout as bytes (latin-1, one char a byte) or to `-o FILE` on
// the daemon's sandbox host, in the form the daemon streams it (`docker export`, `docker save`, `docker cp … -`).

import { writeTar, type TarEntryInput } from '../../../../tar/tar.js';
import type { Daemon } from '../../daemon.js';
import { MountedFs } from '../../fs/mounted-fs.js';
import { resolvePath } from '../../fs/path.js';
import { FsError } from '../../fs/vfs.js';
import { Output, type CommandContext } from '../command-io.js';

/** The daemon's sandbox host, seen through the same Vfs as a container. */
export function hostFs(daemon: Daemon): MountedFs {
  return new MountedFs(daemon.host, false, () => ({ uid: 0, gid: 0, now: daemon.clock.now() }));
}

/** Binary output travels as a latin-1 string (one char per byte) through CommandResult.stdout. */
export function latin1(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 8192) s += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return s;
}

/** Writes a command's bytes to `-o FILE` on the host, or to stdout. */
export function writeOutput(daemon: Daemon, ctx: CommandContext, file: string | undefined, bytes: Uint8Array, out: Output): Output {
  if (!file) return out.out(latin1(bytes));
  const host = hostFs(daemon);
  try {
    host.writeFile(resolvePath(ctx.cwd, file), bytes);
  } catch (error) {
    if (error instanceof FsError) return out.local(`open ${resolvePath(ctx.cwd, file)}: no such file or directory`);
    throw error;
  }
  return out;
}


/**
 * A tarball as the daemon streams one for `docker export` and `docker cp … -` (moby's archive.FileInfoHeader
 * through Go's archive/tar): file-type bits in the mode, times cut to the second (so no PAX header for them),
 * and the owner names the daemon's host gives ids 0 ("root"; other ids are left unnamed: they depend on
 * that host's /etc/passwd).
 */
export function dockerTar(members: readonly TarEntryInput[]): Uint8Array {
  const named = (id: number | undefined) => ((id ?? 0) === 0 ? 'root' : '');
  return writeTar(
    members.map((m) => ({ ...m, mtime: Math.floor((m.mtime ?? 0) / 1000) * 1000, uname: m.uname ?? named(m.uid), gname: m.gname ?? named(m.gid) })),
    { fileTypeBits: true },
  );
}

