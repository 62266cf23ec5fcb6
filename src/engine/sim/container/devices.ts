// --device: how the client splits a value into host path, container path and cgroup permissions
// (docker/cli's parseLinuxDevice), and what the daemon finds on the host when it writes the OCI spec at start
// (oci.DevicesFromPath): a device node to give the container, or Docker's error for a path that is none.

import type { FsBackend } from '../fs/backend.js';
import type { MountedFs } from '../fs/mounted-fs.js';
import { followHostPath } from '../fs/host-path.js';

/** One --device as the client sends it (container.DeviceMapping). */
export interface DeviceMapping {
  PathOnHost: string;
  PathInContainer: string;
  CgroupPermissions: string;
}

/** validDeviceMode: r, w and m, each at most once, and at least one. */
export function validDeviceMode(mode: string): boolean {
  if (mode === '') return false;
  const legal = new Set(['r', 'w', 'm']);
  for (const c of mode) {
    if (!legal.has(c)) return false;
    legal.delete(c);
  }
  return true;
}

/** parseLinuxDevice: where the host's device goes in the container, with which cgroup permissions. */
export function parseDevice(device: string): DeviceMapping {
  const arr = device.split(':');
  let permissions = 'rwm';
  let dst = '';
  if (arr.length === 3) permissions = arr[2] ?? '';
  if (arr.length >= 2) {
    if (validDeviceMode(arr[1] ?? '')) permissions = arr[1] ?? '';
    else dst = arr[1] ?? '';
  }
  const src = arr[0] ?? '';
  return { PathOnHost: src, PathInContainer: dst || src, CgroupPermissions: permissions };
}

/** A device node of the host: char or block, major and minor. */
export interface HostDevice {
  kind: 'char';
  major: number;
  minor: number;
}

// the nodes every Linux host has (the simulator's host folder is not a /dev): devtmpfs's memory devices and tty
const KERNEL_DEVICES: Readonly<Record<string, HostDevice>> = {
  '/dev/null': { kind: 'char', major: 1, minor: 3 },
  '/dev/zero': { kind: 'char', major: 1, minor: 5 },
  '/dev/full': { kind: 'char', major: 1, minor: 7 },
  '/dev/random': { kind: 'char', major: 1, minor: 8 },
  '/dev/urandom': { kind: 'char', major: 1, minor: 9 },
  '/dev/tty': { kind: 'char', major: 5, minor: 0 },
};

// folders every Linux host has, which the simulator's host may lack: a device path naming one is "not a device node"
const HOST_FOLDERS = new Set(['/', '/bin', '/dev', '/etc', '/home', '/lib', '/proc', '/root', '/sbin', '/sys', '/tmp', '/usr', '/var']);

/** The host's device at a --device path, or the daemon's error for it (start-time, as the OCI spec is written). */
function hostDevice(host: FsBackend, path: string): HostDevice | { error: string } {
  const known = KERNEL_DEVICES[path];
  if (known) return known;
  const fail = (why: string) => ({ error: `error gathering device information while adding custom device "${path}": ${why}` });
  const entry = host.get(followHostPath(host, path));
  if (entry === undefined) return HOST_FOLDERS.has(path.replace(/\/+$/, '') || '/') ? fail('not a device node') : fail('no such file or directory');
  if (entry.kind === 'char') return { kind: 'char', major: entry.major, minor: entry.minor };
  return fail('not a device node');
}

/**
 * The container's --device nodes, made in its fresh /dev at each start (runc mknods them there), each with the
 * host node's numbers; the first path that is no device gives the daemon's error instead, and nothing is made.
 */
export function addDevices(host: FsBackend, fs: MountedFs, devices: readonly string[], at: number): string | null {
  const found: [DeviceMapping, HostDevice][] = [];
  for (const raw of devices) {
    const mapping = parseDevice(raw);
    const dev = hostDevice(host, mapping.PathOnHost);
    if ('error' in dev) return dev.error;
    found.push([mapping, dev]);
  }
  for (const [mapping, dev] of found) {
    const node = fs.locate(mapping.PathInContainer, false);
    node.mount.backend.put(node.inner, { kind: 'char', major: dev.major, minor: dev.minor, mode: 0o666, uid: 0, gid: 0, mtime: at });
  }
  return null;
}
