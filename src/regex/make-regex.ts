// The one way the simulator and the checks compile a regular expression from untrusted text: JavaScript's own
// compiler decides what is valid (so every pattern is accepted or refused exactly as before, with the same
// errors), then the pattern runs on the linear matcher; what that cannot run (back-references, longer
// lookarounds) runs on the backtracking matcher, which counts its steps and stops (steps.ts). Only what neither
// parses (the u and v flags) stays on RegExp.

import { BacktrackRegExp } from './backtrack.js';
import type { Preference } from './backtrack-compile.js';
import { LinearRegExp, RegexSyntaxError, Unsupported } from './linear-regex.js';

/** What callers use of a compiled pattern, on either matcher. */
export type RegexLike = Pick<RegExp, 'exec' | 'test' | 'source' | 'flags' | 'lastIndex' | 'global'>;

/** Compiles `source` with `flags`; throws RegExp's SyntaxError for an invalid pattern. */
export function makeRegex(source: string, flags = ''): RegexLike {
  return compile(source, flags, 'first');
}

/**
 * Compiles RegExp source translated from a POSIX pattern (grep, sed, expr, find -regex): as makeRegex, but
 * the match is the leftmost-longest, with glibc's captures, as busybox's are (on either matcher).
 */
export function makePosixRegex(source: string, flags = ''): RegexLike {
  return compile(source, flags, 'longest');
}

function compile(source: string, flags: string, preference: Preference): RegexLike {
  const native = new RegExp(source, flags);
  for (const make of [() => new LinearRegExp(source, flags, preference), () => new BacktrackRegExp(source, flags, preference)]) {
    try {
      return make();
    } catch (e) {
      if (!(e instanceof Unsupported || e instanceof RegexSyntaxError)) throw e;
    }
  }
  return native;
}

/** Compiles `source` only if it runs without backtracking (Go's regexp has no back-references); else undefined. */
export function makeLinearRegex(source: string, flags = ''): RegexLike | undefined {
  try {
    new RegExp(source, flags);
    return new LinearRegExp(source, flags);
  } catch {
    return undefined;
  }
}

/** True when `re` runs without backtracking (tests and diagnostics). */
export function isLinear(re: RegexLike): boolean {
  return re instanceof LinearRegExp;
}

/** True when `re` runs on a matcher that counts its steps (linear or backtracking), never on RegExp. */
export function isBounded(re: RegexLike): boolean {
  return re instanceof LinearRegExp || re instanceof BacktrackRegExp;
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
