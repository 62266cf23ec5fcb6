// sha256 for content-addressed IDs (layers, images, containers). Synchronous and free of node: modules so the
// simulator core runs anywhere; @noble/hashes is audited and fast enough for layer-sized inputs.

import { sha256 } from '@noble/hashes/sha2.js';

const encoder = new TextEncoder();
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** Lower-case hex sha256 of bytes or of a string's UTF-8 encoding. */
export function sha256Hex(input: Uint8Array | string): string {
  const bytes = typeof input === 'string' ? encoder.encode(input) : input;
  const digest = sha256(bytes);
  let out = '';
  for (const byte of digest) out += HEX[byte];
  return out;
}

/** Incremental hashing, so a layer's digest never needs one big buffer. */
export function sha256Stream(): { update(part: Uint8Array | string): void; hex(): string } {
  const hash = sha256.create();
  return {
    update(part) {
      hash.update(typeof part === 'string' ? encoder.encode(part) : part);
    },
    hex() {
      let out = '';
      for (const byte of hash.digest()) out += HEX[byte];
      return out;
    },
  };
}
