// Tables printed through Go's tabwriter (`docker ps`, `images`, `history`, `volume ls`, `--format 'table …'`):
// each column is as wide as its widest cell, so one longer value (a time, a name) moves every column after
// it. Tables are rewritten as cells joined by ` | `, so they compare cell by cell, not by spaces.

const HEADER = /^[A-Z][A-Z0-9]*(?: [A-Z][A-Z0-9]*)*(?: {2,}[A-Z][A-Z0-9]*(?: [A-Z][A-Z0-9]*)*)+ *$/;

/** Where each column starts, read from a header line (a column starts after two or more spaces). */
export function columnStarts(header: string): number[] {
  const chars = Array.from(header);
  const starts: number[] = [];
  chars.forEach((c, i) => {
    if (c !== ' ' && (i === 0 || (chars[i - 1] === ' ' && chars[i - 2] === ' '))) starts.push(i);
  });
  return starts;
}

/** True when the first line of the text is a tabwriter header of two or more columns. */
export function isTable(text: string): boolean {
  const first = text.split('\n', 1)[0] ?? '';
  return HEADER.test(first);
}

/** True when the first line is a header already rewritten by realignTable (`REPOSITORY | TAG | …`). */
export function isRealignedTable(text: string): boolean {
  const first = text.split('\n', 1)[0] ?? '';
  return /^[A-Z][A-Z0-9]*(?: [A-Z][A-Z0-9]*)*(?: \| [A-Z][A-Z0-9]*(?: [A-Z][A-Z0-9]*)*)+$/.test(first);
}

/** One row cut at the header's column starts, or null when a cell runs into the next column. */
function splitRow(row: string, starts: readonly number[]): string[] | null {
  const chars = Array.from(row);
  const cells: string[] = [];
  for (let i = 0; i < starts.length; i++) {
    const from = starts[i]!;
    const to = starts[i + 1] ?? chars.length;
    if (i > 0 && from < chars.length && chars[from - 1] !== ' ') return null;
    cells.push(chars.slice(from, Math.max(from, to)).join('').trimEnd());
  }
  if (starts[0] !== undefined && chars.slice(0, starts[0]).some((c) => c !== ' ')) return null;
  return cells;
}

/** The marker put before a row whose cells do not line up with the header. */
export const MISALIGNED = '!misaligned: ';

/** Rewrites a table as `cell | cell | …` lines; other text is returned unchanged. */
export function realignTable(text: string): string {
  if (!isTable(text)) return text;
  const lines = text.split('\n');
  const starts = columnStarts(lines[0]!);
  return lines
    .map((line, i) => {
      if (line === '' && i === lines.length - 1) return line;
      const cells = splitRow(line, starts);
      return cells ? cells.join(' | ').trimEnd() : `${MISALIGNED}${line}`;
    })
    .join('\n');
}

/** The cells of a realigned row. */
export function cellsOf(line: string): string[] {
  return line.split(' | ');
}

/**
 * Rows of a table whose header was filtered away (`docker images -a | grep <id>`): their widths came from rows
 * no longer shown, so each row is cut at runs of three or more spaces (tabwriter's padding) instead.
 */
export function realignHeaderlessRows(text: string): string {
  return text
    .split('\n')
    .map((line) => (line === '' ? line : line.trimEnd().split(/ {3,}/).join(' | ')))
    .join('\n');
}
