// Splits a `docker:` step line into words the way a POSIX shell would before running docker: quotes and
// backslashes are honoured, nothing is expanded. `${{ … }}` templates stay whole inside their word (they may
// hold spaces), and unquoted shell operators are flagged, since a docker step never runs a shell.

/** One word with the offsets of its source text (start inclusive, end exclusive). */
export interface ShellWord {
  text: string;
  start: number;
  end: number;
}

/** The words of a line, or where splitting failed. */
export type SplitResult =
  | { ok: true; words: ShellWord[]; operator?: { text: string; offset: number } }
  | { ok: false; message: string; offset: number };

const OPERATOR_CHARS = new Set(['|', '&', ';', '<', '>', '(', ')']);

/** Splits `line` into shell words without expansion. */
export function splitShellWords(line: string): SplitResult {
  const words: ShellWord[] = [];
  let operator: { text: string; offset: number } | undefined;
  let i = 0;
  const n = line.length;
  while (i < n) {
    const c = line[i] as string;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
      continue;
    }
    const start = i;
    let text = '';
    while (i < n) {
      const ch = line[i] as string;
      if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') break;
      if (line.startsWith('${{', i)) {
        const close = line.indexOf('}}', i + 3);
        if (close < 0) return { ok: false, message: 'unterminated template: `${{` without `}}`', offset: i };
        text += line.slice(i, close + 2);
        i = close + 2;
      } else if (ch === "'") {
        const close = line.indexOf("'", i + 1);
        if (close < 0) return { ok: false, message: 'unterminated single quote', offset: i };
        text += line.slice(i + 1, close);
        i = close + 1;
      } else if (ch === '"') {
        const r = doubleQuoted(line, i);
        if (!r.ok) return r;
        text += r.text;
        i = r.next;
      } else if (ch === '\\') {
        if (i + 1 >= n) return { ok: false, message: 'backslash at the end of the line', offset: i };
        if (line[i + 1] !== '\n') text += line[i + 1];
        i += 2;
      } else {
        if (OPERATOR_CHARS.has(ch) && !operator) operator = { text: ch, offset: i };
        text += ch;
        i++;
      }
    }
    words.push({ text, start, end: i });
  }
  return operator ? { ok: true, words, operator } : { ok: true, words };
}

// Inside double quotes a backslash escapes only $ ` " \ and newline, as in sh.
function doubleQuoted(line: string, open: number): { ok: true; text: string; next: number } | { ok: false; message: string; offset: number } {
  let text = '';
  let i = open + 1;
  while (i < line.length) {
    const ch = line[i] as string;
    if (ch === '"') return { ok: true, text, next: i + 1 };
    if (line.startsWith('${{', i)) {
      const close = line.indexOf('}}', i + 3);
      if (close < 0) return { ok: false, message: 'unterminated template: `${{` without `}}`', offset: i };
      text += line.slice(i, close + 2);
      i = close + 2;
      continue;
    }
    if (ch === '\\' && i + 1 < line.length && '$`"\\\n'.includes(line[i + 1] as string)) {
      if (line[i + 1] !== '\n') text += line[i + 1];
      i += 2;
      continue;
    }
    text += ch;
    i++;
  }
  return { ok: false, message: 'unterminated double quote', offset: open };
}

/** Quotes a word for display so that splitShellWords gives it back unchanged. */
function quoteShellWord(word: string): string {
  if (word !== '' && /^[\w@%+=:,./-]+$/.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/** A command line for display: words joined with the quoting a reader can paste into a shell. */
export function joinShellWords(words: readonly string[]): string {
  return words.map(quoteShellWord).join(' ');
}
