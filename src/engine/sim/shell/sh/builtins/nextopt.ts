// ash's nextopt: how its builtins (command, read) read their options. Option words start with `-` and stop at
// `--`, `-` or the first operand; a letter `spec` marks with `:` takes a value, the rest of its word or the
// next one. One loop for every builtin so they read options alike.

import type { Shell } from '../shell.js';

/**
 * Reads the options of `argv` (a builtin named `name`) from argv[1], calling `take` for each letter and its
 * value; returns the index of the first operand. A letter `spec` lacks raises "illegal option -X"; a missing
 * value raises "-X: argument expected".
 */
export function nextopt(sh: Shell, argv: string[], name: string, spec: string, take: (letter: string, value: string | undefined) => void): number {
  let i = 1;
  for (; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (a === '--') {
      i++;
      break;
    }
    if (!a.startsWith('-') || a === '-') break;
    const letters = [...a.slice(1)];
    for (let j = 0; j < letters.length; j++) {
      const c = letters[j] ?? '';
      const at = c === ':' ? -1 : spec.indexOf(c);
      if (at === -1) sh.raise(`illegal option -${c}`, name);
      if (spec[at + 1] !== ':') {
        take(c, undefined);
        continue;
      }
      const value = j + 1 < letters.length ? letters.slice(j + 1).join('') : argv[++i];
      if (value === undefined) sh.raise(`-${c}: argument expected`, name);
      take(c, value);
      break;
    }
  }
  return i;
}
