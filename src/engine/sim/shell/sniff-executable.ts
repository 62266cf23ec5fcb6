// What a file IS when executed, decided from its bytes the way the kernel's binfmt handlers do: `#!` scripts,
// ELF binaries (busybox is the one ELF the simulator implements) and everything else (ENOEXEC).

import { basename } from '../fs/path.js';
import type { Vfs } from '../fs/vfs.js';

/** The kind of program a file holds. */
export type ExecTarget =
  | { kind: 'busybox' }
  | { kind: 'script'; interpreter: string; arg?: string }
  | { kind: 'elf' }
  | { kind: 'text' };

/** Marker a simulated image may embed in a stand-in busybox binary that is not named "busybox". */
const BUSYBOX_MARKER = 'DRYDOCK-BUSYBOX';

const MARKER_BYTES = new TextEncoder().encode(BUSYBOX_MARKER);

/** Classifies the file at `path` (absolute); an unreadable file counts as text (execve then fails ENOEXEC). */
export function sniffExecutable(fs: Vfs, path: string): ExecTarget {
  let data: Uint8Array;
  let real: string;
  try {
    data = fs.readFile(path);
    real = fs.realpath(path);
  } catch {
    return { kind: 'text' };
  }
  if (data[0] === 0x23 && data[1] === 0x21) return parseShebang(data);
  if (data[0] === 0x7f && data[1] === 0x45 && data[2] === 0x4c && data[3] === 0x46) {
    return basename(real) === 'busybox' || contains(data, MARKER_BYTES) ? { kind: 'busybox' } : { kind: 'elf' };
  }
  return { kind: 'text' };
}

// Linux reads at most the first line (up to 256 bytes); the interpreter ends at a blank, the rest (trimmed)
// is one optional argument. A "\r" stays part of the name, as it does on a real kernel.
function parseShebang(data: Uint8Array): ExecTarget {
  let end = data.indexOf(0x0a);
  if (end === -1 || end > 256) end = Math.min(data.length, 256);
  const line = new TextDecoder().decode(data.subarray(2, end)).replace(/^[ \t]+/, '');
  const m = /^([^ \t]*)[ \t]*(.*)$/.exec(line);
  const interpreter = m?.[1] ?? '';
  const arg = (m?.[2] ?? '').replace(/[ \t]+$/, '');
  return arg === '' ? { kind: 'script', interpreter } : { kind: 'script', interpreter, arg };
}

function contains(haystack: Uint8Array, needle: Uint8Array): boolean {
  const first = needle[0];
  outer: for (let i = haystack.indexOf(first ?? 0); i !== -1 && i <= haystack.length - needle.length; i = haystack.indexOf(first ?? 0, i + 1)) {
    for (let j = 1; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}
