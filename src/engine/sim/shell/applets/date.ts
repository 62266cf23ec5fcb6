// busybox date: the virtual clock, +FORMAT, -d/-s dates, -u, -r FILE, -I[SPEC], -R.

import type { Applet } from './lib/common.js';
import { parseDate } from './lib/date-parse.js';
import { getopt } from './lib/getopt.js';
import { strftime } from './lib/strftime.js';
import { showUsage } from './lib/usage.js';
import { errorMsg } from './lib/common.js';

const ISO_FORMATS: Record<string, string> = {
  date: '%Y-%m-%d',
  hours: '%Y-%m-%dT%H+00:00',
  minutes: '%Y-%m-%dT%H:%M+00:00',
  seconds: '%Y-%m-%dT%H:%M:%S+00:00',
  ns: '%Y-%m-%dT%H:%M:%S,%N+00:00',
};

/** `date [OPTIONS] [+FMT] [TIME]` */
export const date: Applet = (ctx, argv) => {
  // -I takes an optional attached SPEC (-Iseconds, --iso-8601=ns); getopt sees a bare -I
  let isoSpec = 'date';
  const args = argv.map((a, i) => {
    const m = i > 0 ? /^(?:-I|--iso-8601=)(.+)$/.exec(a) : null;
    if (!m) return a;
    isoSpec = m[1] ?? '';
    return '-I';
  });
  const isoFormat = ISO_FORMATS[isoSpec];
  if (isoFormat === undefined) return showUsage(ctx, 'date');
  const o = getopt(ctx, 'date', args, {
    flags: 'uRI',
    args: 'dsrD',
    long: { date: { key: 'd', arg: true }, set: { key: 's', arg: true }, reference: { key: 'r', arg: true }, utc: { key: 'u' }, 'rfc-2822': { key: 'R' }, 'iso-8601': { key: 'I' } },
  });
  if (typeof o === 'number') return o;
  let format: string | undefined;
  const rest = [...o.operands];
  if (rest[0]?.startsWith('+')) format = rest.shift()?.slice(1);
  if (rest.length > 0) {
    errorMsg(ctx, 'date', `invalid date '${rest[0] ?? ''}'`);
    return 1;
  }
  let t = ctx.clock.now();
  const set = o.value('s');
  const given = o.value('d') ?? set;
  if (o.value('r') !== undefined) {
    const st = ctx.fs.stat(o.value('r') ?? '');
    if (!st) {
      errorMsg(ctx, 'date', `can't stat '${o.value('r') ?? ''}': No such file or directory`);
      return 1;
    }
    t = st.mtime;
  }
  if (given !== undefined) {
    const parsed = parseDate(given, t);
    if (parsed === null) {
      errorMsg(ctx, 'date', `invalid date '${given}'`);
      return 1;
    }
    t = parsed;
  }
  if (set !== undefined) {
    ctx.stderr("date: can't set date: Operation not permitted\n");
    return 1;
  }
  if (format === undefined) format = o.has('R') ? '%a, %d %b %Y %H:%M:%S %z' : o.has('I') ? isoFormat : '%a %b %e %H:%M:%S %Z %Y';
  ctx.stdout(`${strftime(format, t)}\n`);
  return 0;
};

/** `date --help` (busybox 1.35's text, recorded from the real binary; the banner line is printed before it). */
export const dateUsage =
  "\nUsage: date [OPTIONS] [+FMT] [[-s] TIME]\n\nDisplay time (using +FMT), or set time\n\n\t-u\t\tWork in UTC (don't convert to local time)\n\t[-s] TIME\tSet time to TIME\n\t-d TIME\t\tDisplay TIME, not 'now'\n\t-D FMT\t\tFMT (strptime format) for -s/-d TIME conversion\n\t-r FILE\t\tDisplay last modification time of FILE\n\t-R\t\tOutput RFC-2822 date\n\t-I[SPEC]\tOutput ISO-8601 date\n\t\t\tSPEC=date (default), hours, minutes, seconds or ns\n\nRecognized TIME formats:\n\t@seconds_since_1970\n\thh:mm[:ss]\n\t[YYYY.]MM.DD-hh:mm[:ss]\n\tYYYY-MM-DD hh:mm[:ss]\n\t[[[[[YY]YY]MM]DD]hh]mm[.ss]\n\t'date TIME' form accepts MMDDhhmm[[YY]YY][.ss] instead\n";
