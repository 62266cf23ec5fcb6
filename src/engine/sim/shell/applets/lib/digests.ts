// md5, sha1 and sha256 in plain TypeScript (the simulator has no synchronous crypto in a browser), and the
// md5sum-style applet around a digest: "HASH  NAME" lines, -c to check a list ("NAME: OK" / "NAME: FAILED").

import { FsError } from '../../../fs/vfs.js';
import { strerror, toText } from '../../io.js';
import type { Applet } from './common.js';
import { errorMsg, readOperand, stdinToEof } from './common.js';
import { getopt } from './getopt.js';

const hex = (words: number[], littleEndian: boolean): string =>
  words
    .map((w) => {
      const b = [(w >>> 24) & 255, (w >>> 16) & 255, (w >>> 8) & 255, w & 255];
      return (littleEndian ? b.reverse() : b).map((x) => x.toString(16).padStart(2, '0')).join('');
    })
    .join('');

// Merkle–Damgård padding into 64-byte blocks with the bit length in the last 8 bytes.
function pad(data: Uint8Array, littleEndian: boolean): DataView {
  const len = Math.ceil((data.length + 9) / 64) * 64;
  const buf = new Uint8Array(len);
  buf.set(data);
  buf[data.length] = 0x80;
  const view = new DataView(buf.buffer);
  const bits = data.length * 8;
  view.setUint32(littleEndian ? len - 8 : len - 4, bits >>> 0, littleEndian);
  view.setUint32(littleEndian ? len - 4 : len - 8, Math.floor(bits / 2 ** 32), littleEndian);
  return view;
}

const rotl = (x: number, n: number): number => (x << n) | (x >>> (32 - n));

const rotr = (x: number, n: number): number => (x >>> n) | (x << (32 - n));

const MD5_S = [7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21];

const MD5_K = Array.from({ length: 64 }, (_, i) => Math.floor(Math.abs(Math.sin(i + 1)) * 2 ** 32) >>> 0);

/** MD5 digest as hex. */
export function md5(data: Uint8Array): string {
  const v = pad(data, true);
  const h = [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476];
  for (let off = 0; off < v.byteLength; off += 64) {
    let [a, b, c, d] = h as [number, number, number, number];
    for (let i = 0; i < 64; i++) {
      let f: number;
      let g: number;
      if (i < 16) [f, g] = [(b & c) | (~b & d), i];
      else if (i < 32) [f, g] = [(d & b) | (~d & c), (5 * i + 1) % 16];
      else if (i < 48) [f, g] = [b ^ c ^ d, (3 * i + 5) % 16];
      else [f, g] = [c ^ (b | ~d), (7 * i) % 16];
      const tmp = d;
      d = c;
      c = b;
      b = (b + rotl((a + f + (MD5_K[i] ?? 0) + v.getUint32(off + g * 4, true)) | 0, MD5_S[(i >> 4) * 4 + (i % 4)] ?? 0)) | 0;
      a = tmp;
    }
    h[0] = (h[0]! + a) | 0;
    h[1] = (h[1]! + b) | 0;
    h[2] = (h[2]! + c) | 0;
    h[3] = (h[3]! + d) | 0;
  }
  return hex(h, true);
}

/** SHA-1 digest as hex. */
export function sha1(data: Uint8Array): string {
  const v = pad(data, false);
  const h = [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0];
  const w = new Array<number>(80);
  for (let off = 0; off < v.byteLength; off += 64) {
    for (let i = 0; i < 16; i++) w[i] = v.getUint32(off + i * 4);
    for (let i = 16; i < 80; i++) w[i] = rotl((w[i - 3] ?? 0) ^ (w[i - 8] ?? 0) ^ (w[i - 14] ?? 0) ^ (w[i - 16] ?? 0), 1);
    let [a, b, c, d, e] = h as [number, number, number, number, number];
    for (let i = 0; i < 80; i++) {
      const [f, k] = i < 20 ? [(b & c) | (~b & d), 0x5a827999] : i < 40 ? [b ^ c ^ d, 0x6ed9eba1] : i < 60 ? [(b & c) | (b & d) | (c & d), 0x8f1bbcdc] : [b ^ c ^ d, 0xca62c1d6];
      const t = (rotl(a, 5) + f + e + k + (w[i] ?? 0)) | 0;
      e = d;
      d = c;
      c = rotl(b, 30);
      b = a;
      a = t;
    }
    [a, b, c, d, e].forEach((x, i) => (h[i] = (h[i]! + x) | 0));
  }
  return hex(h, false);
}

const SHA256_K = [
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01,
  0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc,
  0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147,
  0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08,
  0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
  0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
];

/** SHA-256 digest as hex. */
export function sha256(data: Uint8Array): string {
  const v = pad(data, false);
  const h = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];
  const w = new Array<number>(64);
  for (let off = 0; off < v.byteLength; off += 64) {
    for (let i = 0; i < 16; i++) w[i] = v.getUint32(off + i * 4);
    for (let i = 16; i < 64; i++) {
      const x = w[i - 15] ?? 0;
      const y = w[i - 2] ?? 0;
      const s0 = rotr(x, 7) ^ rotr(x, 18) ^ (x >>> 3);
      const s1 = rotr(y, 17) ^ rotr(y, 19) ^ (y >>> 10);
      w[i] = ((w[i - 16] ?? 0) + s0 + (w[i - 7] ?? 0) + s1) | 0;
    }
    let [a, b, c, d, e, f, g, hh] = h as [number, number, number, number, number, number, number, number];
    for (let i = 0; i < 64; i++) {
      const t1 = (hh + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + (SHA256_K[i] ?? 0) + (w[i] ?? 0)) | 0;
      const t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) | 0;
      hh = g;
      g = f;
      f = e;
      e = (d + t1) | 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) | 0;
    }
    [a, b, c, d, e, f, g, hh].forEach((x, i) => (h[i] = (h[i]! + x) | 0));
  }
  return hex(h, false);
}

/** An md5sum-style applet around `digest`: "HASH  NAME" lines, -c to check a list. */
export function hashApplet(name: string, digest: (d: Uint8Array) => string): Applet {
  return (ctx, argv) => {
    const o = getopt(ctx, name, argv, { flags: 'bctsw' });
    if (typeof o === 'number') return o;
    const read = (f: string): Uint8Array | null => {
      try {
        return f === '-' ? stdinToEof(ctx) : readOperand(ctx, f);
      } catch (e) {
        if (!(e instanceof FsError)) throw e;
        errorMsg(ctx, name, `can't open '${f}': ${strerror(e.code)}`);
        return null;
      }
    };
    const files = o.operands.length === 0 ? ['-'] : o.operands;
    let status = 0;
    if (!o.has('c')) {
      for (const f of files) {
        const data = read(f);
        if (data === null) status = 1;
        else ctx.stdout(`${digest(data)}  ${f}\n`);
      }
      return status;
    }
    let failed = 0;
    let total = 0;
    for (const list of files) {
      // xfopen_stdin: an unreadable list ends md5sum with "NAME: strerror"
      let text: Uint8Array;
      try {
        text = list === '-' ? stdinToEof(ctx) : readOperand(ctx, list);
      } catch (e) {
        if (!(e instanceof FsError)) throw e;
        errorMsg(ctx, name, `${list}: ${strerror(e.code)}`);
        return 1;
      }
      const body = toText(text);
      for (const line of body === '' ? [] : body.replace(/\n$/, '').split('\n')) {
        total++;
        // a line without "  " or " *" is a failed check (reported only with -w), the hash compared as is
        const m = /^(.*?)(?: {2}| \*)(.*)$/.exec(line);
        if (!m) {
          if (o.has('w')) errorMsg(ctx, name, 'invalid format');
          failed++;
          continue;
        }
        const data = read(m[2] ?? '');
        const ok = data !== null && digest(data) === (m[1] ?? '');
        if (!ok) failed++;
        if (!o.has('s')) ctx.stdout(`${m[2] ?? ''}: ${ok ? 'OK' : 'FAILED'}\n`);
      }
    }
    if (failed > 0) {
      errorMsg(ctx, name, `WARNING: ${failed} of ${total} computed checksums did NOT match`);
      status = 1;
    }
    return status;
  };
}
