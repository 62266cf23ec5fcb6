// Which lines of two outputs correspond: a longest common subsequence of lines, so that a line missing or
// added on one side does not make every later line look different.

/** Pairs of line indexes in order; a `null` side is a line the other output does not have. */
export type Alignment = Array<[number | null, number | null]>;

/** Aligns two lists of lines (compared as exact strings) by their longest common subsequence. */
export function alignLines(left: readonly string[], right: readonly string[]): Alignment {
  const n = left.length;
  const m = right.length;
  if (n * m > 4_000_000) return alignByIndex(left, right);
  // lcs[i][j]: LCS length of left[i..] and right[j..]
  const width = m + 1;
  const lcs = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * width + j] = left[i] === right[j] ? lcs[(i + 1) * width + j + 1]! + 1 : Math.max(lcs[(i + 1) * width + j]!, lcs[i * width + j + 1]!);
    }
  }
  const out: Alignment = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (left[i] === right[j]) out.push([i++, j++]);
    else if (lcs[(i + 1) * width + j]! >= lcs[i * width + j + 1]!) out.push([i++, null]);
    else out.push([null, j++]);
  }
  while (i < n) out.push([i++, null]);
  while (j < m) out.push([null, j++]);
  return out;
}

/** Fallback for huge outputs: equal lines at the same index pair up, the rest stand alone. */
function alignByIndex(left: readonly string[], right: readonly string[]): Alignment {
  const out: Alignment = [];
  for (let k = 0; k < Math.max(left.length, right.length); k++) {
    if (k < left.length && k < right.length && left[k] === right[k]) out.push([k, k]);
    else {
      if (k < left.length) out.push([k, null]);
      if (k < right.length) out.push([null, k]);
    }
  }
  return out;
}
