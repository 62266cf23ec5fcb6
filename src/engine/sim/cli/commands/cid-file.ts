// run/create --cidfile as docker/cli's cidFile: the file is made (empty) before the daemon is asked to create
// the container, refused when it is already there, given the new ID once the container exists, and removed
// again when nothing was written (a create that failed).

import { resolvePath } from '../../fs/path.js';
import { MountedFs } from '../../fs/mounted-fs.js';
import type { Daemon } from '../../daemon.js';
import type { CommandContext } from '../command-io.js';

/** One --cidfile for the length of a run/create. */
export class CidFile {
  private written = false;
  private opened = false;
  private readonly host: MountedFs;
  private readonly at: string;

  constructor(daemon: Daemon, ctx: CommandContext, readonly path: string) {
    this.host = new MountedFs(daemon.host, false, () => ({ uid: 0, gid: 0, now: daemon.clock.now() }));
    this.at = resolvePath(ctx.cwd, path);
  }

  /** newCIDFile: the client's error, or null once the empty file is made. */
  open(): { message: string; notFound: boolean } | null {
    if (this.host.stat(this.at)) return { message: `container ID file found, make sure the other container isn't running or delete ${this.path}`, notFound: false };
    try {
      this.host.writeFile(this.at, new Uint8Array(0));
    } catch {
      return { message: `failed to create the container ID file: open ${this.path}: no such file or directory`, notFound: true };
    }
    this.opened = true;
    return null;
  }

  /** The container exists: its full ID, with no newline. */
  write(id: string): void {
    if (!this.opened) return;
    this.host.writeFile(this.at, new TextEncoder().encode(id));
    this.written = true;
  }

  /** cidFile.Close: an empty file goes again. */
  close(): void {
    if (this.opened && !this.written && this.host.lstat(this.at)?.kind === 'file') this.host.unlink(this.at);
  }
}
