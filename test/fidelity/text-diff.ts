// A compact unified diff of two normalised outputs, for test failures and the report.

import { structuredPatch } from 'diff';

/** `-` lines from the reference, `+` lines from the simulator, two lines of context, `@@` between hunks. */
export function textDiff(expected: string, actual: string, label = 'stdout'): string {
  if (expected === actual) return '';
  const patch = structuredPatch(`reference ${label}`, `simulator ${label}`, expected, actual, '', '', { context: 2 });
  const out: string[] = [];
  for (const hunk of patch.hunks) {
    out.push(`@@ ${label} -${hunk.oldStart},${hunk.oldLines} +${hunk.newStart},${hunk.newLines} @@`);
    out.push(...hunk.lines.filter((l) => !l.startsWith('\\')));
  }
  // a difference only in the final newline
  if (out.length === 0) out.push(`${label}: ${JSON.stringify(expected.slice(-20))} vs ${JSON.stringify(actual.slice(-20))}`);
  return out.join('\n');
}
