// pflag's FlagUsagesWrapped (v1.0.5), which docker uses for the "Options:" block of every help text. Ported
// line by line so the wrapping (79 columns when stdin is not a terminal) matches docker's byte for byte.

import type { FlagSpec } from './flag-spec.js';
import { goQuote } from './go-strconv.js';

/** The width docker wraps option descriptions to when stdin is not a terminal (80 - 1). */
const HELP_COLUMNS = 79;

// UnquoteUsage: the type word printed after the flag name.
function typeWord(f: FlagSpec): string {
  switch (f.type) {
    case 'bool':
      return '';
    case 'int64':
      return 'int';
    case 'uint64':
      return 'uint';
    case 'stringSlice':
      return 'strings';
    default:
      return f.type;
  }
}

// defaultIsZeroValue / DefValue: what follows "(default …)", or undefined when pflag prints nothing.
function shownDefault(f: FlagSpec): string | undefined {
  if (f.shownDefault !== undefined) return f.shownDefault;
  if (f.type === 'ulimit') return '[]';
  if (f.type === 'map') return 'map[]';
  if (f.type === 'ipNetSlice' || f.type === 'stringToString') return '[]';
  if (f.def === undefined) return undefined;
  return f.type === 'string' ? goQuote(f.def) : f.def;
}

// wrapN: split s at the last blank before column i (allowing `slop` extra characters for a short tail).
function wrapN(i: number, slop: number, s: string): [string, string] {
  if (i + slop > s.length) return [s, ''];
  const head = s.slice(0, i);
  const w = Math.max(head.lastIndexOf(' '), head.lastIndexOf('\t'), head.lastIndexOf('\n'));
  if (w <= 0) return [s, ''];
  const nl = head.lastIndexOf('\n');
  if (nl > 0 && nl < w) return [s.slice(0, nl), s.slice(nl + 1)];
  return [s.slice(0, w), s.slice(w + 1)];
}

function wrap(indent: number, cols: number, s: string): string {
  if (cols === 0) return s.replaceAll('\n', '\n' + ' '.repeat(indent));
  let width = cols - indent;
  let out = '';
  if (width < 24) {
    indent = 16;
    width = cols - indent;
    out += '\n' + ' '.repeat(indent);
  }
  if (width < 24) return s.replaceAll('\n', out);
  const slop = 5;
  width -= slop;
  const pad = '\n' + ' '.repeat(indent);
  let [line, rest] = wrapN(width, slop, s);
  out += line.replaceAll('\n', pad);
  while (rest !== '') {
    [line, rest] = wrapN(width, slop, rest);
    out += pad + line.replaceAll('\n', pad);
  }
  return out;
}

/** The "Options:" lines for these flags (hidden ones left out, sorted by name), each ending in "\n". */
export function flagUsages(flags: readonly FlagSpec[], cols = HELP_COLUMNS): string {
  const visible = flags.filter((f) => !f.hidden).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const lines: string[] = [];
  let maxlen = 0;
  for (const f of visible) {
    let line = f.short ? `  -${f.short}, --${f.name}` : `      --${f.name}`;
    const word = typeWord(f);
    if (word) line += ' ' + word;
    line += '\0';
    maxlen = Math.max(maxlen, line.length);
    line += f.usage;
    const def = shownDefault(f);
    if (def !== undefined) line += ` (default ${def})`;
    lines.push(line);
  }
  let out = '';
  for (const line of lines) {
    const sidx = line.indexOf('\0');
    // Println(line[:sidx], spacing, wrapped): operands joined by single spaces
    out += `${line.slice(0, sidx)} ${' '.repeat(maxlen - sidx)} ${wrap(maxlen + 2, cols, line.slice(sidx + 1))}\n`;
  }
  return out;
}
