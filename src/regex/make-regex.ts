// The one way the simulator and the checks compile a regular expression from untrusted text: JavaScript's own
// compiler decides what is valid (so every pattern is accepted or refused exactly as before, with the same
// errors), then the pattern runs on the linear matcher; only what that cannot run (back-references, longer
// lookarounds) stays on RegExp.

import { LinearRegExp, RegexSyntaxError, Unsupported } from './linear-regex.js';

/** What callers use of a compiled pattern, on either matcher. */
export type RegexLike = Pick<RegExp, 'exec' | 'test' | 'source' | 'flags' | 'lastIndex' | 'global'>;

/** Compiles `source` with `flags`; throws RegExp's SyntaxError for an invalid pattern. */
export function makeRegex(source: string, flags = ''): RegexLike {
  const native = new RegExp(source, flags);
  try {
    return new LinearRegExp(source, flags);
  } catch (e) {
    if (e instanceof Unsupported || e instanceof RegexSyntaxError) return native;
    throw e;
  }
}

/** True when `re` runs without backtracking (tests and diagnostics). */
export function isLinear(re: RegexLike): boolean {
  return re instanceof LinearRegExp;
}

/** Every match of a global pattern, as String.prototype.matchAll gives them (an empty match moves on by one). */
export function* allMatches(re: RegexLike, text: string): Generator<RegExpExecArray> {
  re.lastIndex = 0;
  for (;;) {
    const m = re.exec(text);
    if (!m) return;
    if (m[0] === '') re.lastIndex++;
    yield m;
  }
}
