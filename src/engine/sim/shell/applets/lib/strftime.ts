// strftime in UTC (a container without TZ), for date and stat: the glibc conversions a script is likely to use.

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const p2 = (n: number): string => String(n).padStart(2, '0');

/** Formats `ms` (since the epoch) with a strftime format, in UTC. */
export function strftime(format: string, ms: number, nanos = 0): string {
  const d = new Date(ms);
  const Y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  const day = d.getUTCDate();
  const H = d.getUTCHours();
  const M = d.getUTCMinutes();
  const S = d.getUTCSeconds();
  const w = d.getUTCDay();
  const yday = Math.floor((Date.UTC(Y, m, day) - Date.UTC(Y, 0, 1)) / 86400000);
  const conv: Record<string, () => string> = {
    a: () => (DAYS[w] ?? '').slice(0, 3),
    A: () => DAYS[w] ?? '',
    b: () => (MONTHS[m] ?? '').slice(0, 3),
    h: () => (MONTHS[m] ?? '').slice(0, 3),
    B: () => MONTHS[m] ?? '',
    c: () => `${conv.a?.()} ${conv.b?.()} ${String(day).padStart(2, ' ')} ${p2(H)}:${p2(M)}:${p2(S)} ${Y}`,
    C: () => p2(Math.floor(Y / 100)),
    d: () => p2(day),
    D: () => `${p2(m + 1)}/${p2(day)}/${p2(Y % 100)}`,
    e: () => String(day).padStart(2, ' '),
    F: () => `${Y}-${p2(m + 1)}-${p2(day)}`,
    H: () => p2(H),
    I: () => p2(H % 12 || 12),
    j: () => String(yday + 1).padStart(3, '0'),
    k: () => String(H).padStart(2, ' '),
    l: () => String(H % 12 || 12).padStart(2, ' '),
    m: () => p2(m + 1),
    M: () => p2(M),
    n: () => '\n',
    N: () => String(nanos).padStart(9, '0'),
    p: () => (H < 12 ? 'AM' : 'PM'),
    P: () => (H < 12 ? 'am' : 'pm'),
    r: () => `${p2(H % 12 || 12)}:${p2(M)}:${p2(S)} ${H < 12 ? 'AM' : 'PM'}`,
    R: () => `${p2(H)}:${p2(M)}`,
    s: () => String(Math.floor(ms / 1000)),
    S: () => p2(S),
    t: () => '\t',
    T: () => `${p2(H)}:${p2(M)}:${p2(S)}`,
    u: () => String(w || 7),
    w: () => String(w),
    x: () => `${p2(m + 1)}/${p2(day)}/${p2(Y % 100)}`,
    X: () => `${p2(H)}:${p2(M)}:${p2(S)}`,
    y: () => p2(Y % 100),
    Y: () => String(Y),
    // week numbers: %U from the first Sunday, %W from the first Monday, %V/%G/%g ISO 8601
    U: () => p2(Math.floor((yday + 7 - w) / 7)),
    W: () => p2(Math.floor((yday + 7 - ((w + 6) % 7)) / 7)),
    V: () => p2(isoWeek(Y, yday, w).week),
    G: () => String(isoWeek(Y, yday, w).year),
    g: () => p2(isoWeek(Y, yday, w).year % 100),
    z: () => '+0000',
    Z: () => 'UTC',
    '%': () => '%',
  };
  return format.replace(/%([a-zA-Z%])/g, (whole, c: string) => conv[c]?.() ?? whole);
}

// The ISO 8601 week (weeks start on Monday; week 1 holds the year's first Thursday) and its year.
function isoWeek(year: number, yday: number, wday: number): { week: number; year: number } {
  const daysIn = (y: number): number => (Date.UTC(y + 1, 0, 1) - Date.UTC(y, 0, 1)) / 86400000;
  const monday = (wday + 6) % 7;
  const week = Math.floor((yday - monday + 10) / 7);
  if (week < 1) {
    const prevYday = yday + daysIn(year - 1);
    return { week: Math.floor((prevYday - monday + 10) / 7), year: year - 1 };
  }
  if (week === 53) {
    // a week 53 whose Thursday falls in the next year is that year's week 1
    const dec31 = (monday + daysIn(year) - 1 - yday) % 7;
    if (dec31 < 3) return { week: 1, year: year + 1 };
  }
  return { week, year };
}
