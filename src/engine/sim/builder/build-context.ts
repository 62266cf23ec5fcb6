// The build context as the docker CLI sends it: the files under the context directory minus what
// .dockerignore excludes (the Dockerfile and .dockerignore are always sent), and the size of that tarball,
// which the legacy builder prints as "Sending build context to Docker daemon  2.048kB".

import picomatch from 'picomatch';
import type { FsBackend } from '../fs/backend.js';
import type { LiveEntry } from '../layer/entry.js';

/** The context's entries, keyed by path relative to the context ("/app/x.txt"). */
export class BuildContext {
  private constructor(
    readonly entries: ReadonlyMap<string, LiveEntry>,
  ) {}

  /** Reads a context directory of a backend, applying its .dockerignore. */
  static fromBackend(backend: FsBackend, root: string, dockerfile: string | null): BuildContext {
    const entries = new Map<string, LiveEntry>();
    const rootEntry = backend.get(root);
    if (rootEntry) entries.set('/', rootEntry);
    const walk = (inner: string) => {
      const outer = inner === '/' ? root : root === '/' ? inner : `${root}${inner}`;
      for (const name of backend.list(outer)) {
        const path = inner === '/' ? `/${name}` : `${inner}/${name}`;
        const entry = backend.get(outer === '/' ? `/${name}` : `${outer}/${name}`);
        if (!entry) continue;
        entries.set(path, entry);
        if (entry.kind === 'dir') walk(path);
      }
    };
    walk('/');
    const ignore = entries.get('/.dockerignore');
    if (ignore?.kind !== 'file') return new BuildContext(entries);
    const matcher = ignoreMatcher(new TextDecoder().decode(ignore.data));
    const kept = new Map<string, LiveEntry>();
    const keep = new Set(['/.dockerignore', dockerfile ? `/${dockerfile.replace(/^\.?\//, '')}` : '/Dockerfile']);
    for (const [path, entry] of entries) {
      if (path === '/' || keep.has(path) || !matcher(path.slice(1))) kept.set(path, entry);
    }
    return new BuildContext(kept);
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
    let size = 1024;
    for (const [path, entry] of this.entries) {
      if (path === '/') continue;
      size += 512;
      if (entry.kind === 'file') size += Math.ceil(entry.data.length / 512) * 512;
    }
    return size;
  }
}

/** moby's .dockerignore rules: one pattern a line, `#` comments, `!` exceptions, the last match wins. */
function ignoreMatcher(text: string): (path: string) => boolean {
  const rules: { negate: boolean; test: (p: string) => boolean }[] = [];
  for (const raw of text.split('\n')) {
    let line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const negate = line.startsWith('!');
    if (negate) line = line.slice(1).trim();
    line = line.replace(/^\/+/, '').replace(/\/+$/, '');
    if (!line) continue;
    const exact = picomatch(line, { dot: true });
    const inside = picomatch(`${line}/**`, { dot: true });
    rules.push({ negate, test: (p) => exact(p) || inside(p) });
  }
  return (path) => {
    let ignored = false;
    for (const rule of rules) if (rule.test(path)) ignored = !rule.negate;
    return ignored;
  };
}
