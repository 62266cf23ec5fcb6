// `-v`/`--volume` specs as docker 20.10 handles them on Linux: the CLI first sorts each spec into a bind
// (HostConfig.Binds) or an anonymous volume (Config.Volumes); the daemon then parses binds with its Linux
// parser (volume/mounts/linux_parser.go). Errors are the daemon's texts (docker-reference.md 3.5), returned
// raw: `run` prints them as "docker: Error response from daemon: <text>.", `create` as "Error response from
// daemon: <text>".

import type { MountConfig } from './mount-spec.js';

/** What one `-v` spec becomes. */
export type VolumeSpec =
  | { kind: 'bind'; source: string; destination: string; mode: string; rw: boolean; propagation: string }
  | { kind: 'named'; name: string; destination: string; mode: string; rw: boolean; copyData: boolean }
  /** Config.Volumes entry; the daemon mounts a fresh volume at path.Clean(spec), which stays relative if the spec was */
  | { kind: 'anonymous'; destination: string; /** as typed: the CLI keys Config.Volumes with it */ typed?: string };

/** A parsed spec or the daemon's error text. */
export type VolumeSpecResult = { ok: true; spec: VolumeSpec } | { ok: false; error: string };

const RW_MODES = new Set(['rw', 'ro']);
const LABEL_MODES = new Set(['z', 'Z']);
const PROPAGATION_MODES = new Set(['private', 'rprivate', 'slave', 'rslave', 'shared', 'rshared']);
const CONSISTENCY_MODES = new Set(['consistent', 'cached', 'delegated']);

/** Go's path.Clean. */
function cleanPath(p: string): string {
  if (p === '') return '.';
  const rooted = p.startsWith('/');
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!rooted) out.push('..');
      continue;
    }
    out.push(part);
  }
  const joined = out.join('/');
  return rooted ? '/' + joined : joined || '.';
}

// linuxValidMountMode: a comma list with at most one of each kind of mode.
function validMountMode(mode: string): boolean {
  if (mode === '') return true;
  const counts = [0, 0, 0, 0, 0];
  for (const o of mode.split(',')) {
    const kind = RW_MODES.has(o) ? 0 : LABEL_MODES.has(o) ? 1 : PROPAGATION_MODES.has(o) ? 2 : o === 'nocopy' ? 3 : CONSISTENCY_MODES.has(o) ? 4 : -1;
    if (kind < 0) return false;
    counts[kind] = (counts[kind] ?? 0) + 1;
  }
  return counts.every((c) => c <= 1);
}

function propagationOf(mode: string): string | undefined {
  return mode.split(',').find((o) => PROPAGATION_MODES.has(o));
}

const invalidSpec = (raw: string) => `invalid volume specification: '${raw}'`;

// The CLI side (compose loader's ParseVolume, used by `docker run` only to decide bind vs anonymous).
function cliHasSource(spec: string): boolean {
  if (spec.length <= 2) return false;
  const first = spec.indexOf(':');
  // a one-letter first section followed by ':' is a Windows drive and stays in the source
  const windowsDrive = first === 1 && /\p{L}/u.test(spec[0] ?? '');
  const end = windowsDrive ? spec.indexOf(':', 2) : first;
  return end > 0;
}

// linux_parser.go validateMountConfigImpl, without the bind-source existence check.
function mountConfigError(type: string, target: string, extra?: string): string | undefined {
  const wrap = (e: string) => `invalid mount config for type "${type}": ${e}`;
  if (target === '') return wrap('field Target must not be empty');
  if (cleanPath(target.replaceAll('\\', '/')) === '/') return wrap("invalid specification: destination can't be '/'");
  if (!target.replaceAll('\\', '/').startsWith('/')) return wrap(`invalid mount path: '${target}' mount path must be absolute`);
  return extra === undefined ? undefined : wrap(`field ${extra} must not be specified`);
}

/** One `-v` spec, as the CLI sorts it and the Linux daemon parses it. */
export function parseVolumeSpec(raw: string): VolumeSpecResult {
  if (raw === '') return { ok: false, error: 'invalid empty volume spec' }; // real docker fails oddly in runc here
  if (!cliHasSource(raw)) return { ok: true, spec: { kind: 'anonymous', destination: cleanPath(raw), typed: raw } };

  if ((raw.match(/:/g) ?? []).length > 2) return { ok: false, error: invalidSpec(raw) };
  const arr = raw.split(':');
  if (arr[0] === '') return { ok: false, error: invalidSpec(raw) };
  const source = arr[0] ?? '';
  const target = arr[1] ?? '';
  const mode = arr[2] ?? '';
  if (arr.length === 2 && validMountMode(target)) return { ok: false, error: invalidSpec(raw) };
  if (!validMountMode(mode)) return { ok: false, error: `invalid mode: ${mode}` };

  const isBind = source.startsWith('/');
  const type = isBind ? 'bind' : 'volume';
  const modes = mode.split(',');
  const rw = !modes.includes('ro');
  const propagation = propagationOf(mode);
  const nocopy = modes.includes('nocopy');
  const extra = isBind && nocopy ? 'VolumeOptions' : !isBind && propagation !== undefined ? 'BindOptions' : undefined;
  const bad = mountConfigError(type, target, extra);
  if (bad !== undefined) return { ok: false, error: `${invalidSpec(raw)}: ${bad}` };

  const destination = cleanPath(target);
  if (isBind) {
    return { ok: true, spec: { kind: 'bind', source: cleanPath(source), destination, mode, rw, propagation: propagation ?? 'rprivate' } };
  }
  return { ok: true, spec: { kind: 'named', name: source, destination, mode, rw, copyData: !nocopy } };
}

/** The local volume driver's name check, as `create <name>: …` (named `-v` volumes and `docker volume create`). */
export function validateLocalVolumeName(name: string): string | undefined {
  if (name.length === 1) {
    return `create ${name}: volume name is too short, names should be at least two alphanumeric characters`;
  }
  if (!/^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/.test(name)) {
    return (
      `create ${name}: "${name}" includes invalid characters for a local volume name, only "[a-zA-Z0-9][a-zA-Z0-9_.-]" ` +
      'are allowed. If you intended to pass a host directory, use absolute path'
    );
  }
  // the name becomes a directory under /var/lib/docker/volumes: past NAME_MAX the kernel refuses the mkdir
  if (name.length > 255) {
    const root = `/var/lib/docker/volumes/${name}`;
    return `create ${name}: error while creating volume root path '${root}': mkdir ${root}: file name too long`;
  }
  return undefined;
}

/** The daemon's error when two binds (or a bind and a --mount/--tmpfs) use the same container path. */
function duplicateMountPointError(destination: string): string {
  return `Duplicate mount point: ${destination}`;
}

/** All `-v` values of one run/create, split as docker splits them, or the first error the daemon reports. */
export interface ResolvedVolumes {
  /** with the text as typed: HostConfig.Binds records it unchanged */
  binds: (VolumeSpec & { raw: string })[];
  anonymous: VolumeSpec[];
}

/**
 * The `-v` values of one command in the daemon's order: identical specs count once (the CLI keeps them in a
 * map), each bind is parsed, checked against earlier binds and `--tmpfs` paths, then its named volume is
 * created (name check).
 */
export function resolveVolumeSpecs(
  raws: readonly string[],
  tmpfsDestinations: readonly string[] = [],
): { ok: true; volumes: ResolvedVolumes } | { ok: false; error: string; madeBefore?: string[] } {
  const volumes: ResolvedVolumes = { binds: [], anonymous: [] };
  const taken = new Set<string>();
  // registerMountPoints creates each named volume as it meets it: one before a duplicate is still made
  const madeBefore: string[] = [];
  for (const raw of new Set(raws)) {
    const r = parseVolumeSpec(raw);
    if (!r.ok) return r;
    if (r.spec.kind === 'anonymous') {
      volumes.anonymous.push(r.spec);
      continue;
    }
    if (taken.has(r.spec.destination) || tmpfsDestinations.includes(r.spec.destination)) {
      return { ok: false, error: duplicateMountPointError(r.spec.destination), madeBefore };
    }
    if (r.spec.kind === 'named') {
      const bad = validateLocalVolumeName(r.spec.name);
      if (bad !== undefined) return { ok: false, error: bad };
    }
    taken.add(r.spec.destination);
    if (r.spec.kind === 'named') madeBefore.push(r.spec.name);
    volumes.binds.push({ ...r.spec, raw });
  }
  return { ok: true, volumes };
}

/** ParseVolumesFrom: `--volumes-from ctr[:ro|rw]` → container and mode, or the daemon's error text. */
export function parseVolumesFrom(spec: string): { ok: true; container: string; mode: string } | { ok: false; error: string } {
  if (spec === '') return { ok: false, error: 'volumes-from specification cannot be an empty string' };
  const i = spec.indexOf(':');
  if (i < 0) return { ok: true, container: spec, mode: 'rw' };
  const mode = spec.slice(i + 1);
  if (!validMountMode(mode) || propagationOf(mode) !== undefined || mode.split(',').includes('nocopy')) {
    return { ok: false, error: `invalid mode: ${mode}` };
  }
  return { ok: true, container: spec.slice(0, i), mode };
}

/**
 * The daemon's check of one `--mount` (ValidateMountConfig). `sourceExists` answers for bind sources; the
 * error is printed as is (`docker: Error response from daemon: <text>.`).
 */
export function validateMountConfig(m: MountConfig, sourceExists: (path: string) => boolean): string | undefined {
  const wrap = (e: string) => `invalid mount config for type "${m.Type}": ${e}`;
  const target = m.Target ?? '';
  const source = m.Source ?? '';
  if (!['bind', 'volume', 'tmpfs'].includes(m.Type)) {
    return mountConfigError(m.Type, target) ?? wrap('mount type unknown');
  }
  const base = mountConfigError(m.Type, target);
  if (base !== undefined) return base;
  if (m.Type === 'bind') {
    if (source === '') return wrap('field Source must not be empty');
    const prop = m.BindOptions?.Propagation;
    if (prop !== undefined && prop !== '' && !PROPAGATION_MODES.has(prop)) return wrap(`invalid propagation mode: ${prop}`);
    if (m.VolumeOptions !== undefined) return wrap('field VolumeOptions must not be specified');
    if (!source.replaceAll('\\', '/').startsWith('/')) return wrap(`invalid mount path: '${source}' mount path must be absolute`);
    if (!sourceExists(source)) return wrap(`bind source path does not exist: ${source}`);
  } else if (m.Type === 'volume') {
    if (m.BindOptions !== undefined) return wrap('field BindOptions must not be specified');
    if (source === '' && m.ReadOnly === true) return wrap('must not set ReadOnly mode when using anonymous volumes');
  } else {
    if (m.BindOptions !== undefined) return wrap('field BindOptions must not be specified');
    if (source !== '') return wrap('field Source must not be specified');
  }
  return undefined;
}
