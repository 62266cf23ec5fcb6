// Output whose order docker does not fix: `docker diff` (a walk over the layer's changes), `Mounts` (built from
// a Go map), `HostConfig.Binds` (the CLI collects -v specs in a map), rows of `docker images` sharing one
// image ID (equal creation time), and `docker volume ls` (sorted by name, and anonymous names are random).

import { cellsOf } from './tables.js';

/** `docker diff` lines sorted by path (then by change letter). */
export function sortDiffLines(text: string): string {
  const lines = text.split('\n');
  const last = lines[lines.length - 1] === '' ? lines.pop() : undefined;
  lines.sort((a, b) => cmp(a.slice(2), b.slice(2)) || cmp(a, b));
  if (last !== undefined) lines.push(last);
  return lines.join('\n');
}

/** A JSON array found in text: where it starts and ends and where its top-level elements are. */
interface ArraySpan {
  start: number;
  end: number;
  elements: Array<[number, number]>;
}

/** Parses the JSON array starting at `open` (a `[`), string-aware, and finds its top-level elements. */
export function arraySpan(text: string, open: number): ArraySpan | null {
  const elements: Array<[number, number]> = [];
  let depth = 1;
  let elementStart = -1;
  const close = (i: number): void => {
    if (elementStart >= 0) elements.push([elementStart, lastNonSpace(text, i - 1) + 1]);
    elementStart = -1;
  };
  for (let i = open + 1; i < text.length; i++) {
    const c = text[i]!;
    if (depth === 1 && elementStart < 0 && !/[\s,\]]/.test(c)) elementStart = i;
    if (c === '"') {
      i++;
      while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    } else if (c === '[' || c === '{') {
      depth++;
    } else if (c === ']' || c === '}') {
      depth--;
      if (depth === 0) {
        close(i);
        return { start: open, end: i + 1, elements };
      }
    } else if (c === ',' && depth === 1) {
      close(i);
    }
  }
  return null;
}

function lastNonSpace(text: string, from: number): number {
  let i = from;
  while (i >= 0 && /\s/.test(text[i]!)) i--;
  return i;
}

/** Reorders the elements of the array at `open` by a key; separators and layout stay as they were. */
function sortArrayAt(text: string, open: number, key: (element: string) => string): string {
  const span = arraySpan(text, open);
  if (!span || span.elements.length < 2) return text;
  const parts = span.elements.map(([s, e]) => text.slice(s, e));
  const sorted = [...parts].sort((a, b) => cmp(key(a), key(b)));
  let out = text.slice(0, span.elements[0]![0]);
  span.elements.forEach(([, e], i) => {
    out += sorted[i];
    const next = span.elements[i + 1];
    out += next ? text.slice(e, next[0]) : text.slice(e, span.end);
  });
  return out + text.slice(span.end);
}

const destination = (element: string): string => /"Destination":\s*"((?:[^"\\]|\\.)*)"/.exec(element)?.[1] ?? element;

/**
 * `Mounts` arrays (pretty, compact, `Mounts=[…]` inside a format string, or a whole `[{"Type":…}]` line)
 * sorted by Destination; `Binds` arrays sorted by value.
 */
export function sortMountArrays(text: string): string {
  let out = text;
  const starts = (pattern: RegExp): number[] => [...out.matchAll(pattern)].map((m) => m.index! + m[0].length - 1);
  for (const open of starts(/(?:"Mounts":\s*|\bMounts=|^)\[(?=\s*\{\s*"Type")/gm)) out = sortArrayAt(out, open, destination);
  for (const open of starts(/(?:"Binds":\s*|\bBinds=)\[(?=\s*")/g)) out = sortArrayAt(out, open, (e) => e);
  return out;
}

/** In a realigned images table, rows with the same IMAGE ID sorted among themselves. */
export function sortSameImageRows(text: string): string {
  const lines = text.split('\n');
  const header = cellsOf(lines[0] ?? '');
  const col = header.indexOf('IMAGE ID');
  if (col < 0 || header[0] !== 'REPOSITORY') return text;
  let i = 1;
  while (i < lines.length) {
    const id = cellsOf(lines[i]!)[col];
    let j = i + 1;
    while (j < lines.length && lines[j] !== '' && cellsOf(lines[j]!)[col] === id) j++;
    if (j - i > 1) lines.splice(i, j - i, ...lines.slice(i, j).sort(cmp));
    i = j;
  }
  return lines.join('\n');
}

/** All lines but a header sorted (for `docker volume ls`, whose order follows the volume names). */
export function sortRowsBelowHeader(text: string, hasHeader: boolean): string {
  const lines = text.split('\n');
  const last = lines[lines.length - 1] === '' ? lines.pop() : undefined;
  const head = hasHeader ? lines.splice(0, 1) : [];
  const out = [...head, ...lines.sort(cmp)];
  if (last !== undefined) out.push(last);
  return out.join('\n');
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
