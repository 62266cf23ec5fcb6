// What Docker puts between the image and the container layer (the "-init" layer) and mounts into every
// container: /.dockerenv, the mount points of /etc/hostname, /etc/hosts and /etc/resolv.conf, /dev with its
// device nodes, empty /proc and /sys. Kept out of the container layer, so `docker diff` and `docker commit`
// never see them, exactly as on a real engine.

import { extraHostLines, resolvConf, type NetSettings } from './net-files.js';
import { withMeta, type Entry, type LiveEntry } from '../layer/entry.js';
import { Layer } from '../layer/layer.js';
import { MergedIndex } from '../layer/merged-index.js';
import type { FsBackend } from '../fs/backend.js';
import type { MountedFs } from '../fs/mounted-fs.js';
import { PseudoFsBackend } from '../fs/pseudo-fs-backend.js';
import { TreeBackend } from '../fs/tree-backend.js';
import type { PidNamespace } from '../shell/pid-namespace.js';
import type { UtsNames } from './proc-sys.js';
import { ProcBackend, type ProcSettings } from './proc-fs.js';

const meta = { uid: 0, gid: 0, mtime: 0 };

// etchosts.Build's default records, before the --add-host lines
const HOSTS = '127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\nff00::0\tip6-mcastprefix\nff02::1\tip6-allnodes\nff02::2\tip6-allrouters\n';
const dir = (mode = 0o755): Entry => ({ kind: 'dir', opaque: false, mode, ...meta });
const empty = (mode = 0o755): Entry => ({ kind: 'file', data: new Uint8Array(0), mode, ...meta });

const INIT_ENTRIES = new Map<string, Entry>([
  ['/.dockerenv', empty()],
  ['/dev', dir()],
  ['/dev/console', empty()],
  ['/dev/pts', dir()],
  ['/dev/shm', dir()],
  ['/etc', dir()],
  ['/etc/hostname', empty()],
  ['/etc/hosts', empty()],
  ['/etc/mtab', { kind: 'symlink', target: '/proc/mounts', mode: 0o777, ...meta }],
  ['/etc/resolv.conf', empty()],
  ['/proc', dir()],
  ['/sys', dir()],
]);

const initIndexes = new WeakMap<Layer, { index: MergedIndex; paths: ReadonlySet<string> }>();
let scratchInit: { index: MergedIndex; paths: ReadonlySet<string> } | undefined;

/**
 * The lower index of one container: the image's layers plus the init layer (cached per image), with what the
 * init layer made dated when the container was created (20.10 shows /.dockerenv and the copied-up /etc at that
 * time). A view over the shared index: nothing is copied.
 */
export function containerLowerIndex(top: Layer | null, created: number): MergedIndex {
  const { index, paths } = initOf(top);
  const view = Object.create(index) as MergedIndex;
  view.get = (path: string) => {
    const entry = index.get(path);
    return entry && paths.has(path) ? withMeta(entry, { mtime: created }) : entry;
  };
  return view;
}

function initOf(top: Layer | null): { index: MergedIndex; paths: ReadonlySet<string> } {
  if (!top) return (scratchInit ??= { index: MergedIndex.empty().derive(INIT_ENTRIES), paths: new Set(INIT_ENTRIES.keys()) });
  let init = initIndexes.get(top);
  if (!init) {
    const entries = initEntriesOver(top);
    init = { index: top.index.derive(entries), paths: new Set(entries.keys()) };
    initIndexes.set(top, init);
  }
  return init;
}

// moby's initlayer.Setup creates what is missing. A directory the image has keeps the image's mode and owner
// (busybox's /proc and /sys stay dr-xr-xr-x in a 20.10 export); one that gets files of the init layer (/etc,
// /dev) is copied up into it, so it is still defined there and overlay counts it as merged.
function initEntriesOver(top: Layer): Map<string, Entry> {
  const entries = new Map<string, Entry>();
  for (const [path, entry] of INIT_ENTRIES) {
    const image = top.index.get(path);
    if (entry.kind !== 'dir' || image?.kind !== 'dir') entries.set(path, entry);
    else if ([...INIT_ENTRIES.keys()].some((p) => p.startsWith(`${path}/`))) entries.set(path, { ...image, opaque: false });
  }
  return entries;
}

/** The top directories of sysfs (its content is the host kernel's, not simulated). */
const SYS_DIRS = ['block', 'bus', 'class', 'dev', 'devices', 'firmware', 'fs', 'kernel', 'module', 'power'];

/**
 * Mounts what the daemon mounts at each start: /dev (tmpfs with devpts, shm and mqueue on it), /sys and the
 * per-container /etc files (network-files.ts), all dated `at` (the start), as fresh as on a real start. /proc is
 * mountProc's.
 */
export function mountSystemPaths(fs: MountedFs, hostname: string, tty = false, at = 0, userMounts: ReadonlySet<string> = new Set(), net: NetSettings = {}): void {
  const { dev, pts } = devTrees(tty, at);
  const stamped = (mode: number): LiveEntry => ({ kind: 'dir', opaque: false, mode, uid: 0, gid: 0, mtime: at });
  const sys = new PseudoFsBackend('sysfs', stamped(0o555));
  for (const name of SYS_DIRS) sys.put(`/${name}`, stamped(0o755));
  // the daemon mounts the network files writable unless the root filesystem is read-only (NetworkMounts)
  const networkFilesReadOnly = fs.mountPoints().find((m) => m.destination === '/')?.readOnly === true;
  const mounts: [string, FsBackend, boolean][] = [
    ['/dev', dev, false],
    ['/dev/pts', pts, false],
    ['/dev/shm', new PseudoFsBackend('tmpfs', stamped(0o1777)), false],
    ['/dev/mqueue', new PseudoFsBackend('mqueue', stamped(0o1777)), false],
    ['/sys', sys, true],
    ['/etc/hostname', fileTree(`${hostname}\n`, at), networkFilesReadOnly],
    ['/etc/hosts', fileTree(HOSTS + extraHostLines(net), at), networkFilesReadOnly],
    ['/etc/resolv.conf', fileTree(resolvConf(net), at), networkFilesReadOnly],
  ];
  // what the user mounts at one of these places replaces the daemon's, start after start
  for (const [destination, backend, readOnly] of mounts) if (!userMounts.has(destination)) fs.mount(destination, backend, readOnly);
  if (!fs.mountPoints().some((m) => m.destination === '/proc')) fs.mount('/proc', new TreeBackend(stamped(0o555)), true);
}

/**
 * /proc over the container's processes (see proc-fs.ts), mounted when the container starts (`mountedAt`);
 * mountinfo has one line per mount, its source first as the kernel prints it.
 */
export function mountProc(
  fs: MountedFs,
  namespace: () => PidNamespace,
  mounts: readonly { source: string; destination: string; rw: boolean }[],
  mountedAt: () => number = () => 0,
  uts?: () => UtsNames,
  settings: () => ProcSettings = () => ({ capAdd: null, capDrop: null, privileged: false }),
): void {
  const lines = ['100 90 0:50 / / rw,relatime master:1 - overlay overlay rw'];
  mounts.forEach((m, i) => lines.push(`${200 + i} 100 254:0 ${m.source} ${m.destination} ${m.rw ? 'rw' : 'ro'},relatime - ext4 /dev/vda rw`));
  fs.mount('/proc', new ProcBackend(namespace, `${lines.join('\n')}\n`, mountedAt, uts, settings), true);
}

function fileTree(text: string, at: number): TreeBackend {
  return new TreeBackend({ kind: 'file', data: new TextEncoder().encode(text), mode: 0o644, uid: 0, gid: 0, mtime: at });
}

// /dev is a tmpfs with the device nodes runc makes, and devpts, shm and mqueue mounted on it; under -t the
// container's terminal is /dev/console and /dev/pts/0 (a pty: 136,0, group tty, mode 620)
function devTrees(tty: boolean, at: number): { dev: PseudoFsBackend; pts: PseudoFsBackend } {
  const m = { uid: 0, gid: 0, mtime: at };
  const dev = new PseudoFsBackend('tmpfs', { kind: 'dir', opaque: false, mode: 0o755, ...m });
  const char = (minor: number, major = 1): LiveEntry => ({ kind: 'char', major, minor, mode: 0o666, ...m });
  const terminal: LiveEntry = { kind: 'char', major: 136, minor: 0, mode: 0o620, ...m, gid: 5 };
  dev.put('/null', char(3));
  dev.put('/zero', char(5));
  dev.put('/full', char(7));
  dev.put('/random', char(8));
  dev.put('/urandom', char(9));
  dev.put('/tty', char(0, 5));
  if (tty) dev.put('/console', terminal);
  for (const sub of ['/pts', '/shm', '/mqueue']) dev.put(sub, { kind: 'dir', opaque: false, mode: sub === '/pts' ? 0o755 : 0o1777, ...m });
  for (const [name, target] of [['fd', '/proc/self/fd'], ['stdin', '/proc/self/fd/0'], ['stdout', '/proc/self/fd/1'], ['stderr', '/proc/self/fd/2'], ['ptmx', 'pts/ptmx']]) {
    dev.put(`/${name}`, { kind: 'symlink', target: target as string, mode: 0o777, ...m });
  }
  const pts = new PseudoFsBackend('devpts', { kind: 'dir', opaque: false, mode: 0o755, ...m });
  pts.put('/ptmx', { kind: 'char', major: 5, minor: 2, mode: 0o666, ...m });
  if (tty) pts.put('/0', terminal);
  return { dev, pts };
}
