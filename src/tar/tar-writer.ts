// Writes entries as a ustar archive, adding a PAX header only for what ustar cannot hold (long paths and link
// targets, big ids and sizes, sub-second times, extra records). Deterministic: the bytes depend only on the
// entries, never on the clock or the host, so the same layer or base rootfs always hashes the same.

import type { TarEntryInput, TarEntryType } from './tar-entry.js';
import {
  BLOCK_SIZE,
  FIELD,
  fitsOctal,
  paddedSize,
  utf8,
  writeBytes,
  writeChecksum,
  writeOctal,
} from './tar-header.js';
import { encodePax } from './tar-pax.js';

const FLAGS: Record<TarEntryType, string> = {
  file: '0',
  hardlink: '1',
  symlink: '2',
  char: '3',
  block: '4',
  dir: '5',
  fifo: '6',
};

// what an entry gets when its mode is not given: the modes `tar` would restore under umask 022, and 0 for
// devices because overlay whiteouts are c--------- 0/0
const DEFAULT_MODES: Record<TarEntryType, number> = {
  file: 0o644,
  hardlink: 0o644,
  symlink: 0o777,
  char: 0,
  block: 0,
  dir: 0o755,
  fifo: 0o644,
};

/** How a writer frames its headers. */
export interface TarWriteOptions {
  /**
   * moby's archive.FileInfoHeader (docker export, docker cp to stdout): the mode field carries the file-type
   * bits (0040755 for a directory, 0100644 for a file, 0120777 for a link), as fillGo18FileTypeBits adds them.
   */
  fileTypeBits?: boolean;
  /**
   * 'gnu': GNU tar's default header shape (magic "ustar  ", no prefix field, long names and link targets in
   * "././@LongLink" members of type L and K instead of PAX records), so tests can feed the simulator what GNU
   * tar writes without GNU tar. Times are whole seconds there; ids must fit the octal fields.
   */
  format?: 'pax' | 'gnu';
}

// S_IFDIR, S_IFREG, S_IFLNK, … as Go's archive/tar c_ISDIR, c_ISREG, c_ISLNK
const TYPE_BITS: Record<TarEntryType, number> = {
  file: 0o100000,
  hardlink: 0o100000,
  symlink: 0o120000,
  char: 0o20000,
  block: 0o60000,
  dir: 0o40000,
  fifo: 0o10000,
};

/** Serialises entries in the order given, ending with the two zero blocks. */
export function writeTar(entries: readonly TarEntryInput[], options: TarWriteOptions = {}): Uint8Array {
  const chunks: Uint8Array[] = [];
  const gnu = options.format === 'gnu';
  for (const entry of entries) {
    const data = entry.type === 'file' ? (entry.data ?? new Uint8Array(0)) : new Uint8Array(0);
    const name = entry.type === 'dir' && !entry.path.endsWith('/') ? `${entry.path}/` : entry.path;
    const records: Array<[string, string]> = [];
    const header = new Uint8Array(BLOCK_SIZE);

    const split = gnu ? (utf8(name).length <= FIELD.name[1] ? { prefix: new Uint8Array(0), name: utf8(name) } : null) : splitPath(utf8(name));
    if (split === null && gnu) {
      chunks.push(...longLinkMember('L', name));
      writeBytes(header, 'name', utf8(name).subarray(0, FIELD.name[1]));
    } else if (split === null) {
      records.push(['path', name]);
      writeBytes(header, 'name', utf8(name).subarray(0, FIELD.name[1]));
    } else {
      writeBytes(header, 'name', split.name);
      writeBytes(header, 'prefix', split.prefix);
    }
    const linkname = entry.linkname ?? '';
    if (utf8(linkname).length > FIELD.linkname[1] && gnu) {
      chunks.push(...longLinkMember('K', linkname));
      writeBytes(header, 'linkname', utf8(linkname).subarray(0, FIELD.linkname[1]));
    } else if (utf8(linkname).length > FIELD.linkname[1]) records.push(['linkpath', linkname]);
    else writeBytes(header, 'linkname', utf8(linkname));

    writeOctal(header, 'mode', ((entry.mode ?? DEFAULT_MODES[entry.type]) & 0o7777) | (options.fileTypeBits ? TYPE_BITS[entry.type] : 0));
    writeNumber(header, records, 'uid', entry.uid ?? 0);
    writeNumber(header, records, 'gid', entry.gid ?? 0);
    writeNumber(header, records, 'size', data.length);
    const mtime = gnu ? Math.floor((entry.mtime ?? 0) / 1000) * 1000 : Math.floor(entry.mtime ?? 0);
    if (mtime % 1000 === 0 && fitsOctal('mtime', mtime / 1000)) writeOctal(header, 'mtime', mtime / 1000);
    else {
      records.push(['mtime', formatSeconds(mtime)]);
      writeOctal(header, 'mtime', fitsOctal('mtime', Math.floor(mtime / 1000)) ? Math.floor(mtime / 1000) : 0);
    }
    header[FIELD.typeflag[0]] = FLAGS[entry.type].charCodeAt(0);
    writeBytes(header, 'magic', utf8(gnu ? 'ustar ' : 'ustar\0'));
    writeBytes(header, 'version', utf8(gnu ? ' \0' : '00'));
    writeName(header, records, 'uname', entry.uname ?? '');
    writeName(header, records, 'gname', entry.gname ?? '');
    writeOctal(header, 'devmajor', entry.devmajor ?? 0);
    writeOctal(header, 'devminor', entry.devminor ?? 0);
    for (const key of Object.keys(entry.pax ?? {}).sort()) records.push([key, entry.pax![key]!]);
    writeChecksum(header);

    if (gnu && records.length > 0) throw new Error(`tar: GNU format cannot hold ${records.map(([key]) => key).join(', ')} of ${name}`);
    if (records.length > 0) chunks.push(...paxMember(name, mtime, records));
    chunks.push(header);
    if (data.length > 0) chunks.push(data, new Uint8Array(paddedSize(data.length) - data.length));
  }
  chunks.push(new Uint8Array(2 * BLOCK_SIZE));
  return concat(chunks);
}

// ustar keeps up to 155 bytes of directories in the prefix field and the rest (at most 100) in name
function splitPath(bytes: Uint8Array): { prefix: Uint8Array; name: Uint8Array } | null {
  if (bytes.length <= FIELD.name[1]) return { prefix: new Uint8Array(0), name: bytes };
  for (let i = Math.min(bytes.length - 1, FIELD.prefix[1]); i > 0; i--) {
    if (bytes[i] !== 0x2f) continue;
    const name = bytes.subarray(i + 1);
    if (name.length > FIELD.name[1] || name.length === 0) return null;
    return { prefix: bytes.subarray(0, i), name };
  }
  return null;
}

function writeNumber(header: Uint8Array, records: Array<[string, string]>, field: 'uid' | 'gid' | 'size', value: number): void {
  if (fitsOctal(field, value)) writeOctal(header, field, value);
  else {
    records.push([field, String(value)]);
    writeOctal(header, field, 0);
  }
}

function writeName(header: Uint8Array, records: Array<[string, string]>, field: 'uname' | 'gname', value: string): void {
  const bytes = utf8(value);
  if (bytes.length < FIELD[field][1]) writeBytes(header, field, bytes);
  else records.push([field, value]);
}

// PAX times are decimal seconds; milliseconds are all the precision an entry has
function formatSeconds(ms: number): string {
  const sign = ms < 0 ? '-' : '';
  const abs = Math.abs(ms);
  const fraction = abs % 1000;
  const whole = String(Math.floor(abs / 1000));
  return fraction === 0 ? `${sign}${whole}` : `${sign}${whole}.${String(fraction).padStart(3, '0')}`;
}

// the 'x' member's own name only has to be unique-looking and stable; GNU tar and Go use the same idea
function paxMember(name: string, mtime: number, records: ReadonlyArray<readonly [string, string]>): Uint8Array[] {
  const body = encodePax(records);
  const base = name.replace(/\/+$/u, '').split('/').pop() ?? '';
  const safe = base.replace(/[^\x20-\x7e]/gu, '_').slice(0, 80);
  const header = new Uint8Array(BLOCK_SIZE);
  writeBytes(header, 'name', utf8(`PaxHeaders/${safe}`));
  writeOctal(header, 'mode', 0o644);
  writeOctal(header, 'uid', 0);
  writeOctal(header, 'gid', 0);
  writeOctal(header, 'size', body.length);
  const seconds = Math.floor(mtime / 1000);
  writeOctal(header, 'mtime', fitsOctal('mtime', seconds) ? seconds : 0);
  header[FIELD.typeflag[0]] = 'x'.charCodeAt(0);
  writeBytes(header, 'magic', utf8('ustar\0'));
  writeBytes(header, 'version', utf8('00'));
  writeChecksum(header);
  return [header, body, new Uint8Array(paddedSize(body.length) - body.length)];
}

// GNU tar's long name (L) or long link target (K) member, NUL-terminated, before the member it names
function longLinkMember(flag: 'L' | 'K', text: string): Uint8Array[] {
  const body = new Uint8Array(utf8(text).length + 1);
  body.set(utf8(text));
  const header = new Uint8Array(BLOCK_SIZE);
  writeBytes(header, 'name', utf8('././@LongLink'));
  writeOctal(header, 'mode', 0o644);
  writeOctal(header, 'uid', 0);
  writeOctal(header, 'gid', 0);
  writeOctal(header, 'size', body.length);
  writeOctal(header, 'mtime', 0);
  header[FIELD.typeflag[0]] = flag.charCodeAt(0);
  writeBytes(header, 'magic', utf8('ustar '));
  writeBytes(header, 'version', utf8(' \0'));
  writeBytes(header, 'uname', utf8('root'));
  writeBytes(header, 'gname', utf8('root'));
  writeChecksum(header);
  return [header, body, new Uint8Array(paddedSize(body.length) - body.length)];
}

function concat(chunks: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}
