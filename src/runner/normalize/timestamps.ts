// Absolute times: RFC 3339 timestamps (inspect fields, `history -H=false`, the client's `time="…"` log line)
// and `ls -l` dates. The zero time `0001-01-01T00:00:00Z` means "never" and is kept.

const RFC3339 = /\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})/g;
const GO_TIME = /\b\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(?:\.\d+)? [+-]\d{4} [A-Z]{3,4}\b/g;
const ZERO_TIME = '0001-01-01T00:00:00Z';

/** RFC 3339 and Go's default time format → `<TIME>`. */
export function replaceTimestamps(text: string): string {
  return text.replace(RFC3339, (t) => (t === ZERO_TIME ? t : '<TIME>')).replace(GO_TIME, '<TIME>');
}

const LS_DATE = /\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) [ \d]\d (?:\d\d:\d\d| \d{4})(?= )/g;

/** `ls -l`'s `Nov 22 21:26` / `Jan  1  1970` → `<DATE>` (same width, so columns stay put). */
export function replaceLsDates(text: string): string {
  return text.replace(LS_DATE, '<DATE>'.padEnd(12));
}
