// The first record of Go's encoding/csv reader: `--mount`, `--network`, `--gpus` and string-slice flags split
// their value with it, and a malformed value fails with its exact error ("parse error on line 1, column 12:
// bare \" in non-quoted-field"). Columns count UTF-8 bytes, as in Go.

import type { GoResult } from './go-strconv.js';

const QUOTE = 0x22;
const COMMA = 0x2c;
const NL = 0x0a;
const CR = 0x0d;

const ERR_BARE_QUOTE = 'bare " in non-quoted-field';
const ERR_QUOTE = 'extraneous or missing " in quoted-field';

class LineReader {
  private at = 0;
  line = 0;
  constructor(private readonly bytes: Uint8Array) {}
  // readLine: one line with its "\n"; null at the end. "\r\n" becomes "\n"; a final "\r" is dropped.
  next(): Uint8Array | null {
    if (this.at >= this.bytes.length) return null;
    let end = this.bytes.indexOf(NL, this.at);
    end = end < 0 ? this.bytes.length : end + 1;
    let line = this.bytes.slice(this.at, end);
    this.at = end;
    this.line++;
    const n = line.length;
    if (line[n - 1] !== NL && line[n - 1] === CR) line = line.slice(0, n - 1);
    else if (n >= 2 && line[n - 2] === CR && line[n - 1] === NL) line = Uint8Array.of(...line.slice(0, n - 2), NL);
    return line;
  }
}

function lengthNL(b: Uint8Array): number {
  return b.length > 0 && b[b.length - 1] === NL ? 1 : 0;
}

/** Reads the first CSV record of `text` the way Go's csv.Reader.Read does. */
export function readGoCsvRecord(text: string): GoResult<string[]> {
  const reader = new LineReader(new TextEncoder().encode(text));
  const decode = (b: number[] | Uint8Array): string => new TextDecoder().decode(Uint8Array.from(b));
  let line: Uint8Array | null;
  do line = reader.next();
  while (line !== null && line.length === lengthNL(line)); // blank lines are skipped
  if (line === null) return { ok: false, error: 'EOF' };

  const recLine = reader.line;
  const fields: string[] = [];
  let col = 1;
  let lineNo = recLine;
  const fail = (column: number, why: string): GoResult<string[]> => ({
    ok: false,
    error:
      lineNo !== recLine
        ? `record on line ${recLine}; parse error on line ${lineNo}, column ${column}: ${why}`
        : `parse error on line ${recLine}, column ${column}: ${why}`,
  });
  let cur: Uint8Array = line;
  for (;;) {
    if (cur.length === 0 || cur[0] !== QUOTE) {
      const i = cur.indexOf(COMMA);
      const field = i >= 0 ? cur.slice(0, i) : cur.slice(0, cur.length - lengthNL(cur));
      const j = field.indexOf(QUOTE);
      if (j >= 0) return fail(col + j, ERR_BARE_QUOTE);
      fields.push(decode(field));
      if (i < 0) break;
      cur = cur.slice(i + 1);
      col += i + 1;
      continue;
    }
    const buf: number[] = [];
    cur = cur.slice(1);
    col += 1;
    let done = false;
    for (;;) {
      const i = cur.indexOf(QUOTE);
      if (i >= 0) {
        buf.push(...cur.slice(0, i));
        cur = cur.slice(i + 1);
        col += i + 1;
        if (cur[0] === QUOTE) {
          buf.push(QUOTE);
          cur = cur.slice(1);
          col += 1;
        } else if (cur[0] === COMMA) {
          cur = cur.slice(1);
          col += 1;
          fields.push(decode(buf));
          break;
        } else if (lengthNL(cur) === cur.length) {
          fields.push(decode(buf));
          done = true;
          break;
        } else {
          return fail(col - 1, ERR_QUOTE);
        }
      } else if (cur.length > 0) {
        buf.push(...cur);
        col += cur.length;
        const nextLine = reader.next();
        cur = nextLine ?? new Uint8Array();
        if (cur.length > 0) {
          lineNo++;
          col = 1;
        }
      } else {
        return fail(col, ERR_QUOTE);
      }
    }
    if (done) break;
  }
  return { ok: true, value: fields };
}
