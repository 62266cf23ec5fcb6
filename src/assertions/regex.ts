// Regular expressions in scenarios: a bare pattern (`^port=\d+$`) or a literal with flags (`/hello/i`). A bare
// pattern is multiline, as grep reads text: `^` and `$` match at each line's start and end, so `^port=\d+$`
// matches "port=8080\n". scenario/schema-file.ts validates with the same rule.

const cache = new Map<string, RegExp>();

/** Compiles a scenario's regular expression; throws SyntaxError when it does not compile. */
export function compileRegex(source: string): RegExp {
  let re = cache.get(source);
  if (!re) {
    const literal = /^\/(.*)\/([dimsuy]*)$/s.exec(source);
    re = literal ? new RegExp(literal[1] as string, literal[2]) : new RegExp(source, 'm');
    if (cache.size > 1000) cache.clear();
    cache.set(source, re);
  }
  re.lastIndex = 0;
  return re;
}
