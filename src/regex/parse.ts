// The parser of linear-regex.ts: the part of JavaScript's regular-expression syntax that a matcher without
// backtracking can run (what grep, sed and expr's POSIX patterns translate to, and what scenarios' `matches:`
// use). What needs backtracking (back-references, lookarounds longer than one character) is reported as
// unsupported, and the caller decides.

/** A set of UTF-16 code units: ranges, possibly negated. */
export interface CharSet {
  ranges: [number, number][];
  negate: boolean;
}

/** A node of the syntax tree. */
export type Node =
  | { t: 'empty' }
  | { t: 'char'; set: CharSet }
  | { t: 'any' }
  | { t: 'cat'; items: Node[] }
  | { t: 'alt'; alts: Node[] }
  | { t: 'group'; cap: number | undefined; node: Node }
  | { t: 'rep'; node: Node; min: number; max: number; greedy: boolean }
  | { t: 'bol' }
  | { t: 'eol' }
  | { t: 'word'; negate: boolean }
  | { t: 'look'; behind: boolean; negate: boolean; set: CharSet };

/** A pattern the linear matcher cannot run (the caller falls back, or refuses it). */
export class Unsupported extends Error {}

/** A pattern that is not a regular expression at all. */
export class RegexSyntaxError extends Error {}

const DIGIT: [number, number][] = [[48, 57]];
const WORD: [number, number][] = [
  [48, 57],
  [65, 90],
  [95, 95],
  [97, 122],
];
const SPACE: [number, number][] = [
  [9, 13],
  [32, 32],
  [0xa0, 0xa0],
  [0x1680, 0x1680],
  [0x2000, 0x200a],
  [0x2028, 0x2029],
  [0x202f, 0x202f],
  [0x205f, 0x205f],
  [0x3000, 0x3000],
  [0xfeff, 0xfeff],
];

/** The complement of sorted, possibly overlapping ranges within 0..0xffff. */
function complement(ranges: [number, number][]): [number, number][] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  let next = 0;
  for (const [lo, hi] of sorted) {
    if (lo > next) out.push([next, lo - 1]);
    next = Math.max(next, hi + 1);
  }
  if (next <= 0xffff) out.push([next, 0xffff]);
  return out;
}

/** The parsed pattern and how many capturing groups it has, with their names. */
export interface Parsed {
  node: Node;
  groups: number;
  names: Map<string, number>;
}

/** Parses `source` (JavaScript syntax, without the `u` or `v` flag). */
export function parseRegex(source: string): Parsed {
  let i = 0;
  let groups = 0;
  const names = new Map<string, number>();
  const peek = () => source[i];

  const classEscape = (c: string): [number, number][] | undefined => {
    switch (c) {
      case 'd':
        return DIGIT;
      case 'D':
        return complement(DIGIT);
      case 'w':
        return WORD;
      case 'W':
        return complement(WORD);
      case 's':
        return SPACE;
      case 'S':
        return complement(SPACE);
      default:
        return undefined;
    }
  };

  /** The code unit of a character escape after `\` (i is past the letter), or throws Unsupported. */
  const charEscape = (c: string, inClass: boolean): number => {
    switch (c) {
      case 'n':
        return 10;
      case 't':
        return 9;
      case 'r':
        return 13;
      case 'f':
        return 12;
      case 'v':
        return 11;
      case '0':
        if (/[0-9]/.test(peek() ?? '')) throw new Unsupported('octal escape');
        return 0;
      case 'b':
        if (inClass) return 8;
        break;
      case 'x': {
        const hex = source.slice(i, i + 2);
        if (/^[0-9a-fA-F]{2}$/.test(hex)) {
          i += 2;
          return parseInt(hex, 16);
        }
        return 'x'.charCodeAt(0);
      }
      case 'u': {
        const hex = source.slice(i, i + 4);
        if (/^[0-9a-fA-F]{4}$/.test(hex)) {
          i += 4;
          return parseInt(hex, 16);
        }
        return 'u'.charCodeAt(0);
      }
      case 'c': {
        const l = peek() ?? '';
        if (/[A-Za-z]/.test(l)) {
          i++;
          return l.charCodeAt(0) % 32;
        }
        throw new Unsupported('\\c');
      }
    }
    if (/[1-9]/.test(c)) throw new Unsupported('back-reference');
    if (c === 'k' || c === 'p' || c === 'P') throw new Unsupported(`\\${c}`);
    return c.charCodeAt(0);
  };

  const bracket = (): CharSet => {
    // i is past '['
    const negate = peek() === '^';
    if (negate) i++;
    const ranges: [number, number][] = [];
    const atom = (): { code: number } | { set: [number, number][] } => {
      const c = source[i++] as string;
      if (c !== '\\') return { code: c.charCodeAt(0) };
      const e = source[i++];
      if (e === undefined) throw new RegexSyntaxError('\\ at end of pattern');
      const set = classEscape(e);
      return set ? { set } : { code: charEscape(e, true) };
    };
    for (;;) {
      if (i >= source.length) throw new RegexSyntaxError('Unterminated character class');
      if (peek() === ']') {
        i++;
        break;
      }
      const a = atom();
      if ('set' in a) {
        ranges.push(...a.set);
        continue;
      }
      if (peek() === '-' && source[i + 1] !== undefined && source[i + 1] !== ']') {
        i++;
        const b = atom();
        if ('set' in b) {
          ranges.push([a.code, a.code], [45, 45], ...b.set);
          continue;
        }
        if (b.code < a.code) throw new RegexSyntaxError('Range out of order in character class');
        ranges.push([a.code, b.code]);
      } else ranges.push([a.code, a.code]);
    }
    return { ranges, negate };
  };

  /** A one-character lookaround's body: a single character, class or escape, then `)`. */
  const lookBody = (): CharSet => {
    let set: CharSet;
    const c = source[i];
    if (c === '[') {
      i++;
      set = bracket();
    } else if (c === '\\') {
      i++;
      const e = source[i++] ?? '';
      const cls = classEscape(e);
      set = cls ? { ranges: cls, negate: false } : { ranges: [[charEscape(e, false), charEscape(e, false)]], negate: false };
    } else if (c !== undefined && !'()|*+?{.^$'.includes(c)) {
      i++;
      set = { ranges: [[c.charCodeAt(0), c.charCodeAt(0)]], negate: false };
    } else throw new Unsupported('lookaround');
    if (source[i] !== ')') throw new Unsupported('lookaround');
    i++;
    return set;
  };

  const alternation = (): Node => {
    const alts: Node[] = [sequence()];
    while (peek() === '|') {
      i++;
      alts.push(sequence());
    }
    return alts.length === 1 ? (alts[0] as Node) : { t: 'alt', alts };
  };

  const sequence = (): Node => {
    const items: Node[] = [];
    while (i < source.length && peek() !== '|' && peek() !== ')') {
      let atom = term();
      atom = quantified(atom);
      items.push(atom);
    }
    return items.length === 1 ? (items[0] as Node) : items.length === 0 ? { t: 'empty' } : { t: 'cat', items };
  };

  const quantified = (atom: Node): Node => {
    for (;;) {
      const c = peek();
      let min: number;
      let max: number;
      if (c === '*') [min, max] = [0, Infinity];
      else if (c === '+') [min, max] = [1, Infinity];
      else if (c === '?') [min, max] = [0, 1];
      else if (c === '{') {
        const m = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(i));
        if (!m) return atom; // a literal `{`, as JavaScript reads it without the u flag
        min = Number(m[1]);
        max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
        if (max < min) throw new RegexSyntaxError('numbers out of order in {} quantifier');
        i += m[0].length - 1;
      } else return atom;
      i++;
      if (atom.t === 'bol' || atom.t === 'eol' || atom.t === 'word') throw new RegexSyntaxError('Nothing to repeat');
      let greedy = true;
      if (peek() === '?') {
        greedy = false;
        i++;
      }
      atom = { t: 'rep', node: atom, min, max, greedy };
      const next = peek();
      if (next === '*' || next === '+' || next === '?') throw new RegexSyntaxError('Nothing to repeat');
      if (next === '{' && /^\{\d+(,\d*)?\}/.test(source.slice(i))) throw new RegexSyntaxError('Nothing to repeat');
    }
  };

  const term = (): Node => {
    const c = source[i++] as string;
    switch (c) {
      case '^':
        return { t: 'bol' };
      case '$':
        return { t: 'eol' };
      case '.':
        return { t: 'any' };
      case '[':
        return { t: 'char', set: bracket() };
      case '*':
      case '+':
      case '?':
        throw new RegexSyntaxError('Nothing to repeat');
      case '(': {
        let cap: number | undefined;
        if (peek() === '?') {
          const kind = source.slice(i, i + 3);
          if (kind.startsWith('?:')) i += 2;
          else if (kind === '?<=' || kind === '?<!' || kind.startsWith('?=') || kind.startsWith('?!')) {
            const behind = kind.startsWith('?<');
            const negate = behind ? kind[2] === '!' : kind[1] === '!';
            i += behind ? 3 : 2;
            return { t: 'look', behind, negate, set: lookBody() };
          } else if (kind.startsWith('?<')) {
            const m = /^\?<([A-Za-z_$][\w$]*)>/.exec(source.slice(i));
            if (!m) throw new RegexSyntaxError('Invalid capture group name');
            cap = ++groups;
            names.set(m[1] as string, cap);
            i += m[0].length;
          } else throw new RegexSyntaxError('Invalid group');
        } else cap = ++groups;
        const node = alternation();
        if (source[i] !== ')') throw new RegexSyntaxError('Unterminated group');
        i++;
        return { t: 'group', cap, node };
      }
      case '\\': {
        const e = source[i++];
        if (e === undefined) throw new RegexSyntaxError('\\ at end of pattern');
        if (e === 'b' || e === 'B') return { t: 'word', negate: e === 'B' };
        const set = classEscape(e);
        if (set) return { t: 'char', set: { ranges: set, negate: false } };
        const code = charEscape(e, false);
        return { t: 'char', set: { ranges: [[code, code]], negate: false } };
      }
      default: {
        const code = c.charCodeAt(0);
        return { t: 'char', set: { ranges: [[code, code]], negate: false } };
      }
    }
  };

  const node = alternation();
  if (i < source.length) throw new RegexSyntaxError("Unmatched ')'");
  return { node, groups, names };
}
