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
  | { t: 'look'; behind: boolean; negate: boolean; set: CharSet }
  /** only with `backtrack`: a back-reference to group n */
  | { t: 'backref'; n: number }
  /** only with `backtrack`: a lookaround of any body */
  | { t: 'lookx'; behind: boolean; negate: boolean; node: Node };

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

/** How many capturing groups `source` has, and whether any is named (a back-reference's meaning depends on both). */
function countGroups(source: string): { total: number; named: boolean } {
  let total = 0;
  let named = false;
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') {
      if (source[i + 1] !== '?') total++;
      else if (source[i + 2] === '<' && source[i + 3] !== '=' && source[i + 3] !== '!') {
        total++;
        named = true;
      }
    }
  }
  return { total, named };
}

/**
 * Parses `source` (JavaScript syntax, without the `u` or `v` flag). With `backtrack`, back-references and
 * lookarounds of any body are parsed too (for backtrack.ts); without, they are Unsupported.
 */
export function parseRegex(source: string, backtrack = false): Parsed {
  let i = 0;
  let groups = 0;
  const names = new Map<string, number>();
  const peek = () => source[i];
  const counted = backtrack ? countGroups(source) : { total: 0, named: false };
  /** backrefs by name, resolved once every group is known */
  const namedRefs: { node: { t: 'backref'; n: number }; name: string }[] = [];

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
        if (/[0-9]/.test(peek() ?? '')) {
          if (!backtrack) throw new Unsupported('octal escape');
          return legacyOctal(c);
        }
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
    if (/[1-9]/.test(c)) {
      // in a class, or naming no group, `\N` is an octal escape; backref() has taken the others
      if (backtrack) return legacyOctal(c);
      throw new Unsupported('back-reference');
    }
    // without the u flag, and (for \k) without named groups, these are the letters themselves
    if ((c === 'k' || c === 'p' || c === 'P') && !backtrack) throw new Unsupported(`\\${c}`);
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

  /**
   * Annex B's reading of `\N` and `\k` (i is past the letter): a back-reference when the pattern has that many
   * groups (or named groups), else an octal escape or the digit itself; undefined for any other escape.
   */
  const backref = (e: string): Node | undefined => {
    if (e === 'k' && counted.named) {
      const m = /^<([A-Za-z_$][\w$]*)>/.exec(source.slice(i));
      if (!m) throw new RegexSyntaxError('Invalid named reference');
      i += m[0].length;
      const node = { t: 'backref' as const, n: 0 };
      namedRefs.push({ node, name: m[1] as string });
      return node;
    }
    if (!/[1-9]/.test(e)) return undefined;
    const digits = e + (/^\d*/.exec(source.slice(i))?.[0] ?? '');
    if (Number(digits) <= counted.total) {
      i += digits.length - 1;
      return { t: 'backref', n: Number(digits) };
    }
    const code = legacyOctal(e);
    return { t: 'char', set: { ranges: [[code, code]], negate: false } };
  };

  /** Annex B's `\N` that names no group (i is past the first digit): an octal escape, or `8`/`9` themselves. */
  const legacyOctal = (e: string): number => {
    if (e === '8' || e === '9') return e.charCodeAt(0);
    let oct = e + (/^[0-7]{0,2}/.exec(source.slice(i))?.[0] ?? '');
    if (parseInt(oct, 8) > 0o377) oct = oct.slice(0, 2);
    i += oct.length - 1;
    return parseInt(oct, 8);
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
      if (atom.t === 'bol' || atom.t === 'eol' || atom.t === 'word' || (atom.t === 'lookx' && atom.behind)) throw new RegexSyntaxError('Nothing to repeat');
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
            if (backtrack) {
              const node = alternation();
              if (source[i] !== ')') throw new RegexSyntaxError('Unterminated group');
              i++;
              return { t: 'lookx', behind, negate, node };
            }
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
        if (backtrack) {
          const ref = backref(e);
          if (ref) return ref;
        }
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
  for (const { node: ref, name } of namedRefs) {
    const n = names.get(name);
    if (n === undefined) throw new RegexSyntaxError('Invalid named capture referenced');
    ref.n = n;
  }
  return { node, groups, names };
}
