// `docker create` (and the first half of `docker run`): merges the image's config with the command line's,
// sets up the container layer over the image and the init layer, and attaches volumes, bind mounts and
// --volumes-from, as moby's daemon/create.go and volumes*.go do.

import { MountedFs } from '../fs/mounted-fs.js';
import { SubtreeBackend } from '../fs/subtree-backend.js';
import { ancestors, resolvePath } from '../fs/path.js';
import { cloneConfig, type ContainerConfig } from '../image/config.js';
import type { Image } from '../image/image.js';
import { RwLayer } from '../layer/rw-layer.js';
import type { Daemon } from '../daemon.js';
import { DaemonError } from '../daemon-error.js';
import type { Volume } from '../volume/volume-store.js';
import { createdState, type Container, type HostOptions, type MountPoint } from './container.js';
import { containerLowerIndex, mountProc, mountSystemPaths } from './init-layer.js';
import { utsOf } from './proc-sys.js';
import { PidNamespace } from '../shell/pid-namespace.js';
import { followHostPath } from '../fs/host-path.js';
import { resolveInRoot } from '../../root-path.js';

/** A mount asked for on the command line, already parsed. */
export type MountRequest =
  | { type: 'bind'; source: string; destination: string; readOnly: boolean; mode: string; createSource: boolean }
  | { type: 'volume'; name: string | null; destination: string; readOnly: boolean; mode: string; configVolume?: boolean; typed?: string; fromBinds?: boolean };

/** Everything `docker create`/`run` passes to the daemon. */
export interface CreateRequest {
  image: Image;
  /** the image as typed, for Config.Image and `docker ps` */
  imageName: string;
  name: string | null;
  /** the command after the image; null when none was given */
  cmd: string[] | null;
  /** `--entrypoint`: undefined when not given, [] to clear */
  entrypoint?: string[];
  env: string[];
  workdir: string | null;
  user: string | null;
  /** --hostname; null: the first 12 characters of the ID */
  hostname?: string | null;
  /** --domainname; null or absent: none */
  domainname?: string | null;
  /** --stop-signal and --stop-timeout, when given */
  stopSignal?: string | null;
  stopTimeout?: number | null;
  tty: boolean;
  openStdin: boolean;
  attachStdin: boolean;
  attachOutput: boolean;
  /** -a without stdout or stderr: that stream is not attached (default attachOutput) */
  attachStdout?: boolean;
  attachStderr?: boolean;
  mounts: MountRequest[];
  /** HostConfig.Binds: the -v specs of binds and named volumes, as typed */
  binds: string[];
  /** `--volumes-from c[:ro|:rw]` as typed */
  volumesFrom: string[];
  exposedPorts: string[];
  host: Omit<HostOptions, 'binds' | 'volumesFrom' | 'mounts'> & { mounts: Record<string, unknown>[] | null };
  labels: Record<string, string>;
  autoRemove: boolean;
  stdin: Uint8Array;
}

const NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;

/** Creates (does not start) a container; throws DaemonError with moby's texts. */
export function createContainer(daemon: Daemon, req: CreateRequest): Container {
  // moby merges the config with the image's (and finds no command) before it reserves the name
  const merged = mergeConfig(req, '');
  if ([...(merged.Entrypoint ?? []), ...(merged.Cmd ?? [])].length === 0) throw new DaemonError('No command specified');
  if (req.name !== null) {
    const name = req.name.startsWith('/') ? req.name.slice(1) : req.name;
    if (!NAME.test(name)) {
      throw new DaemonError(`Invalid container name (${req.name}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed`);
    }
    const taken = daemon.nameTaken(name);
    if (taken) {
      throw new DaemonError(
        `Conflict. The container name "/${name}" is already in use by container "${taken.id}". You have to remove (or rename) that container to be able to reuse that name.`,
      );
    }
  }
  const sources = req.volumesFrom.map((spec) => volumesFromSource(daemon, spec));
  const destinations = new Set<string>();
  // HostConfig.Binds (-v with a source) may not name a --tmpfs destination as typed (registerMountPoints, #10618)
  const tmpfs = req.host.tmpfs ?? {};
  const tmpfsDestinations = new Set(Object.keys(tmpfs).map((d) => resolvePath('/', d)));
  for (const m of req.mounts) {
    const fromBinds = m.type === 'bind' ? m.createSource : m.fromBinds === true;
    if (destinations.has(m.destination) || (fromBinds && Object.hasOwn(tmpfs, m.destination))) throw new DaemonError(`Duplicate mount point: ${m.destination}`);
    destinations.add(m.destination);
  }
  const id = daemon.ids.next('container');
  const name = req.name?.replace(/^\//, '') ?? randomFreeName(daemon, id);
  const config = mergeConfig(req, id);
  const hostname = config.Hostname;
  const now = daemon.clock.now();
  const rw = new RwLayer(containerLowerIndex(req.image.layer, now));
  // the upper directory overlay2 makes for the container is the root everyone sees: 0755, root's, dated now,
  // whatever the image's "./" entry says (recorded on 20.10: a layer with ./ 0710 1234:5678 shows / as 0755 0 0)
  rw.rootMeta = { mode: 0o755, uid: 0, gid: 0, mtime: now };
  const fs = new MountedFs(rw, req.host.readonlyRootfs, () => ({ uid: 0, gid: 0, now: daemon.clock.now() }));
  mountSystemPaths(fs, hostname, config.Tty, now, undefined, req.host);
  // container.SetupWorkingDirectory runs on the root filesystem before any volume is made: a file in the way
  // fails the create
  const workdirStat = config.WorkingDir ? fs.stat(resolvePath('/', config.WorkingDir)) : null;
  if (workdirStat && workdirStat.kind !== 'dir') throw new DaemonError(`Cannot mkdir: ${config.WorkingDir} is not a directory`);
  const mounts: MountPoint[] = [];
  const mounted = new Set<string>();

  // destinations compare cleaned (`/foo/` is `/foo`), as IsDestinationMounted does
  const isMounted = (destination: string) => mounted.has(resolvePath('/', destination));
  const attach = (mp: MountPoint, backend: SubtreeBackend | Volume['data'], volume?: Volume) => {
    if (isMounted(mp.destination)) return;
    mounted.add(resolvePath('/', mp.destination));
    // the daemon follows symlinks in the destination inside the container's root (FollowSymlinkInScope)
    const at = inScope(rw, mp.destination);
    if (volume && !volume.populated) {
      populate(rw, at, volume);
      volume.populated = true;
    }
    fs.mount(at, backend, !mp.rw);
    mounts.push(mp);
  };

  // Explicit -v/--mount first: they win over --volumes-from and the image's VOLUMEs at the same path.
  const pending: (() => void)[] = [];
  for (const m of req.mounts) {
    // a plain `-v /path` is one of Config.Volumes, mounted last and only where nothing else is (below)
    if (m.type === 'volume' && m.configVolume) continue;
    if (m.type === 'bind') {
      // the daemon follows the source's symlinks on its host; here they stay inside the host root
      const source = followHostPath(daemon.host, m.source);
      const exists = daemon.host.get(source);
      if (!exists) {
        if (!m.createSource) {
          throw new DaemonError(`invalid mount config for type "bind": bind source path does not exist: ${m.source}`);
        }
        mkdirAll(daemon.host, source, now);
      }
      pending.push(() =>
        attach(
          { type: 'bind', source: m.source, destination: m.destination, mode: m.mode, rw: !m.readOnly, anonymous: false },
          new SubtreeBackend(daemon.host, source),
        ),
      );
    } else {
      const anonymous = m.name === null;
      const volName = m.name ?? daemon.ids.next('volume');
      pending.push(() => {
        const volume = daemon.volumes.create(volName, now, anonymous, null, null);
        attach(
          { type: 'volume', name: volName, source: `/var/lib/docker/volumes/${volName}/_data`, destination: m.destination, mode: m.mode, rw: !m.readOnly, anonymous },
          volume.data,
          volume,
        );
      });
    }
  }
  for (const run of pending) run();
  // moby keeps the --volumes-from mount points in a map by destination: a later source's mount replaces an
  // earlier one's at the same path
  const inherited = new Map<string, { mp: MountPoint; readOnly: boolean | null }>();
  for (const { source, readOnly } of sources) {
    for (const mp of source.mounts) inherited.set(resolvePath('/', mp.destination), { mp, readOnly });
  }
  for (const { mp, readOnly } of inherited.values()) {
    if (isMounted(mp.destination)) continue;
    // moby copies the mount point without its Mode, read-write only where the source's is and the mode says so
    // (`:rw` does not make a read-only mount writable)
    const rwFlag = mp.rw && readOnly !== true;
    if (mp.type === 'bind') {
      attach({ ...mp, rw: rwFlag, mode: '', anonymous: false }, new SubtreeBackend(daemon.host, followHostPath(daemon.host, mp.source)));
    } else {
      const volume = daemon.volumes.get(mp.name as string);
      // the mount point is copied with its spec: a volume the source got anonymously stays removable by rm -v
      if (volume) attach({ ...mp, rw: rwFlag, mode: '' }, volume.data, volume);
    }
  }
  for (const key of Object.keys(config.Volumes ?? {})) {
    const destination = resolvePath('/', key);
    // an image's VOLUME where a --tmpfs goes gets no volume (the container's HasMountFor)
    if (isMounted(destination) || tmpfsDestinations.has(destination)) continue;
    const volName = daemon.ids.next('volume');
    const volume = daemon.volumes.create(volName, now, true, null, null);
    attach(
      { type: 'volume', name: volName, source: `/var/lib/docker/volumes/${volName}/_data`, destination, mode: '', rw: true, anonymous: true },
      volume.data,
      volume,
    );
  }
  if (config.WorkingDir) makeWorkdir(fs, config.WorkingDir);

  const container: Container = {
    id,
    name,
    created: now,
    path: '',
    args: [],
    config,
    host: {
      ...req.host,
      binds: req.binds.length ? req.binds : null,
      volumesFrom: req.volumesFrom.length ? req.volumesFrom : null,
    },
    imageId: req.image.id,
    layer: req.image.layer,
    imageName: req.imageName,
    rw,
    fs,
    mounts,
    state: createdState(),
    logs: [],
    restartCount: 0,
    autoRemove: req.autoRemove,
    stdin: req.stdin,
    labels: req.labels,
    sleep: null,
    procs: PidNamespace.empty(),
  };
  const argv = [...(config.Entrypoint ?? []), ...(config.Cmd ?? [])];
  container.path = argv[0] ?? '';
  container.args = argv.slice(1);
  mountProc(fs, () => container.procs, mounts, () => container.state.startedAt ?? container.created, () => utsOf(container.config), () => container.host);
  if (req.image.layer) daemon.images.retain(req.image.layer);
  daemon.containers.set(id, container);
  return container;
}

function randomFreeName(daemon: Daemon, id: string): string {
  const taken = (n: string) => daemon.nameTaken(n) !== undefined;
  const pick = (seed: string) => {
    const n = parseInt(seed.slice(0, 8), 16);
    return `${ADJ[n % ADJ.length]}_${NOUN[Math.floor(n / ADJ.length) % NOUN.length]}`;
  };
  let name = pick(id);
  for (let i = 1; taken(name); i++) name = `${pick(id.slice(i))}${i}`;
  return name;
}

const ADJ = ['admiring', 'affectionate', 'amazing', 'bold', 'brave', 'charming', 'clever', 'eager', 'elegant', 'festive', 'focused', 'gallant', 'happy', 'hungry', 'jolly', 'keen', 'kind', 'loving', 'modest', 'nice', 'peaceful', 'quirky', 'romantic', 'serene', 'sharp', 'stoic', 'sweet', 'tender', 'vibrant', 'zealous'];
const NOUN = ['albattani', 'babbage', 'bohr', 'cerf', 'curie', 'darwin', 'dijkstra', 'einstein', 'euler', 'faraday', 'feynman', 'galileo', 'hopper', 'kepler', 'knuth', 'lovelace', 'meitner', 'newton', 'noether', 'pasteur', 'ritchie', 'shannon', 'tesla', 'turing', 'villani', 'wozniak', 'yalow'];

/** The container's Config: the image's, overridden by the command line (moby's merge + CLI rules). */
function mergeConfig(req: CreateRequest, id: string): ContainerConfig {
  const config = cloneConfig(req.image.config);
  config.Hostname = req.hostname || id.slice(0, 12);
  config.Domainname = req.domainname ?? '';
  if (req.stopSignal) config.StopSignal = req.stopSignal;
  if (req.stopTimeout !== undefined && req.stopTimeout !== null) config.StopTimeout = req.stopTimeout;
  config.Image = req.imageName;
  if (req.user !== null) config.User = req.user;
  config.AttachStdin = req.attachStdin;
  config.AttachStdout = req.attachStdout ?? req.attachOutput;
  config.AttachStderr = req.attachStderr ?? req.attachOutput;
  config.Tty = req.tty;
  config.OpenStdin = req.openStdin;
  config.StdinOnce = req.openStdin && req.attachStdin;
  if (req.entrypoint !== undefined) {
    config.Entrypoint = req.entrypoint.length ? req.entrypoint : null;
    config.Cmd = req.cmd;
  } else if (req.cmd !== null && req.cmd.length > 0) {
    config.Cmd = req.cmd;
  }
  // moby's merge(): the command line's -e entries in order, then the image's entries they do not override.
  if (req.env.length) {
    const keys = new Set(req.env.map(envKey));
    config.Env = [...req.env, ...(config.Env ?? []).filter((e) => !keys.has(envKey(e)))];
  }
  if (req.workdir !== null) config.WorkingDir = resolvePath('/', req.workdir);
  const volumes = { ...(config.Volumes ?? {}) };
  // the CLI keys Config.Volumes with the path as typed (`/bar/`); the mount point is cleaned
  for (const m of req.mounts) if (m.type === 'volume' && m.name === null) volumes[m.typed ?? m.destination] = {};
  config.Volumes = Object.keys(volumes).length ? sortKeys(volumes) : null;
  if (req.exposedPorts.length) {
    const ports = { ...(config.ExposedPorts ?? {}) };
    for (const p of req.exposedPorts) ports[p] = {};
    config.ExposedPorts = sortKeys(ports);
  }
  config.Labels = { ...(config.Labels ?? {}), ...req.labels };
  return config;
}

function sortKeys<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function volumesFromSource(daemon: Daemon, spec: string): { source: Container; readOnly: boolean | null } {
  const colon = spec.lastIndexOf(':');
  let ref = spec;
  let readOnly: boolean | null = null;
  if (colon > 0) {
    const mode = spec.slice(colon + 1);
    if (mode === 'ro' || mode === 'rw') {
      ref = spec.slice(0, colon);
      readOnly = mode === 'ro';
    } else if (mode !== '') {
      throw new DaemonError(`invalid mode: ${mode}`);
    }
  }
  return { source: daemon.container(ref), readOnly };
}

/**
 * Puts the container's mount points in its layer, as runc does at start and the daemon's mountVolumes does
 * for `docker cp`: a container only created shows no mount point in `docker diff` or `docker export`.
 */
export function ensureMountPoints(daemon: Daemon, c: Container): void {
  const now = daemon.clock.now();
  for (const mp of c.mounts) {
    const isFile = mp.type === 'bind' && daemon.host.get(followHostPath(daemon.host, mp.source))?.kind === 'file';
    makeMountPoint(c.rw, inScope(c.rw, mp.destination), now, isFile);
  }
}

/** A mount destination with its symlinks followed inside the container's root, as symlink.FollowSymlinkInScope. */
function inScope(rw: RwLayer, destination: string): string {
  const lookup = (p: string): { kind: string; target?: string } | undefined => {
    const e = rw.get(p);
    return e && e.kind === 'symlink' ? { kind: e.kind, target: e.target } : e;
  };
  return resolveInRoot(lookup, destination) ?? destination;
}

/** A mount point runc makes at start (a --tmpfs destination), in the container layer, symlinks followed. */
export function makeStartMountPoint(c: Container, destination: string, now: number): void {
  makeMountPoint(c.rw, inScope(c.rw, destination), now, false);
}

/** The mount point exists in the container layer (docker diff shows it as A when it is new). */
function makeMountPoint(rw: RwLayer, destination: string, now: number, isFile: boolean): void {
  for (const dir of [...ancestors(destination), destination]) {
    const existing = rw.get(dir);
    if (existing) continue;
    if (dir === destination && isFile) {
      rw.put(dir, { kind: 'file', data: new Uint8Array(0), mode: 0o755, uid: 0, gid: 0, mtime: now });
    } else {
      rw.put(dir, { kind: 'dir', opaque: false, mode: 0o755, uid: 0, gid: 0, mtime: now });
    }
  }
}

/** A new volume gets a copy of what the image has at its mount point (moby's CopyImagePathContent). */
function populate(rw: RwLayer, destination: string, volume: Volume): void {
  if (volume.data.list('/').length > 0) return;
  const root = rw.get(destination);
  if (!root || root.kind !== 'dir') return;
  volume.data.put('/', root);
  // `-v //` mounts a volume at `/` itself (Config.Volumes "//"), so either side can be the root
  const child = (dir: string, name: string) => (dir === '/' ? `/${name}` : `${dir}/${name}`);
  const walk = (inner: string, outer: string) => {
    for (const name of rw.list(outer)) {
      const entry = rw.get(child(outer, name));
      if (entry === undefined) continue;
      const target = child(inner, name);
      volume.data.put(target, entry);
      if (entry.kind === 'dir') walk(target, child(outer, name));
    }
  };
  walk('/', destination);
}

function mkdirAll(host: Daemon['host'], path: string, now: number): void {
  for (const dir of [...ancestors(path), path]) {
    if (!host.get(dir)) host.put(dir, { kind: 'dir', opaque: false, mode: 0o755, uid: 0, gid: 0, mtime: now });
  }
}

function makeWorkdir(fs: MountedFs, dir: string): void {
  const path = resolvePath('/', dir);
  if (fs.stat(path)) return;
  const parts = [...ancestors(path), path];
  for (const p of parts) if (!fs.lstat(p)) fs.mkdir(p);
}

function envKey(item: string): string {
  const eq = item.indexOf('=');
  return eq === -1 ? item : item.slice(0, eq);
}
