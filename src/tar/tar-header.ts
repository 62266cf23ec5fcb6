// The byte layout of a ustar header block, shared by the reader and the writer so both agree on every offset.
// POSIX.1-1988 ustar, with the GNU and PAX extensions the reader has to accept (GNU tar's default format and
// Go's archive/tar, which Docker uses, both emit them).

/** Tar's unit: headers and data are padded to 512-byte blocks. */
export const BLOCK_SIZE = 512;

/** Offset and length of each header field. */
export const FIELD = {
  name: [0, 100],
  mode: [100, 8],
  uid: [108, 8],
  gid: [116, 8],
  size: [124, 12],
  mtime: [136, 12],
  chksum: [148, 8],
  typeflag: [156, 1],
  linkname: [157, 100],
  magic: [257, 6],
  version: [263, 2],
  uname: [265, 32],
  gname: [297, 32],
  devmajor: [329, 8],
  devminor: [337, 8],
  prefix: [345, 155],
} as const satisfies Record<string, readonly [number, number]>;

/** A header field's name. */
export type FieldName = keyof typeof FIELD;

const encoder = new TextEncoder();
// fatal: false because old archives carry Latin-1 names; a replacement character beats refusing the archive
const decoder = new TextDecoder('utf-8', { fatal: false });

/** UTF-8 bytes of a string (names are stored as UTF-8, as Go and GNU tar do on Linux). */
export function utf8(text: string): Uint8Array {
  return encoder.encode(text);
}

/** The string in a NUL-terminated (or full-width) field. */
export function readString(block: Uint8Array, field: FieldName): string {
  const [offset, length] = FIELD[field];
  const bytes = block.subarray(offset, offset + length);
  const end = bytes.indexOf(0);
  return decoder.decode(end === -1 ? bytes : bytes.subarray(0, end));
}

/** Text of a whole data area (GNU long names, PAX records), up to the first NUL. */
export function decodeText(bytes: Uint8Array): string {
  const end = bytes.indexOf(0);
  return decoder.decode(end === -1 ? bytes : bytes.subarray(0, end));
}

/**
 * A numeric field: octal digits padded with NULs or spaces, or GNU's base-256 form (high bit of the first byte
 * set) that Go and GNU tar use for values the octal digits cannot hold.
 */
export function readNumber(block: Uint8Array, field: FieldName): number {
  const [offset, length] = FIELD[field];
  const bytes = block.subarray(offset, offset + length);
  if ((bytes[0]! & 0x80) !== 0) {
    const negative = (bytes[0]! & 0x40) !== 0;
    let value = 0;
    for (let i = 0; i < bytes.length; i++) {
      const byte = i === 0 ? bytes[0]! & 0x7f : bytes[i]!;
      value = value * 256 + (negative ? byte ^ 0xff : byte);
    }
    return negative ? -(value + 1) : value;
  }
  const text = String.fromCharCode(...bytes).replace(/[\0 ]+$/u, '').replace(/^[\0 ]+/u, '');
  if (text === '') return 0;
  if (!/^[0-7]+$/u.test(text)) throw new Error(`tar: invalid number in the ${field} field: ${JSON.stringify(text)}`);
  return parseInt(text, 8);
}

/** True when an octal field of this width can hold the value (width - 1 digits and a NUL). */
export function fitsOctal(field: FieldName, value: number): boolean {
  const [, length] = FIELD[field];
  return Number.isInteger(value) && value >= 0 && value < 8 ** (length - 1);
}

/** Writes a value as zero-padded octal digits and a NUL; callers move values that do not fit to PAX first. */
export function writeOctal(block: Uint8Array, field: FieldName, value: number): void {
  if (!fitsOctal(field, value)) throw new Error(`tar: ${value} does not fit the ${field} field`);
  const [offset, length] = FIELD[field];
  const digits = value.toString(8).padStart(length - 1, '0');
  for (let i = 0; i < digits.length; i++) block[offset + i] = digits.charCodeAt(i);
  block[offset + length - 1] = 0;
}

/** Copies bytes into a field; the rest stays NUL. Callers make sure they fit. */
export function writeBytes(block: Uint8Array, field: FieldName, bytes: Uint8Array): void {
  const [offset, length] = FIELD[field];
  block.set(bytes.subarray(0, length), offset);
}

/** The header checksum: the byte sum with the checksum field itself counted as eight spaces. */
export function checksum(block: Uint8Array): { unsigned: number; signed: number } {
  const [offset, length] = FIELD.chksum;
  let unsigned = 0;
  let signed = 0;
  for (let i = 0; i < BLOCK_SIZE; i++) {
    const byte = i >= offset && i < offset + length ? 0x20 : block[i]!;
    unsigned += byte;
    signed += byte > 127 ? byte - 256 : byte;
  }
  return { unsigned, signed };
}

/** Stores the checksum as GNU tar does: six octal digits, a NUL and a space. */
export function writeChecksum(block: Uint8Array): void {
  const [offset] = FIELD.chksum;
  const digits = checksum(block).unsigned.toString(8).padStart(6, '0');
  for (let i = 0; i < 6; i++) block[offset + i] = digits.charCodeAt(i);
  block[offset + 6] = 0;
  block[offset + 7] = 0x20;
}

/** True for the all-zero blocks that end an archive. */
export function isZeroBlock(block: Uint8Array): boolean {
  for (const byte of block) if (byte !== 0) return false;
  return true;
}

/** Bytes of data plus padding to the next block boundary. */
export function paddedSize(size: number): number {
  return Math.ceil(size / BLOCK_SIZE) * BLOCK_SIZE;
}
