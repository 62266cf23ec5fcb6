// Reads a tar archive (plain or gzipped) into entries: what `docker import`, `docker load`, `ADD x.tar.gz` and
// the real engine's `docker cp … -` hand us. Accepts ustar, PAX (GNU tar --format=pax, Go's archive/tar) and
// GNU long names (GNU tar's default format).

import { gunzipSync } from 'fflate';
import type { TarEntry, TarEntryType } from './tar-entry.js';
import {
  BLOCK_SIZE,
  checksum,
  decodeText,
  isZeroBlock,
  paddedSize,
  readNumber,
  readString,
} from './tar-header.js';
import { parsePax } from './tar-pax.js';
import { INVALID_HEADER, TarFormatError, UNEXPECTED_EOF } from './tar-error.js';

const TYPES: Record<string, TarEntryType> = {
  '0': 'file',
  '\0': 'file',
  '7': 'file',
  '1': 'hardlink',
  '2': 'symlink',
  '3': 'char',
  '4': 'block',
  '5': 'dir',
  '6': 'fifo',
};

// types whose size field says nothing about data following the header (as Go's isHeaderOnlyType)
const HEADER_ONLY = new Set<TarEntryType>(['hardlink', 'symlink', 'char', 'block', 'dir', 'fifo']);

// members that describe the next member: PAX local and global headers, GNU long name and link, volume label
const EXTENSIONS = new Set(['x', 'g', 'L', 'K', 'V']);

// PAX keys that map to entry fields; atime and ctime are dropped because no tree here keeps them
const PAX_FIELDS = new Set(['path', 'linkpath', 'size', 'uid', 'gid', 'mtime', 'uname', 'gname', 'atime', 'ctime']);

/** True when the bytes start with the gzip magic number. */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** Parses a whole archive; gzip is detected and undone first. Throws a TarFormatError on a damaged archive. */
export function readTar(input: Uint8Array): TarEntry[] {
  const { entries, error } = readTarPrefix(input);
  if (error) throw error;
  return entries;
}

/**
 * The members before the first damage, and the damage: the daemon extracts an archive as it reads it, so what
 * came before a cut or a bad header is already written when `docker cp -` fails.
 */
export function readTarPrefix(input: Uint8Array): { entries: TarEntry[]; error: TarFormatError | null } {
  const entries: TarEntry[] = [];
  try {
    readInto(input, entries);
    return { entries, error: null };
  } catch (error) {
    if (error instanceof TarFormatError) return { entries, error };
    throw error;
  }
}

function readInto(input: Uint8Array, entries: TarEntry[]): void {
  const bytes = isGzip(input) ? gunzip(input) : input;
  let globalPax: Record<string, string> = {};
  let pax: Record<string, string> = {};
  let longName: string | undefined;
  let longLink: string | undefined;
  let offset = 0;
  // as Go's Reader.Next: no bytes left is the end, part of a block is not
  while (offset < bytes.length) {
    if (offset + BLOCK_SIZE > bytes.length) throw new TarFormatError(UNEXPECTED_EOF, `the archive ends inside a header at byte ${offset}`);
    const header = bytes.subarray(offset, offset + BLOCK_SIZE);
    if (isZeroBlock(header)) {
      // two zero blocks end the archive; one zero block and then something else is a damaged header
      const next = bytes.subarray(offset + BLOCK_SIZE, offset + 2 * BLOCK_SIZE);
      if (next.length > 0 && next.length < BLOCK_SIZE) throw new TarFormatError(UNEXPECTED_EOF, `the archive ends inside a header at byte ${offset + BLOCK_SIZE}`);
      if (next.length > 0 && !isZeroBlock(next)) throw new TarFormatError(INVALID_HEADER, `a zero block and then a header at byte ${offset + BLOCK_SIZE}`);
      break;
    }
    const stored = numberAt(header, 'chksum', offset);
    const sums = checksum(header);
    if (stored !== sums.unsigned && stored !== sums.signed) {
      throw new TarFormatError(INVALID_HEADER, `invalid header checksum at byte ${offset}`);
    }
    const flag = String.fromCharCode(header[156]!);
    const records = { ...globalPax, ...pax };
    const headerSize = numberAt(header, 'size', offset);
    const type = TYPES[flag];
    // a PAX size belongs to the member after the extension headers, never to an extension header itself
    const size = EXTENSIONS.has(flag)
      ? headerSize
      : type !== undefined && HEADER_ONLY.has(type)
        ? 0
        : records.size !== undefined
          ? Number(records.size)
          : headerSize;
    const start = offset + BLOCK_SIZE;
    if (!Number.isSafeInteger(size) || size < 0) throw new TarFormatError(INVALID_HEADER, `invalid size at byte ${offset}`);
    if (start + size > bytes.length) throw new TarFormatError(UNEXPECTED_EOF, `the archive ends inside the member at byte ${offset}`);
    const data = bytes.subarray(start, start + size);
    offset = start + paddedSize(size);

    // extension members describe the member that follows them
    if (flag === 'x') {
      pax = { ...pax, ...paxAt(data, offset) };
      continue;
    }
    if (flag === 'g') {
      globalPax = { ...globalPax, ...paxAt(data, offset) };
      continue;
    }
    if (flag === 'L') {
      longName = decodeText(data);
      continue;
    }
    if (flag === 'K') {
      longLink = decodeText(data);
      continue;
    }
    if (flag === 'V') {
      pax = {};
      continue;
    }

    let path = records.path ?? longName ?? headerPath(header);
    if (type === undefined) throw new TarFormatError(`unhandled tar header type ${header[156]!}`, `member ${path}`);
    // pre-POSIX archives mark directories only by the trailing slash
    const effective: TarEntryType = type === 'file' && flag !== '7' && path.endsWith('/') ? 'dir' : type;
    if (path.length > 1) path = path.replace(/\/+$/u, '');
    const entry: TarEntry = {
      path,
      type: effective,
      mode: numberAt(header, 'mode', offset) & 0o7777,
      uid: records.uid !== undefined ? paxInteger(records.uid, offset) : numberAt(header, 'uid', offset),
      gid: records.gid !== undefined ? paxInteger(records.gid, offset) : numberAt(header, 'gid', offset),
      mtime: records.mtime !== undefined ? paxMillis(records.mtime, offset) : numberAt(header, 'mtime', offset) * 1000,
      data: effective === 'file' ? data.slice() : new Uint8Array(0),
    };
    const linkname = records.linkpath ?? longLink ?? readString(header, 'linkname');
    if (effective === 'symlink' || effective === 'hardlink') entry.linkname = linkname;
    const uname = records.uname ?? readString(header, 'uname');
    const gname = records.gname ?? readString(header, 'gname');
    if (uname !== '') entry.uname = uname;
    if (gname !== '') entry.gname = gname;
    if (effective === 'char' || effective === 'block') {
      entry.devmajor = numberAt(header, 'devmajor', offset);
      entry.devminor = numberAt(header, 'devminor', offset);
    }
    const extra = Object.entries(pax).filter(([key]) => !PAX_FIELDS.has(key));
    if (extra.length > 0) entry.pax = Object.fromEntries(extra);
    entries.push(entry);
    pax = {};
    longName = undefined;
    longLink = undefined;
  }
}

// gzip undone as Go's compress/gzip would fail on it: a cut stream is "unexpected EOF", anything else a bad header
function gunzip(input: Uint8Array): Uint8Array {
  try {
    return gunzipSync(input);
  } catch (error) {
    const code = (error as { code?: number }).code;
    throw new TarFormatError(code === 0 ? UNEXPECTED_EOF : 'gzip: invalid header', `gzip: ${(error as Error).message}`);
  }
}

function numberAt(header: Uint8Array, field: Parameters<typeof readNumber>[1], offset: number): number {
  try {
    return readNumber(header, field);
  } catch (error) {
    throw new TarFormatError(INVALID_HEADER, `${(error as Error).message} at byte ${offset}`);
  }
}

function paxAt(data: Uint8Array, offset: number): Record<string, string> {
  try {
    return parsePax(data);
  } catch (error) {
    throw new TarFormatError(INVALID_HEADER, `${(error as Error).message} in the member at byte ${offset}`);
  }
}

function paxInteger(text: string, offset: number): number {
  if (!/^\d+$/u.test(text)) throw new TarFormatError(INVALID_HEADER, `invalid PAX number ${JSON.stringify(text)} at byte ${offset}`);
  return Number(text);
}

// PAX times are decimal seconds; parsed digit by digit, because 1234567890.123 * 1000 is not 1234567890123 in
// floating point and a layer whose times move by a millisecond no longer hashes the same
function paxMillis(text: string, offset: number): number {
  const match = /^(-?)(\d+)(?:\.(\d*))?$/u.exec(text);
  if (!match) throw new TarFormatError(INVALID_HEADER, `invalid PAX time ${JSON.stringify(text)} at byte ${offset}`);
  const fraction = match[3] ?? '';
  const ms = Number(match[2]) * 1000 + Number(fraction.slice(0, 3).padEnd(3, '0'));
  // times before the epoch round down, as Go's time.Unix does with the nanoseconds it keeps
  const rest = /[1-9]/u.test(fraction.slice(3));
  return match[1] === '-' ? -(ms + (rest ? 1 : 0)) : ms;
}

// ustar splits long paths into prefix and name; old GNU headers use the prefix bytes for other things
function headerPath(header: Uint8Array): string {
  const name = readString(header, 'name');
  // POSIX magic is "ustar\0"; GNU's "ustar  \0" reads as "ustar " and has no prefix field
  if (readString(header, 'magic') === 'ustar') {
    const prefix = readString(header, 'prefix');
    if (prefix !== '') return `${prefix}/${name}`;
  }
  return name;
}
