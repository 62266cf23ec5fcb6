// /proc as a container's processes see it: one directory per living process of its PID namespace, and
// /proc/self naming whoever reads it. Each directory holds the few files scripts and `ps` read: cmdline, comm,
// status (its identity lines and capabilities), uid_map, mountinfo and
// oom_score_adj; /proc/sys holds the UTS names (proc-sys.ts). Everything else of procfs is not simulated.

import type { LiveEntry } from '../layer/entry.js';
import type { FsBackend } from '../fs/backend.js';
import { FsError } from '../fs/vfs.js';
import type { PidNamespace, ProcessEntry } from '../shell/pid-namespace.js';
import { procSysEntry, procSysList, type UtsNames } from './proc-sys.js';
import { capabilityStatusLines, type CapabilitySettings } from './capabilities.js';

/** What procfs shows of the container's HostConfig. */
export interface ProcSettings extends CapabilitySettings {
  oomScoreAdj?: number;
}

const FILES = ['cmdline', 'comm', 'fd', 'mountinfo', 'oom_score_adj', 'status', 'uid_map'];

// A process holds stdin, stdout and stderr open; one that lists its own fd directory holds that directory open
// too, as the next descriptor (3): what `ls /proc/self/fd` shows on Linux.
function openFds(ns: PidNamespace, pid: number): string[] {
  return ns.current() === pid ? ['0', '1', '2', '3'] : ['0', '1', '2'];
}


/** A read-only procfs over a namespace that may be replaced (a restart starts a new one). */
export class ProcBackend implements FsBackend {
  constructor(
    private readonly namespace: () => PidNamespace,
    private readonly mountinfo: string,
    /** when procfs was mounted (the container's start): the date of its root */
    private readonly mountedAt: () => number = () => 0,
    /** the container's hostname and domain name, for /proc/sys/kernel */
    private readonly uts: () => UtsNames = () => ({ hostname: '', domainname: '' }),
    /** the container's settings its processes see: OomScoreAdj (runc writes it, children inherit it), capabilities */
    private readonly settings: () => ProcSettings = () => ({ capAdd: null, capDrop: null, privileged: false }),
  ) {}

  /** procfs reports no size and no blocks, for directories and files alike (20.10: `ls -la /` says 0). */
  dirSize(): number {
    return 0;
  }

  fileSize(): number {
    return 0;
  }

  blocks(): number {
    return 0;
  }

  get(path: string): LiveEntry | undefined {
    const parts = path.split('/').filter(Boolean);
    const ns = this.namespace();
    if (parts.length === 0) return { ...dir(0, 0), mtime: this.mountedAt() };
    const [head = '', file, ...rest] = parts;
    if (head === 'sys') return procSysEntry(parts.slice(1), this.uts(), this.mountedAt());
    if (head === 'self') {
      const pid = ns.current();
      if (file !== undefined || pid === undefined) return undefined;
      return { kind: 'symlink', target: String(pid), mode: 0o777, uid: 0, gid: 0, mtime: this.mountedAt() };
    }
    const p = /^[1-9]\d*$/.test(head) ? ns.get(Number(head)) : undefined;
    if (p && file === 'fd') return this.fdEntry(p, rest);
    if (!p || rest.length > 0) return undefined;
    if (file === undefined) return { ...dir(p.uid, p.gid), mtime: this.mountedAt() };
    const text = this.fileText(p, file);
    if (text === undefined) return undefined;
    return { kind: 'file', data: new TextEncoder().encode(text), mode: file === 'comm' ? 0o644 : 0o444, uid: p.uid, gid: p.gid, mtime: this.mountedAt() };
  }

  list(path: string): string[] {
    const parts = path.split('/').filter(Boolean);
    const ns = this.namespace();
    if (parts.length === 0) {
      const names = ns.list().map((p) => String(p.pid));
      if (ns.current() !== undefined) names.push('self');
      names.push('sys');
      return names.sort();
    }
    if (parts[0] === 'sys') return procSysList(parts.slice(1));
    if (parts[1] === 'fd' && parts.length === 2) return this.get(path)?.kind === 'dir' ? openFds(ns, Number(parts[0])) : [];
    return this.get(path)?.kind === 'dir' && parts.length === 1 ? [...FILES] : [];
  }

  // /proc/PID/fd: a directory of symlinks, one per open descriptor (see openFds)
  private fdEntry(p: ProcessEntry, rest: readonly string[]): LiveEntry | undefined {
    if (rest.length === 0) return { ...dir(p.uid, p.gid), mode: 0o500, mtime: this.mountedAt() };
    const [fd, ...more] = rest;
    if (more.length > 0 || !openFds(this.namespace(), p.pid).includes(fd ?? '')) return undefined;
    const target = fd === '0' ? '/dev/null' : fd === '3' ? `/proc/${p.pid}/fd` : 'pipe:[1]';
    return { kind: 'symlink', target, mode: 0o700, uid: p.uid, gid: p.gid, mtime: this.mountedAt() };
  }

  put(path: string): void {
    throw new FsError('EACCES', path);
  }

  delete(path: string): void {
    throw new FsError('EACCES', path);
  }

  write(path: string): void {
    throw new FsError('EACCES', path);
  }

  private fileText(p: ProcessEntry, file: string): string | undefined {
    switch (file) {
      case 'cmdline':
        return p.argv.map((a) => `${a}\0`).join('');
      case 'comm':
        return `${p.comm}\n`;
      case 'status':
        return statusText(p, this.settings());
      case 'uid_map':
        // no user namespace: the identity map over the whole range (docker-reference.md 2.4)
        return '         0          0 4294967295\n';
      case 'mountinfo':
        return this.mountinfo;
      case 'oom_score_adj':
        return `${this.settings().oomScoreAdj ?? 0}\n`;
      default:
        return undefined;
    }
  }
}

function dir(uid: number, gid: number): LiveEntry {
  return { kind: 'dir', opaque: false, mode: 0o555, uid, gid, mtime: 0 };
}

// The identity lines at the top of /proc/PID/status, in the kernel's order and spacing, then the capability
// sets (the kernel has more lines between them, not simulated).
function statusText(p: ProcessEntry, settings: CapabilitySettings): string {
  const ids = (n: number) => `${n}\t${n}\t${n}\t${n}`;
  return [
    `Name:\t${p.comm}`,
    'Umask:\t0022',
    'State:\tS (sleeping)',
    `Tgid:\t${p.pid}`,
    'Ngid:\t0',
    `Pid:\t${p.pid}`,
    `PPid:\t${p.ppid}`,
    'TracerPid:\t0',
    `Uid:\t${ids(p.uid)}`,
    `Gid:\t${ids(p.gid)}`,
    ...capabilityStatusLines(settings, p.uid),
    '',
  ].join('\n');
}
