// Splits a transcript's shell line into what the replay needs: a pipeline of simple commands whose words are
// literal strings or whole-word `$(…)` substitutions. Anything richer (lists, redirections, subshells, braces,
// substitutions inside a word) is reported as `complex`, so the caller runs it on the sandbox host or skips it.

/** A word after quote removal: literal text, or an unquoted `$(…)` that is the whole word. */
export type ShellWord = { kind: 'literal'; text: string } | { kind: 'subst'; script: string };

/** The parsed line. */
export interface ShellLine {
  /** the simple commands of a `a | b | c` pipeline (one element for a plain command) */
  pipeline: ShellWord[][];
  /** the line uses shell features beyond a pipeline of simple commands */
  complex: boolean;
}

/** Parses one line of POSIX shell, as far as the reference's command lines need. */
export function parseShellLine(line: string): ShellLine {
  const pipeline: ShellWord[][] = [[]];
  let complex = false;
  let i = 0;
  const n = line.length;
  const words = (): ShellWord[] => pipeline[pipeline.length - 1]!;
  while (i < n) {
    const ch = line[i]!;
    if (ch === ' ' || ch === '\t') {
      i++;
      continue;
    }
    if (ch === '|') {
      if (line[i + 1] === '|') complex = true;
      pipeline.push([]);
      i += line[i + 1] === '|' ? 2 : 1;
      continue;
    }
    if (';&<>(){}'.includes(ch) || (ch === '2' && line[i + 1] === '>')) {
      complex = true;
      i++;
      continue;
    }
    if (ch === '#') break;
    // one word
    if (ch === '$' && line[i + 1] === '(') {
      const end = matchParen(line, i + 1);
      const after = line[end + 1];
      if (after === undefined || after === ' ' || after === '\t' || after === '|') {
        words().push({ kind: 'subst', script: line.slice(i + 2, end) });
        i = end + 1;
        continue;
      }
    }
    let text = '';
    while (i < n && !' \t|;&<>()'.includes(line[i]!)) {
      const c = line[i]!;
      if (c === "'") {
        const end = line.indexOf("'", i + 1);
        if (end < 0) throw new Error(`unterminated ' in: ${line}`);
        text += line.slice(i + 1, end);
        i = end + 1;
      } else if (c === '"') {
        i++;
        while (i < n && line[i] !== '"') {
          if (line[i] === '\\' && i + 1 < n && '"\\$`\n'.includes(line[i + 1]!)) {
            text += line[i + 1];
            i += 2;
          } else {
            if (line[i] === '$' || line[i] === '`') complex = true;
            text += line[i];
            i++;
          }
        }
        if (i >= n) throw new Error(`unterminated " in: ${line}`);
        i++;
      } else if (c === '\\') {
        text += line[i + 1] ?? '';
        i += 2;
      } else {
        if (c === '$' || c === '`' || c === '*' || c === '?' || c === '~') complex = true;
        text += c;
        i++;
      }
    }
    words().push({ kind: 'literal', text });
  }
  if (pipeline.some((p) => p.length === 0)) complex = true;
  return { pipeline, complex };
}

/** Index of the `)` that closes the `(` at `open`, skipping quoted text. */
function matchParen(line: string, open: number): number {
  let depth = 0;
  for (let i = open; i < line.length; i++) {
    const c = line[i]!;
    if (c === "'") i = line.indexOf("'", i + 1);
    else if (c === '"') {
      i++;
      while (i < line.length && line[i] !== '"') i += line[i] === '\\' ? 2 : 1;
    } else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i;
    if (i < 0) break;
  }
  throw new Error(`unbalanced $( in: ${line}`);
}

/** The literal words of a simple command, or null when one of them is a substitution. */
export function literalArgv(words: readonly ShellWord[]): string[] | null {
  const argv: string[] = [];
  for (const w of words) {
    if (w.kind !== 'literal') return null;
    argv.push(w.text);
  }
  return argv;
}
