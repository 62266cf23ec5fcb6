// .dockerignore as docker 20.10 reads and applies it: dockerignore.ReadAll (a UTF-8 BOM dropped, `#` lines
// skipped only when `#` is the first character, patterns trimmed and path-cleaned) and pkg/fileutils'
// PatternMatcher (each pattern turned into a regular expression, `**` across folders, a pattern that matches
// a parent folder matching everything under it, the last matching pattern deciding, `!` for exceptions).

import { goPathMatch } from '../../../go/path-match.js';
import { goClean } from '../archive/untar.js';

/** A pattern as fileutils keeps it. */
export interface IgnorePattern {
  exclusion: boolean;
  /** the cleaned pattern without its `!` */
  text: string;
  dirs: number;
  re: RegExp;
}

/** dockerignore.ReadAll: the patterns of a .dockerignore file, in order, `!` kept in front. */
export function readDockerignore(text: string): string[] {
  const out: string[] = [];
  text.replace(/^\ufeff/, '').split('\n').forEach((raw) => {
    const line = raw.replace(/\r$/, '');
    if (line.startsWith('#')) return;
    let pattern = line.trim();
    if (pattern === '') return;
    const invert = pattern.startsWith('!');
    if (invert) pattern = pattern.slice(1).trim();
    if (pattern.length > 0) {
      pattern = goClean(pattern);
      if (pattern.length > 1 && pattern.startsWith('/')) pattern = pattern.slice(1);
    }
    out.push(invert ? `!${pattern}` : pattern);
  });
  return out;
}

/** fileutils.NewPatternMatcher: compiled patterns, or the error text it returns. */
export function compilePatterns(patterns: readonly string[]): IgnorePattern[] | { error: string } {
  const out: IgnorePattern[] = [];
  for (const raw of patterns) {
    let p = raw.trim();
    if (p === '') continue;
    p = goClean(p);
    let exclusion = false;
    if (p.startsWith('!')) {
      if (p.length === 1) return { error: 'illegal exclusion pattern: "!"' };
      exclusion = true;
      p = p.slice(1);
    }
    // filepath.Match's syntax check, for its error
    const check = goPathMatch(p, '.');
    if (typeof check === 'object') return check;
    out.push({ exclusion, text: p, dirs: p.split('/').length, re: patternRegExp(p) });
  }
  return out;
}

/** PatternMatcher.Matches for a cleaned path relative to the context ("dir/file"). */
export function matchesPatterns(patterns: readonly IgnorePattern[], file: string): boolean {
  const slash = file.lastIndexOf('/');
  const parent = slash === -1 ? '.' : file.slice(0, slash);
  const parentDirs = parent.split('/');
  let matched = false;
  for (const pattern of patterns) {
    let match = pattern.re.test(file);
    if (!match && parent !== '.' && pattern.dirs <= parentDirs.length) {
      match = pattern.re.test(parentDirs.slice(0, pattern.dirs).join('/'));
    }
    if (match) matched = !pattern.exclusion;
  }
  return matched;
}

// Pattern.compile: `**` (with a following `/` eaten) is any run of folders, `*` and `?` stop at `/`, `.` and
// `$` are literal, `\` escapes the next character, anything else goes into the expression as it is
function patternRegExp(pattern: string): RegExp {
  const chars = [...pattern];
  let re = '^';
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    if (ch === '*') {
      if (chars[i + 1] === '*') {
        i++;
        if (chars[i + 1] === '/') i++;
        re += i + 1 >= chars.length ? '.*' : '(.*/)?';
      } else re += '[^/]*';
    } else if (ch === '?') re += '[^/]';
    else if (ch === '.' || ch === '$') re += `\\${ch}`;
    else if (ch === '\\') {
      if (i + 1 < chars.length) re += `\\${chars[++i]!}`;
      else re += '\\\\';
    } else re += ch;
  }
  try {
    return new RegExp(`${re}$`, 's');
  } catch {
    // Go's regexp accepts what JavaScript's may not (and the other way round); such a pattern matches nothing
    return /(?!)/;
  }
}
