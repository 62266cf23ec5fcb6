// /etc/passwd and /etc/group lookups for id, whoami, ls -l, chown and `~user`. busybox (static, no NSS) reads
// these files directly, so an image without them shows bare numbers.

import type { Vfs } from '../fs/vfs.js';
import { toText } from './io.js';

/** One /etc/passwd line. */
export interface PasswdEntry {
  name: string;
  uid: number;
  gid: number;
  home: string;
  shell: string;
}

/** One /etc/group line. */
export interface GroupEntry {
  name: string;
  gid: number;
  members: string[];
}

function lines(fs: Vfs, path: string): string[][] {
  try {
    return toText(fs.readFile(path))
      .split('\n')
      .filter((l) => l.trim() !== '' && !l.startsWith('#'))
      .map((l) => l.split(':'));
  } catch {
    return [];
  }
}

/** Entries of /etc/passwd (empty when the file is missing). */
export function passwdEntries(fs: Vfs): PasswdEntry[] {
  return lines(fs, '/etc/passwd')
    .filter((f) => f.length >= 4)
    .map((f) => ({ name: f[0] ?? '', uid: Number(f[2]), gid: Number(f[3]), home: f[5] ?? '/', shell: f[6] ?? '' }));
}

/** Entries of /etc/group (empty when the file is missing). */
export function groupEntries(fs: Vfs): GroupEntry[] {
  return lines(fs, '/etc/group')
    .filter((f) => f.length >= 3)
    .map((f) => ({ name: f[0] ?? '', gid: Number(f[2]), members: (f[3] ?? '').split(',').filter(Boolean) }));
}

/** User name of a uid, or undefined. */
export function userName(fs: Vfs, uid: number): string | undefined {
  return passwdEntries(fs).find((e) => e.uid === uid)?.name;
}

/** Group name of a gid, or undefined. */
export function groupName(fs: Vfs, gid: number): string | undefined {
  return groupEntries(fs).find((e) => e.gid === gid)?.name;
}
