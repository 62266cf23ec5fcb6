// --ipc and --pid, the namespaces a container may share: what the 20.10 daemon checks of them when it creates
// the container (adaptContainerSettings) and when it starts it (the OCI spec's namespaces), with its texts.
// The simulator gives every container namespaces of its own, so a mode that would really share one (the host's,
// or a running container's) is refused plainly instead of being pretended.

import type { Daemon } from '../daemon.js';
import { DaemonError } from '../daemon-error.js';
import { isRunning, type Container } from './container.js';

/** IpcMode/PidMode `container:<name or ID>`: the name, or null for another mode (moby's Container()). */
function sharedWith(mode: string): string | null {
  const at = mode.indexOf(':');
  return at >= 0 && mode.slice(0, at) === 'container' ? mode.slice(at + 1) : null;
}

/**
 * The modes as the daemon keeps them at create: a container named in one must exist (generateSecurityOpt looks
 * for the IPC one first; not at all under --privileged or a host mode:
 * seen on 20.10, `create --privileged --ipc container:missing` succeeds), and is then kept by its ID. Throws
 * DaemonError.
 */
export function adaptSharedNamespaces(daemon: Daemon, ipcMode: string, pidMode: string, privileged: boolean): { ipcMode: string; pidMode: string } {
  const ipcName = sharedWith(ipcMode);
  const pidName = sharedWith(pidMode);
  if (!(ipcMode === 'host' || pidMode === 'host' || privileged)) {
    for (const name of [ipcName, pidName]) if (name !== null && !daemon.findContainer(name)) throw new DaemonError(`No such container: ${name}`);
  }
  const byId = (mode: string, name: string | null) => {
    const found = name === null ? undefined : daemon.findContainer(name);
    return found ? `container:${found.id}` : mode;
  };
  // the daemon's default IPC mode
  return { ipcMode: byId(ipcMode || 'private', ipcName), pidMode: byId(pidMode, pidName) };
}

/**
 * What the simulator cannot do with the modes (a shared namespace it would have to pretend), as the flag to
 * name in the refusal; null when the container can have namespaces of its own (or will fail to start, as the
 * daemon refuses it then).
 */
export function unsimulatedNamespace(daemon: Daemon, ipcMode: string, pidMode: string, utsMode: string): string | null {
  if (utsMode === 'host') return 'uts';
  if (ipcMode === 'host' || ipcMode === 'none') return 'ipc';
  if (pidMode === 'host') return 'pid';
  const ipcWith = sharedWith(ipcMode);
  const ipcTarget = ipcWith === null ? undefined : daemon.findContainer(ipcWith);
  if (ipcTarget && isRunning(ipcTarget) && ipcTarget.host.ipcMode === 'shareable') return 'ipc';
  const pidWith = sharedWith(pidMode);
  const pidTarget = pidWith === null ? undefined : daemon.findContainer(pidWith);
  if (pidTarget && isRunning(pidTarget)) return 'pid';
  return null;
}

const OWN_IPC = new Set(['', 'private', 'shareable']);

/** The daemon's refusal to start the container for its IPC or PID mode (the OCI spec, IPC first), or null. */
export function namespaceStartError(daemon: Daemon, c: Container): string | null {
  const ipcMode = c.host.ipcMode ?? 'private';
  const ipcWith = sharedWith(ipcMode);
  if (ipcWith !== null) {
    const why = `can't join IPC of container ${ipcWith}`;
    const target = daemon.findContainer(ipcWith);
    if (!target) return `${why}: No such container: ${ipcWith}`;
    if (!isRunning(target)) return `${why}: container ${target.id} is not running`;
    if (target.host.ipcMode !== 'shareable') return `${why}: non-shareable IPC (hint: use IpcMode:shareable for the donor container)`;
    return refusal('ipc');
  }
  if (!OWN_IPC.has(ipcMode)) return ipcMode === 'host' || ipcMode === 'none' ? refusal('ipc') : `Invalid IPC mode: ${ipcMode}`;
  const pidWith = sharedWith(c.host.pidMode);
  if (pidWith !== null) {
    const target = daemon.findContainer(pidWith);
    if (!target) return `cannot join PID of a non running container: ${pidWith}: No such container: ${pidWith}`;
    if (!isRunning(target)) return `container ${target.id} is not running`;
    return refusal('pid');
  }
  return c.host.pidMode === 'host' ? refusal('pid') : null;
}

function refusal(flag: string): string {
  return `drydock: a container sharing another's namespace (--${flag}) is not simulated; run this with --engine docker`;
}
