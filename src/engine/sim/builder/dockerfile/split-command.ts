// Splits a logical Dockerfile line into keyword, leading `--flags` and the rest, as buildkit v0.8's
// splitCommand/extractBuilderFlags (the code in Docker 20.10) does.

import { trimGoSpace } from './go-text.js';

/** The ASCII blanks Go's `[\t\v\f\r ]+` (buildkit's reWhitespace) matches; not Unicode spaces, not '\n'. */
export const GO_WHITESPACE_RUN = /[\t\v\f\r ]+/;

/** A line cut into its parts; `rest` is trimmed and has the flags removed. */
export interface SplitCommand {
  readonly keyword: string;
  readonly flags: string[];
  readonly rest: string;
}

/** Cuts `line` at the first run of blanks, then takes the `--flags` off the front of the remainder. */
export function splitCommand(line: string): SplitCommand {
  const trimmed = trimGoSpace(line);
  const blank = GO_WHITESPACE_RUN.exec(trimmed);
  if (blank === null) return { keyword: trimmed, flags: [], rest: '' };
  const { rest, flags } = extractBuilderFlags(trimmed.slice(blank.index + blank[0].length));
  return { keyword: trimmed.slice(0, blank.index), flags, rest: trimGoSpace(rest) };
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

// Bytes Go's unicode.IsSpace(rune(b)) accepts. buildkit v0.8 walks the line byte by byte here, so the UTF-8
// continuation bytes 0x85 and 0xA0 count as blanks too; kept for fidelity.
function isSpaceByte(b: number): boolean {
  return (b >= 0x09 && b <= 0x0d) || b === 0x20 || b === 0x85 || b === 0xa0;
}

/**
 * Reads `--name[=value]` words off the front of `line`; quotes group, `\` escapes (always the backslash: v0.8
 * ignores the escape directive here), a bare `--` ends the flags. Returns the flags and what follows them.
 */
function extractBuilderFlags(line: string): { rest: string; flags: string[] } {
  const bytes = encoder.encode(line);
  const flags: string[] = [];
  // Each byte becomes one character, as Go's WriteRune(rune(byte)) does (non-ASCII text comes out as Latin-1).
  let word = '';
  let phase: 'spaces' | 'word' | 'quote' = 'spaces';
  let quote = 0;
  let blankOK = false;
  const restFrom = (pos: number): string => decoder.decode(bytes.subarray(pos));

  for (let pos = 0; pos <= bytes.length; pos++) {
    const atEnd = pos === bytes.length;
    const ch = atEnd ? -1 : bytes[pos];
    if (phase === 'spaces') {
      if (atEnd) break;
      if (isSpaceByte(ch)) continue;
      if (ch !== 0x2d || pos + 1 === bytes.length || bytes[pos + 1] !== 0x2d) {
        return { rest: restFrom(pos), flags };
      }
      phase = 'word';
    }
    if (atEnd) {
      if (word !== '--' && (blankOK || word.length > 0)) flags.push(word);
      break;
    }
    if (phase === 'word') {
      if (isSpaceByte(ch)) {
        phase = 'spaces';
        if (word === '--') return { rest: restFrom(pos), flags };
        if (blankOK || word.length > 0) flags.push(word);
        word = '';
        blankOK = false;
        continue;
      }
      if (ch === 0x27 || ch === 0x22) {
        quote = ch;
        blankOK = true;
        phase = 'quote';
        continue;
      }
      let c = ch;
      if (c === 0x5c) {
        if (pos + 1 === bytes.length) continue;
        pos++;
        c = bytes[pos];
      }
      word += String.fromCharCode(c);
      continue;
    }
    // Inside quotes.
    if (ch === quote) {
      phase = 'word';
      continue;
    }
    let c = ch;
    if (c === 0x5c) {
      if (pos + 1 === bytes.length) {
        phase = 'word';
        continue;
      }
      pos++;
      c = bytes[pos];
    }
    word += String.fromCharCode(c);
  }
  return { rest: '', flags };
}
