// Go's path.Match, the glob docker's daemon uses for `images --filter reference=…` (reference.FamiliarMatch):
// `*` and `?` never cross a `/`, `[a-z]`/`[^…]` classes, `\` escapes, and no braces or `**`. A malformed pattern
// is an error ("syntax error in pattern"), found even when the name already failed to match. It runs in time
// proportional to the pattern times the name, whatever the input (picomatch refuses patterns over 64 KiB).

/** Go's path.ErrBadPattern text. */
const BAD_PATTERN = 'syntax error in pattern';

/** Whether `name` matches the shell pattern; a string error for a malformed pattern. */
export function goPathMatch(pattern: string, name: string): boolean | { error: string } {
  const p = [...pattern];
  const s = [...name];
  let pi = 0;
  let si = 0;
  while (pi < p.length) {
    const { star, chunkEnd, chunkStart } = scanChunk(p, pi);
    pi = chunkEnd;
    const chunk = p.slice(chunkStart, chunkEnd);
    if (star && chunk.length === 0) return !s.slice(si).includes('/');
    const here = matchChunk(chunk, s, si);
    if (typeof here === 'object') return here;
    if (here >= 0 && (here === s.length || pi < p.length)) {
      si = here;
      continue;
    }
    let advanced = false;
    if (star) {
      for (let i = si; i < s.length && s[i] !== '/'; i++) {
        const t = matchChunk(chunk, s, i + 1);
        if (typeof t === 'object') return t;
        if (t >= 0) {
          if (pi === p.length && t < s.length) continue;
          si = t;
          advanced = true;
          break;
        }
      }
    }
    if (advanced) continue;
    // no match: the rest of the pattern must still be well formed
    while (pi < p.length) {
      const next = scanChunk(p, pi);
      pi = next.chunkEnd;
      const bad = matchChunk(p.slice(next.chunkStart, next.chunkEnd), [], 0);
      if (typeof bad === 'object') return bad;
    }
    return false;
  }
  return si === s.length;
}

// leading stars, then the chunk up to the next star outside a class
function scanChunk(p: readonly string[], from: number): { star: boolean; chunkStart: number; chunkEnd: number } {
  let i = from;
  let star = false;
  while (i < p.length && p[i] === '*') {
    i++;
    star = true;
  }
  const chunkStart = i;
  let inRange = false;
  for (; i < p.length; i++) {
    const c = p[i];
    if (c === '\\') {
      if (i + 1 < p.length) i++;
    } else if (c === '[') inRange = true;
    else if (c === ']') inRange = false;
    else if (c === '*' && !inRange) break;
  }
  return { star, chunkStart, chunkEnd: i };
}

// matches one chunk at s[at]: the index after it, -1 for no match, or the pattern's error
function matchChunk(chunk: readonly string[], s: readonly string[], at: number): number | { error: string } {
  let failed = false;
  let si = at;
  let ci = 0;
  while (ci < chunk.length) {
    if (!failed && si >= s.length) failed = true;
    const c = chunk[ci]!;
    if (c === '[') {
      const r = failed ? '' : s[si++]!;
      ci++;
      let negated = false;
      if (chunk[ci] === '^') {
        negated = true;
        ci++;
      }
      let match = false;
      let ranges = 0;
      for (;;) {
        if (chunk[ci] === ']' && ranges > 0) {
          ci++;
          break;
        }
        const lo = escaped(chunk, ci);
        if ('error' in lo) return lo;
        ci = lo.next;
        let hi = lo.rune;
        if (chunk[ci] === '-') {
          const high = escaped(chunk, ci + 1);
          if ('error' in high) return high;
          ci = high.next;
          hi = high.rune;
        }
        if (!failed && lo.rune <= r && r <= hi) match = true;
        ranges++;
      }
      if (match === negated) failed = true;
    } else if (c === '?') {
      if (!failed) {
        if (s[si] === '/') failed = true;
        si++;
      }
      ci++;
    } else {
      if (c === '\\') {
        ci++;
        if (ci >= chunk.length) return { error: BAD_PATTERN };
      }
      if (!failed) {
        if (chunk[ci] !== s[si]) failed = true;
        si++;
      }
      ci++;
    }
  }
  return failed ? -1 : si;
}

// one class member, `\` escapes allowed; a class must not end inside (Go's getEsc)
function escaped(chunk: readonly string[], at: number): { rune: string; next: number } | { error: string } {
  let i = at;
  if (i >= chunk.length || chunk[i] === '-' || chunk[i] === ']') return { error: BAD_PATTERN };
  if (chunk[i] === '\\') {
    i++;
    if (i >= chunk.length) return { error: BAD_PATTERN };
  }
  const rune = chunk[i]!;
  if (i + 1 >= chunk.length) return { error: BAD_PATTERN };
  return { rune, next: i + 1 };
}
