// Byte/text helpers shared by the shell and the applets, and the character devices a container has
// (/dev/null, /dev/zero, …): their contents are synthesised here, because the Vfs only knows they exist.

import { resolvePath } from '../fs/path.js';
import { FsError, STRERROR } from '../fs/vfs.js';
import type { FsErrorCode } from '../fs/vfs.js';
import type { ProcessContext } from './process.js';
import { missingCode } from './missing-path.js';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** UTF-8 bytes of a string (chunks pass through). */
export function toBytes(chunk: string | Uint8Array): Uint8Array {
  return typeof chunk === 'string' ? encoder.encode(chunk) : chunk;
}

/** Text of UTF-8 bytes (invalid sequences become U+FFFD). */
export function toText(bytes: Uint8Array): string {
  return decoder.decode(bytes);
}

/** Concatenates byte chunks. */
export function concatBytes(chunks: Uint8Array[]): Uint8Array {
  let n = 0;
  for (const c of chunks) n += c.length;
  const out = new Uint8Array(n);
  let off = 0;
  for (const c of chunks) {
    out.set(c, off);
    off += c.length;
  }
  return out;
}

/** How much an endless device (/dev/zero, /dev/urandom) yields to a reader that reads "everything". */
const ENDLESS_DEVICE_BYTES = 1 << 20;

/** Contents of a character device by path, or null when `path` is not a known device. */
export function deviceContents(path: string): Uint8Array | null {
  switch (path) {
    case '/dev/null':
      return new Uint8Array();
    case '/dev/zero':
      return new Uint8Array(ENDLESS_DEVICE_BYTES);
    case '/dev/urandom':
    case '/dev/random': {
      const out = new Uint8Array(ENDLESS_DEVICE_BYTES);
      let x = 0x2545f491;
      for (let i = 0; i < out.length; i++) {
        x ^= x << 13;
        x ^= x >>> 17;
        x ^= x << 5;
        out[i] = x & 0xff;
      }
      return out;
    }
    default:
      return null;
  }
}

/** True for devices that swallow writes. */
export function isSinkDevice(path: string): boolean {
  return path === '/dev/null' || path === '/dev/zero' || path === '/dev/full' || path === '/dev/urandom' || path === '/dev/random';
}

/** Reads a file (or device) as a process would with open+read; throws FsError. */
export function readPath(ctx: ProcessContext, path: string): Uint8Array {
  const abs = resolvePath(ctx.cwd, path);
  const st = ctx.fs.stat(abs);
  if (!st) throw new FsError(missingCode(ctx, path), path);
  if (st.kind === 'char') {
    return deviceContents(abs) ?? deviceContents(safeRealpath(ctx, abs)) ?? new Uint8Array();
  }
  if (st.kind === 'dir') throw new FsError('EISDIR', path);
  return ctx.fs.readFile(abs);
}

function safeRealpath(ctx: ProcessContext, abs: string): string {
  try {
    return ctx.fs.realpath(abs);
  } catch {
    return abs;
  }
}

/**
 * strerror as glibc prints it (busybox-static in the reference images links glibc). The Vfs's STRERROR uses
 * musl's wording for a few codes ("Resource busy", "Symbolic link loop"); glibc's differ.
 */
export function strerror(code: FsErrorCode): string {
  if (code === 'EBUSY') return 'Device or resource busy';
  if ((code as string) === 'EPERM') return 'Operation not permitted';
  if (code === 'ELOOP') return 'Too many levels of symbolic links';
  return STRERROR[code];
}

