// sha256 for content-addressed IDs (layers, images, containers). Synchronous, with no static node: import so the
// simulator core runs anywhere: Node's native hash when the runtime offers it (process.getBuiltinModule, Node
// 20.16+), @noble/hashes otherwise (a browser). The native one is about ten times faster on image configs.

import { sha256 } from '@noble/hashes/sha2.js';

const encoder = new TextEncoder();
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

interface NativeHash {
  update(data: Uint8Array | string): NativeHash;
  digest(encoding: 'hex'): string;
}
type CreateHash = (algorithm: 'sha256') => NativeHash;

const nativeCreateHash: CreateHash | undefined = (() => {
  const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  const crypto = proc?.getBuiltinModule?.('node:crypto') as { createHash?: CreateHash } | undefined;
  return crypto?.createHash;
})();

function toHex(digest: Uint8Array): string {
  let out = '';
  for (const byte of digest) out += HEX[byte];
  return out;
}

/** Lower-case hex sha256 of bytes or of a string's UTF-8 encoding. */
export function sha256Hex(input: Uint8Array | string): string {
  if (nativeCreateHash) return nativeCreateHash('sha256').update(input).digest('hex');
  return toHex(sha256(typeof input === 'string' ? encoder.encode(input) : input));
}

/** Incremental hashing, so a layer's digest never needs one big buffer. */
export function sha256Stream(): { update(part: Uint8Array | string): void; hex(): string } {
  if (nativeCreateHash) {
    const hash = nativeCreateHash('sha256');
    return {
      update: (part) => void hash.update(part),
      hex: () => hash.digest('hex'),
    };
  }
  const hash = sha256.create();
  return {
    update: (part) => void hash.update(typeof part === 'string' ? encoder.encode(part) : part),
    hex: () => toHex(hash.digest()),
  };
}
