// grades.csv: one row per student, a column of points per check, for a spreadsheet or an LMS gradebook import.
// Cells are RFC 4180 (quoted when needed, CRLF rows); a cell a spreadsheet would read as a formula (a student
// folder named `=HYPERLINK(…)`, or ` =…`: spreadsheets skip leading blanks before a formula) is prefixed with an
// apostrophe.

import type { SubmissionGrade } from '../../grading/grade-result.js';

/** One CSV cell. */
export function csvCell(value: string | number): string {
  let text = String(value);
  // Blanks of any kind (spaces, tabs, CR/LF, no-break and other Unicode spaces) before `= + - @` still make a
  // formula in some spreadsheets, and a cell starting with a tab, CR or LF is suspect on its own (OWASP).
  if (typeof value === 'string' && /^(?:[\t\r\n]|[\s\u00a0\u2000-\u200b\u3000\ufeff]*[=+\-@\uff1d\uff0b\uff0d\uff20])/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Points as the gradebook shows them: 2, 1.5 (no trailing zeros). */
function points(n: number): string {
  return String(Math.round(n * 1000) / 1000);
}

/** The CSV text for the grades, in the order given; the columns come from the first grade's checks. */
export function gradesCsv(grades: readonly SubmissionGrade[]): string {
  const checks = grades[0]?.checks ?? [];
  const header = ['student', 'submission', 'status', 'score', 'max_score', 'percent', ...checks.map((c) => `${c.index + 1}. ${c.title} (${points(c.points)})`), 'duration_ms', 'graded_at'];
  const rows = grades.map((g) => {
    const byIndex = new Map(g.checks.map((c) => [c.index, c]));
    const percent = g.maxScore > 0 ? Math.round((g.score / g.maxScore) * 1000) / 10 : 0;
    return [g.student, g.submission, g.status, points(g.score), points(g.maxScore), percent, ...checks.map((c) => points(byIndex.get(c.index)?.earned ?? 0)), Math.round(g.durationMs), g.startedAt];
  });
  return [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
