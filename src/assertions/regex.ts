// Regular expressions in scenarios: a bare pattern (`^port=\d+$`) or a literal with flags (`/hello/i`). A bare
// pattern is multiline, as grep reads text: `^` and `$` match at each line's start and end, so `^port=\d+$`
// matches "port=8080\n". scenario/schema-file.ts validates with the same rule.

import { makeRegex, type RegexLike } from '../regex/make-regex.js';

const cache = new Map<string, RegexLike>();

/**
 * Compiles a scenario's regular expression; throws SyntaxError when it does not compile. It runs without
 * backtracking (src/regex/): a scenario's pattern is untrusted input matched against a command's output.
 */
export function compileRegex(source: string): RegexLike {
  let re = cache.get(source);
  if (!re) {
    const literal = /^\/(.*)\/([dimsuy]*)$/s.exec(source);
    re = literal ? makeRegex(literal[1] as string, literal[2]) : makeRegex(source, 'm');
    if (cache.size > 1000) cache.clear();
    cache.set(source, re);
  }
  re.lastIndex = 0;
  return re;
}
