// The names one run uses on a shared engine: the scenario writes `dc01`, `tim/centos`, `ubuntu`; the engine sees
// `drydock-<run>-dc01`, `drydock-run-<run>/tim/centos`, `drydock/ubuntu` (the fixture stand-in). Everything the
// daemon prints is mapped back, so reports show what the scenario said and a user's own `dc01` is never touched.

import { posix } from 'node:path';

/** The stand-in images scenarios name without a registry (`ubuntu` → `drydock/ubuntu`). */
const FIXTURE_REPOS: readonly string[] = ['tomcat', 'centos', 'ubuntu'];

// docker's image IDs as scenarios pass them: full, sha256-prefixed or the 12-digit short form
const IMAGE_ID = /^(sha256:)?[0-9a-f]{12,64}$/u;

/** True for a word that is an object ID rather than a name (names shorter than 12 hex digits stay names). */
function looksLikeId(word: string): boolean {
  return IMAGE_ID.test(word);
}

/** Maps one run's names both ways. */
export class RunNames {
  /** `drydock-<run>-`: containers and volumes */
  readonly objectPrefix: string;
  /** `drydock-run-<run>/`: images the scenario makes */
  readonly imagePrefix: string;
  // fixture repositories (and drydock/… names) the scenario has replaced or removed: from then on they live in
  // the run's namespace, so the shared stand-in is never retagged or deleted
  private readonly shadowed = new Set<string>();
  /** every image reference the run may have created (build -t, tag, commit, import targets), as the engine knows it */
  readonly created = new Set<string>();
  private readonly back: RegExp;

  constructor(
    readonly runId: string,
    /** the per-run folder standing in for the host's `/` */
    readonly runDir: string,
  ) {
    this.objectPrefix = `drydock-${runId}-`;
    this.imagePrefix = `drydock-run-${runId}/`;
    const escaped = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/gu, '\\$&');
    this.back = new RegExp(
      `${escaped(this.imagePrefix)}|${escaped(this.objectPrefix)}|(?<![\\w./-])drydock/(${FIXTURE_REPOS.join('|')})(?![\\w-])|${escaped(runDir)}(?![\\w-])`,
      'gu',
    );
  }

  /** A container or volume name as the engine knows it; IDs pass unchanged. */
  object(name: string): string {
    if (name === '' || looksLikeId(name) || name.startsWith(this.objectPrefix)) return name;
    // a name docker would refuse stays as written, so docker refuses it in its own words
    if (!/^\/?[a-zA-Z0-9][a-zA-Z0-9_.-]+$/u.test(name)) return name;
    return this.objectPrefix + name.replace(/^\//u, '');
  }

  /** An image the command reads (run, FROM, history, tag source): fixtures resolve to their stand-ins. */
  sourceImage(ref: string): string {
    if (ref === '' || looksLikeId(ref) || ref.startsWith(this.imagePrefix)) return ref;
    const { repo, rest } = splitReference(ref);
    if (this.shadowed.has(repo)) return this.imagePrefix + ref;
    const fixture = fixtureRepo(repo, rest);
    if (fixture !== undefined) return `drydock/${fixture}${rest}`;
    if (repo.startsWith('drydock/')) return ref;
    return this.imagePrefix + ref;
  }

  /** An image the command creates or replaces (build -t, tag target, commit, import): always the run's own. */
  targetImage(ref: string): string {
    if (ref === '' || ref.startsWith(this.imagePrefix)) return ref;
    const { repo, rest } = splitReference(ref);
    const fixture = fixtureRepo(repo, rest);
    if (fixture !== undefined || repo.startsWith('drydock/')) this.shadowed.add(fixture ?? repo);
    const mapped = this.imagePrefix + (fixture !== undefined ? `${fixture}${rest}` : ref);
    this.created.add(mapped);
    return mapped;
  }

  /** Marks a fixture reference as removed from this run's view; returns the run-local name to untag. */
  shadow(ref: string): string {
    const { repo, rest } = splitReference(ref);
    const fixture = fixtureRepo(repo, rest);
    this.shadowed.add(fixture ?? repo);
    const mapped = this.imagePrefix + (fixture !== undefined ? `${fixture}${rest}` : ref);
    this.created.add(mapped);
    return mapped;
  }

  /** The stand-in repositories this run has shadowed. */
  shadowedNames(): string[] {
    return [...this.shadowed];
  }

  /** True when `ref` names a shared stand-in the run has not shadowed (so removing it must not reach it). */
  isSharedFixture(ref: string): boolean {
    if (looksLikeId(ref) || ref.startsWith(this.imagePrefix)) return false;
    const { repo, rest } = splitReference(ref);
    const fixture = fixtureRepo(repo, rest);
    if (this.shadowed.has(fixture ?? repo)) return false;
    return fixture !== undefined || repo.startsWith('drydock/');
  }

  /** A host path as this machine knows it: absolute paths move into the run folder, relative ones stay. */
  hostPath(path: string): string {
    if (!path.startsWith('/')) return path;
    if (path === this.runDir || path.startsWith(`${this.runDir}/`)) return path;
    const resolved = posix.resolve('/', path);
    return resolved === '/' ? this.runDir + (path.endsWith('/') ? '/' : '') : this.runDir + resolved + (path.endsWith('/') && resolved !== '/' ? '/' : '');
  }

  /** The scenario's view of text the engine printed: prefixes, stand-in names and the run folder removed. */
  unmap(text: string): string {
    if (text === '') return text;
    const plain = (t: string) => t.replace(this.back, (_m: string, fixture?: string) => fixture ?? '');
    const firstLine = text.slice(0, text.includes('\n') ? text.indexOf('\n') : undefined);
    // a docker table (a header of columns two or more spaces apart): a shorter cell is padded so the columns
    // after it stay where the header says
    if (!/^[A-Z][A-Z ]*[A-Z] {2,}[A-Z]/u.test(firstLine)) return plain(text);
    return text
      .split('\n')
      .map((line) => {
        const parts = line.split(/( {2,})/u);
        for (let i = 0; i < parts.length; i += 2) {
          const cell = parts[i]!;
          const mapped = plain(cell);
          parts[i] = mapped;
          if (i + 1 < parts.length) parts[i + 1] += ' '.repeat(cell.length - mapped.length);
        }
        return parts.join('');
      })
      .join('\n');
  }

  /** unmap() of every string inside parsed JSON (inspect data). */
  unmapJson(value: unknown): unknown {
    if (typeof value === 'string') return this.unmap(value);
    if (Array.isArray(value)) return value.map((v) => this.unmapJson(v));
    if (value !== null && typeof value === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) out[this.unmap(k)] = this.unmapJson(v);
      return out;
    }
    return value;
  }
}

// `docker.io/library/ubuntu:latest` → repo `docker.io/library/ubuntu`, rest `:latest`
function splitReference(ref: string): { repo: string; rest: string } {
  const at = ref.indexOf('@');
  const beforeDigest = at === -1 ? ref : ref.slice(0, at);
  const slash = beforeDigest.lastIndexOf('/');
  const colon = beforeDigest.lastIndexOf(':');
  const cut = colon > slash ? colon : at === -1 ? ref.length : at;
  return { repo: ref.slice(0, cut), rest: ref.slice(cut) };
}

// the stand-in a reference names: `ubuntu`, `ubuntu:latest`, `library/ubuntu`, `docker.io/library/ubuntu`
function fixtureRepo(repo: string, rest: string): string | undefined {
  if (rest !== '' && rest !== ':latest') return undefined;
  const short = repo.replace(/^(docker\.io\/|index\.docker\.io\/)?(library\/)?/u, '');
  return FIXTURE_REPOS.includes(short) && (short === repo || /^(docker\.io\/|index\.docker\.io\/)?library\//u.test(repo)) ? short : undefined;
}
