// Docker object IDs in output: 64-hex IDs and digests, 12-hex short IDs, and the shortened `1a7a0d57b9f1…`
// forms people write in notes. All forms of one ID map to one placeholder.

import type { PlaceholderMap } from './placeholder-map.js';

/**
 * A hex run that stands for an ID: 64 hex; 12–63 hex followed by `…` (a shortened ID, `…` included); or a
 * bare 12–63 hex run (short IDs, IDs cut by `cut -c`). Runs of digits only are IDs only at 12 or 64 long, so
 * sizes and counters are left alone.
 */
export const ID_PATTERN = /(?<![0-9A-Za-z_])([0-9a-f]{12,64})(…|(?![0-9A-Za-z_]))/g;

/** True for a hex run the ID rule takes (see ID_PATTERN). */
export function isIdToken(hex: string, shortened: boolean): boolean {
  if (hex.length === 64 || shortened) return true;
  return /[a-f]/.test(hex) || hex.length === 12;
}

/** Replaces every ID with its placeholder (`<ID3>`), the `…` of a shortened form included. */
export function replaceIds(text: string, ids: PlaceholderMap): string {
  return text.replace(ID_PATTERN, (whole, hex: string, ellipsis: string) => {
    if (!isIdToken(hex, ellipsis === '…')) return whole;
    return ids.placeholderFor(hex);
  });
}
