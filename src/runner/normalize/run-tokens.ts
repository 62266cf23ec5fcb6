// The values of a line that vary between runs — docker IDs and generated container names — with their
// positions, so that a line can be compared with them masked and then rendered with placeholders.

import { NAME_PATTERN } from './container-names.js';
import { ID_PATTERN, isIdToken } from './docker-ids.js';

/** One varying value in a line. */
export interface RunToken {
  kind: 'id' | 'name';
  /** the value to map (an ID's hex without `…`) */
  value: string;
  start: number;
  end: number;
}

/** The IDs and generated names of a line, in order, not overlapping. */
export function runTokens(line: string): RunToken[] {
  const tokens: RunToken[] = [];
  for (const m of line.matchAll(ID_PATTERN)) {
    const [whole, hex, ellipsis] = m as unknown as [string, string, string];
    if (isIdToken(hex, ellipsis === '…')) tokens.push({ kind: 'id', value: hex, start: m.index!, end: m.index! + whole.length });
  }
  for (const m of line.matchAll(NAME_PATTERN)) {
    const start = m.index!;
    if (!tokens.some((t) => start < t.end && t.start < start + m[0].length)) tokens.push({ kind: 'name', value: m[0], start, end: start + m[0].length });
  }
  return tokens.sort((a, b) => a.start - b.start);
}

const SIZE = /\b\d+(?:\.\d+)?(?:B|kB|MB|GB)\b/g;

/**
 * The line as line alignment sees it: each token replaced by a kind marker, and sizes (`1.99MB`) masked too, so
 * that two lines differing only in IDs, names or a size are recognised as the same line and pair their IDs.
 * (The sizes themselves are still compared: masking only decides which lines correspond.)
 */
export function maskTokens(line: string, tokens: readonly RunToken[]): string {
  return renderTokens(line, tokens, tokens.map((t) => (t.kind === 'id' ? '\u0001' : '\u0002'))).replace(SIZE, '\u0003');
}

/** The line with each token replaced by the given text. */
export function renderTokens(line: string, tokens: readonly RunToken[], texts: readonly string[]): string {
  let out = '';
  let at = 0;
  tokens.forEach((t, i) => {
    out += line.slice(at, t.start) + texts[i]!;
    at = t.end;
  });
  return out + line.slice(at);
}
