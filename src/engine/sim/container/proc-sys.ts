// /proc/sys as a container sees it: only the UTS namespace's two names, /proc/sys/kernel/hostname and
// /proc/sys/kernel/domainname, which runc sets from Config.Hostname and Config.Domainname (the kernel shows an
// unset domain name as "(none)"). The rest of /proc/sys is the host kernel's and not simulated.

import type { LiveEntry } from '../layer/entry.js';

/** The names a container's UTS namespace holds. */
export interface UtsNames {
  hostname: string;
  domainname: string;
}

const KERNEL_FILES = ['domainname', 'hostname'];

/** The entry at a path under /proc/sys (parts after "sys"), or undefined when it is not simulated. */
export function procSysEntry(parts: readonly string[], uts: UtsNames, mtime: number): LiveEntry | undefined {
  const dir: LiveEntry = { kind: 'dir', opaque: false, mode: 0o555, uid: 0, gid: 0, mtime };
  if (parts.length === 0 || (parts.length === 1 && parts[0] === 'kernel')) return dir;
  if (parts.length !== 2 || parts[0] !== 'kernel' || !KERNEL_FILES.includes(parts[1]!)) return undefined;
  const text = parts[1] === 'hostname' ? uts.hostname : uts.domainname || '(none)';
  return { kind: 'file', data: new TextEncoder().encode(`${text}\n`), mode: 0o644, uid: 0, gid: 0, mtime };
}

/** The names in a directory under /proc/sys. */
export function procSysList(parts: readonly string[]): string[] {
  if (parts.length === 0) return ['kernel'];
  return parts.length === 1 && parts[0] === 'kernel' ? [...KERNEL_FILES] : [];
}

/** The UTS names runc gives a container, from its Config. */
export function utsOf(config: { Hostname: string; Domainname: string }): UtsNames {
  return { hostname: config.Hostname, domainname: config.Domainname };
}
