// Dates accepted by busybox's parse_datestr (touch -d, date -d/-s), in UTC (containers have no TZ unless set):
// "@EPOCH", "HH:MM[:SS]", "[YYYY.]MM.DD-HH:MM[:SS]", "YYYY-MM-DD[ HH[:MM[:SS]]]", "MMDDhhmm[[CC]YY][.SS]".

/** Milliseconds since the epoch for `text`, with missing fields taken from `now`; null when invalid. */
export function parseDate(text: string, now: number): number | null {
  const base = new Date(now);
  let y = base.getUTCFullYear();
  let mo = base.getUTCMonth() + 1;
  let d = base.getUTCDate();
  let h = base.getUTCHours();
  let mi = base.getUTCMinutes();
  // Formats without seconds keep the current ones (strptime leaves tm_sec alone).
  let s = base.getUTCSeconds();
  let m: RegExpExecArray | null;
  if ((m = /^@(-?\d+)$/.exec(text))) return Number(m[1]) * 1000;
  if ((m = /^(\d{1,2}):(\d{1,2})(?::(\d{1,2}))?$/.exec(text))) {
    [h, mi] = [Number(m[1]), Number(m[2])];
    if (m[3] !== undefined) s = Number(m[3]);
  } else if ((m = /^(?:(\d{4})\.)?(\d{1,2})\.(\d{1,2})-(\d{1,2}):(\d{1,2})(?::(\d{1,2}))?$/.exec(text))) {
    if (m[1]) y = Number(m[1]);
    [mo, d, h, mi] = [Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5])];
    if (m[6] !== undefined) s = Number(m[6]);
  } else if ((m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2})(?::(\d{1,2})(?::(\d{1,2}))?)?)?$/.exec(text))) {
    [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    [h, mi] = [Number(m[4] ?? 0), Number(m[5] ?? 0)];
    s = m[6] !== undefined ? Number(m[6]) : m[5] !== undefined ? s : 0;
  } else if ((m = /^(\d+)(?:\.(\d{2}))?$/.exec(text)) && [2, 4, 6, 8, 10, 12].includes(m[1]?.length ?? 0)) {
    // touch -t: [[[[[CC]YY]MM]DD]hh]mm[.ss]
    const f = (m[1] ?? '').match(/\d\d/g)?.map(Number) ?? [];
    mi = f.pop() ?? mi;
    if (f.length) h = f.pop() ?? h;
    if (f.length) d = f.pop() ?? d;
    if (f.length) mo = f.pop() ?? mo;
    if (f.length === 1) y = 1900 + (f[0] ?? 0) + ((f[0] ?? 0) < 69 ? 100 : 0);
    if (f.length === 2) y = (f[0] ?? 0) * 100 + (f[1] ?? 0);
    s = Number(m[2] ?? 0);
  } else return null;
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 60) return null;
  return Date.UTC(y, mo - 1, d, h, mi, s);
}
