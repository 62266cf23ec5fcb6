// The unified diff a failed comparison shows (expected as `-`, actual as `+`), for text and for JSON values.

import { structuredPatch } from 'diff';

/** JSON as a diff shows it: two-space indentation, undefined as "undefined". */
function toDiffText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === undefined) return 'undefined';
  return JSON.stringify(value, null, 2) ?? String(value);
}

/** A unified diff of two texts: a `- expected` / `+ actual` legend, then hunks; '' when they are equal. */
export function unifiedDiff(expected: string, actual: string, context = 3): string {
  if (expected === actual) return '';
  const withNewline = (s: string) => (s.endsWith('\n') ? s : `${s}\n`);
  const patch = structuredPatch('expected', 'actual', withNewline(expected), withNewline(actual), '', '', { context });
  const out = ['- expected', '+ actual', ''];
  for (const hunk of patch.hunks) {
    out.push(`@@ -${hunk.oldStart},${hunk.oldLines} +${hunk.newStart},${hunk.newLines} @@`);
    for (const line of hunk.lines) if (!line.startsWith('\\')) out.push(line);
  }
  if (patch.hunks.length === 0) {
    // Same lines, different line endings: show both whole so the difference is visible.
    out.push(`-${JSON.stringify(expected)}`, `+${JSON.stringify(actual)}`);
  }
  return out.join('\n');
}

/** A diff of two values: line diff for text, JSON diff otherwise; '' when a diff would not help. */
export function valueDiff(expected: unknown, actual: unknown): string {
  const bothText = typeof expected === 'string' && typeof actual === 'string';
  if (bothText) {
    const oneLine = (t: string) => !t.replace(/\n$/, '').includes('\n');
    if (oneLine(expected) && oneLine(actual) && expected.length + actual.length < 80) return '';
    return unifiedDiff(expected, actual);
  }
  const structured = (v: unknown) => v !== null && typeof v === 'object';
  if (!structured(expected) && !structured(actual)) return '';
  return unifiedDiff(toDiffText(expected), toDiffText(actual));
}
