// Character tests shared by both matchers: line ends, word characters, and sets of UTF-16 code units with
// JavaScript's case folding (the i flag without u).

import type { CharSet } from './parse.js';

/** A line terminator, for `.`, and `^` `$` under the m flag. */
export const isLineEnd = (c: number) => c === 10 || c === 13 || c === 0x2028 || c === 0x2029;
/** A \\w character, for \\b. */
export const isWord = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || c === 95 || (c >= 97 && c <= 122);

/** Whether code unit `c` is in `set`. */
function inSet(set: CharSet, c: number): boolean {
  let found = false;
  for (const [lo, hi] of set.ranges) {
    if (c >= lo && c <= hi) {
      found = true;
      break;
    }
  }
  return found !== set.negate;
}

/** JavaScript's case folding without the u flag: a character matches its upper-case form (one unit only). */
export function canonical(c: number): number {
  const ch = String.fromCharCode(c);
  const up = ch.toUpperCase();
  if (up.length !== 1) return c;
  const u = up.charCodeAt(0);
  return c >= 128 && u < 128 ? c : u;
}

/** The test of one code unit against `set`, folding case as RegExp's i flag does. */
export function setTest(set: CharSet, icase: boolean): (c: number) => boolean {
  if (!icase) return (c) => inSet(set, c);
  // A character is in the set when a member folds to the same character; the negation applies after that.
  const positive: CharSet = { ranges: set.ranges, negate: false };
  return (c) => {
    let hit = inSet(positive, c);
    if (!hit) {
      const folded = canonical(c);
      if (folded !== c && inSet(positive, folded)) hit = true;
      else {
        const lower = String.fromCharCode(c).toLowerCase();
        const l = lower.charCodeAt(0);
        hit = lower.length === 1 && l !== c && canonical(l) === folded && inSet(positive, l);
      }
    }
    return hit !== set.negate;
  };
}
