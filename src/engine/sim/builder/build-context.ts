// The build context as the docker CLI sends it: the files under the context directory minus what
// .dockerignore excludes (the Dockerfile and .dockerignore are always sent), and the size of that tarball,
// which the legacy builder prints as "Sending build context to Docker daemon  2.048kB".

import type { FsBackend } from '../fs/backend.js';
import type { LiveEntry } from '../layer/entry.js';
import { goClean } from '../archive/untar.js';
import { isGzip, readTar } from '../../../tar/tar.js';
import { unpackLayer } from '../layer/unpack-layer.js';
import { compilePatterns, matchesPatterns, readDockerignore, type IgnorePattern } from './dockerignore.js';

/** The client's refusal of a context (printed as `error checking context: '…'.`). */
export class ContextError extends Error {}

/** The context's entries, keyed by path relative to the context ("/app/x.txt"). */
export class BuildContext {
  private constructor(
    readonly entries: ReadonlyMap<string, LiveEntry>,
    // bytes the client's progress counted, when it is not the whole tar (see withStdinDockerfile)
    private readonly sent: number | null = null,
  ) {}

  /**
   * Reads a context directory of a backend as the CLI's archive.TarWithOptions walks it: .dockerignore's
   * patterns exclude, but the .dockerignore and the Dockerfile are always sent (TrimBuildFilesFromExcludes),
   * and an excluded folder is walked only when an exception pattern could name something inside it.
   */
  static fromBackend(backend: FsBackend, root: string, dockerfile: string | null, dockerfileFromStdin = false): BuildContext {
    const at = (inner: string): string => (inner === '/' ? root : root === '/' ? inner : `${root}${inner}`);
    const ignore = backend.get(at('/.dockerignore'));
    const excludes = ignore?.kind === 'file' ? readDockerignore(new TextDecoder().decode(ignore.data)) : [];
    const base = compilePatterns(excludes);
    if ('error' in base) throw new ContextError(base.error);
    const extra: string[] = [];
    if (matchesPatterns(base, '.dockerignore')) extra.push('!.dockerignore');
    const df = (dockerfile ?? 'Dockerfile').replace(/^\.?\//, '');
    if (!dockerfileFromStdin && matchesPatterns(base, df)) extra.push(`!${df}`);
    const patterns = extra.length ? (compilePatterns([...excludes, ...extra]) as IgnorePattern[]) : base;
    const exclusions = patterns.some((p) => p.exclusion);
    const entries = new Map<string, LiveEntry>();
    const rootEntry = backend.get(root);
    if (rootEntry) entries.set('/', rootEntry);
    const walk = (inner: string): void => {
      for (const name of [...backend.list(at(inner))].sort()) {
        const path = inner === '/' ? `/${name}` : `${inner}/${name}`;
        const entry = backend.get(at(path));
        if (!entry) continue;
        const rel = path.slice(1);
        if (patterns.length && matchesPatterns(patterns, rel)) {
          if (entry.kind !== 'dir' || !exclusions) continue;
          if (!patterns.some((p) => p.exclusion && `${p.text}/`.startsWith(`${rel}/`))) continue;
          walk(path);
          continue;
        }
        entries.set(path, entry);
        if (entry.kind === 'dir') walk(path);
      }
    };
    walk('/');
    return new BuildContext(entries);
  }

  /**
   * `-f -` with a folder: the CLI adds the Dockerfile under a random name and names it in .dockerignore
   * (made if missing) so the daemon drops both (build.AddDockerfileToBuildContext). The progress line then
   * counts up to the end of the last file's data: the rewriting tar writer pads and ends the archive after
   * the daemon stopped reading.
   */
  withStdinDockerfile(data: Uint8Array, name: string): BuildContext {
    const entries = new Map(this.entries);
    const now = { mode: 0o600, uid: 0, gid: 0, mtime: 0 };
    const ignore = entries.get('/.dockerignore');
    const order: Uint8Array[] = [...entries].filter(([p]) => p !== '/' && p !== '/.dockerignore').map(([, e]) => (e.kind === 'file' ? e.data : new Uint8Array(0)));
    entries.set(`/${name}`, { kind: 'file', data, ...now });
    const enc = new TextEncoder();
    if (ignore?.kind === 'file') {
      const text = new Uint8Array([...ignore.data, ...enc.encode(`\n${name}\n`)]);
      entries.set('/.dockerignore', { ...ignore, data: text });
      order.unshift(text);
      order.push(data);
    } else {
      const text = enc.encode(`.dockerignore\n${name}\n`);
      entries.set('/.dockerignore', { kind: 'file', data: text, ...now });
      order.push(data, text);
    }
    let sent = 0;
    order.forEach((d, i) => {
      sent += 512 + (i === order.length - 1 ? d.length : Math.ceil(d.length / 512) * 512);
    });
    return new BuildContext(entries, sent);
  }

  /** The daemon's removeDockerfile: .dockerignore and the Dockerfile leave the context when .dockerignore names them. */
  withoutBuildFiles(dockerfile: string): BuildContext {
    const ignore = this.entries.get('/.dockerignore');
    if (ignore?.kind !== 'file') return this;
    const patterns = compilePatterns(readDockerignore(new TextDecoder().decode(ignore.data)));
    if ('error' in patterns) return this;
    const entries = new Map(this.entries);
    for (const file of ['.dockerignore', goClean(dockerfile)]) {
      if (file !== '.' && matchesPatterns(patterns, file)) entries.delete(`/${file}`);
    }
    return new BuildContext(entries, this.sent);
  }

  /**
   * `docker build -` with an archive on stdin (build.DetectArchiveReader: gzip, or a tar header): the CLI sends
   * the bytes as they are, so the progress line counts them all; the daemon untars them chrooted in the context
   * folder, so `../foo` and `/bar` land at /foo and /bar. Throws the reader's and the untar's errors.
   */
  static fromArchive(data: Uint8Array): BuildContext {
    const entries = new Map<string, LiveEntry>([['/', { kind: 'dir', opaque: false, mode: 0o755, uid: 0, gid: 0, mtime: 0 }]]);
    for (const [path, entry] of [...unpackLayer(readTar(data), { whiteouts: false })].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      if (entry.kind !== 'whiteout') entries.set(path, entry);
    }
    return new BuildContext(entries, data.length);
  }

  /** True when stdin holds an archive rather than a Dockerfile (gzip, or "ustar" where a tar header has it). */
  static isArchive(data: Uint8Array): boolean {
    return isGzip(data) || (data.length >= 512 && new TextDecoder().decode(data.subarray(257, 262)) === 'ustar');
  }

  /** A context holding nothing but one Dockerfile (`docker build - < Dockerfile`). */
  static single(name: string, data: Uint8Array): BuildContext {
    return new BuildContext(
      new Map<string, LiveEntry>([
        ['/', { kind: 'dir', opaque: false, mode: 0o755, uid: 0, gid: 0, mtime: 0 }],
        [`/${name}`, { kind: 'file', data, mode: 0o644, uid: 0, gid: 0, mtime: 0 }],
      ]),
    );
  }

  get(path: string): LiveEntry | undefined {
    return this.entries.get(path);
  }

  /** Direct children of a directory, sorted. */
  list(path: string): string[] {
    const prefix = path === '/' ? '/' : `${path}/`;
    const out: string[] = [];
    for (const p of this.entries.keys()) {
      if (p !== '/' && p.startsWith(prefix) && !p.slice(prefix.length).includes('/')) out.push(p.slice(prefix.length));
    }
    return out.sort();
  }

  /** Bytes of the uncompressed tar the CLI would send: a 512-byte header per entry, data padded, 1 KiB trailer. */
  get tarSize(): number {
    if (this.sent !== null) return this.sent;
    let size = 1024;
    for (const [path, entry] of this.entries) {
      if (path === '/') continue;
      size += 512;
      if (entry.kind === 'file') size += Math.ceil(entry.data.length / 512) * 512;
    }
    return size;
  }
}
