// PAX extended-header records ("%d %s=%s\n", the length counting the whole record in bytes): how POSIX tar
// stores what a ustar header cannot (long paths and link targets, big ids, sub-second times, xattrs).

import { utf8 } from './tar-header.js';

const decoder = new TextDecoder('utf-8', { fatal: false });

/** Parses the data of a PAX 'x' or 'g' member; a damaged record is an error, not silently skipped. */
export function parsePax(data: Uint8Array): Record<string, string> {
  const records: Record<string, string> = {};
  let pos = 0;
  while (pos < data.length && data[pos] !== 0) {
    const space = data.indexOf(0x20, pos);
    const length = space === -1 ? NaN : Number(decoder.decode(data.subarray(pos, space)));
    if (!Number.isInteger(length) || length <= 0 || pos + length > data.length || data[pos + length - 1] !== 0x0a) {
      throw new Error(`tar: malformed PAX record at byte ${pos}`);
    }
    const record = data.subarray(space + 1, pos + length - 1);
    const equals = record.indexOf(0x3d);
    if (equals === -1) throw new Error(`tar: malformed PAX record at byte ${pos}`);
    records[decoder.decode(record.subarray(0, equals))] = decoder.decode(record.subarray(equals + 1));
    pos += length;
  }
  return records;
}

/** Encodes records in the order given, so the writer stays deterministic. */
export function encodePax(records: ReadonlyArray<readonly [string, string]>): Uint8Array {
  const parts = records.map(([key, value]) => {
    const body = utf8(` ${key}=${value}\n`);
    // the length prefix counts its own digits, so grow it until it is stable
    let length = body.length + 1;
    while (String(length).length + body.length !== length) length = String(length).length + body.length;
    const prefix = utf8(String(length));
    const out = new Uint8Array(length);
    out.set(prefix);
    out.set(body, prefix.length);
    return out;
  });
  const total = parts.reduce((sum, part) => sum + part.length, 0);
  const out = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
