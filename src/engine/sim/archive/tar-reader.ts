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

/** Parses a whole archive; gzip is detected and undone first. Throws on a damaged archive. */
export function readTar(input: Uint8Array): TarEntry[] {
  const bytes = isGzip(input) ? gunzipSync(input) : input;
  const entries: TarEntry[] = [];
  let globalPax: Record<string, string> = {};
  let pax: Record<string, string> = {};
  let longName: string | undefined;
  let longLink: string | undefined;
  let offset = 0;
  while (offset + BLOCK_SIZE <= bytes.length) {
    const header = bytes.subarray(offset, offset + BLOCK_SIZE);
    if (isZeroBlock(header)) break;
    const stored = readNumber(header, 'chksum');
    const sums = checksum(header);
    if (stored !== sums.unsigned && stored !== sums.signed) {
      throw new Error(`tar: invalid header checksum at byte ${offset}`);
    }
    const flag = String.fromCharCode(header[156]!);
    const records = { ...globalPax, ...pax };
    const headerSize = readNumber(header, 'size');
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
    if (start + size > bytes.length) throw new Error(`tar: archive ends inside the member at byte ${offset}`);
    const data = bytes.subarray(start, start + size);
    offset = start + paddedSize(size);

    // extension members describe the member that follows them
    if (flag === 'x') {
      pax = { ...pax, ...parsePax(data) };
      continue;
    }
    if (flag === 'g') {
      globalPax = { ...globalPax, ...parsePax(data) };
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
    if (type === undefined) throw new Error(`tar: unsupported member type '${flag}' for ${path}`);
    // pre-POSIX archives mark directories only by the trailing slash
    const effective: TarEntryType = type === 'file' && flag !== '7' && path.endsWith('/') ? 'dir' : type;
    if (path.length > 1) path = path.replace(/\/+$/u, '');
    const entry: TarEntry = {
      path,
      type: effective,
      mode: readNumber(header, 'mode') & 0o7777,
      uid: records.uid !== undefined ? Number(records.uid) : readNumber(header, 'uid'),
      gid: records.gid !== undefined ? Number(records.gid) : readNumber(header, 'gid'),
      mtime: records.mtime !== undefined ? Math.floor(Number(records.mtime) * 1000) : readNumber(header, 'mtime') * 1000,
      data: effective === 'file' ? data.slice() : new Uint8Array(0),
    };
    const linkname = records.linkpath ?? longLink ?? readString(header, 'linkname');
    if (effective === 'symlink' || effective === 'hardlink') entry.linkname = linkname;
    const uname = records.uname ?? readString(header, 'uname');
    const gname = records.gname ?? readString(header, 'gname');
    if (uname !== '') entry.uname = uname;
    if (gname !== '') entry.gname = gname;
    if (effective === 'char' || effective === 'block') {
      entry.devmajor = readNumber(header, 'devmajor');
      entry.devminor = readNumber(header, 'devminor');
    }
    const extra = Object.entries(pax).filter(([key]) => !PAX_FIELDS.has(key));
    if (extra.length > 0) entry.pax = Object.fromEntries(extra);
    entries.push(entry);
    pax = {};
    longName = undefined;
    longLink = undefined;
  }
  // a missing end marker is tolerated (some writers omit it), half a header is not
  if (offset < bytes.length && bytes.length - offset < BLOCK_SIZE && !isZeroBlock(bytes.subarray(offset))) {
    throw new Error(`tar: archive ends inside a header at byte ${offset}`);
  }
  return entries;
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
