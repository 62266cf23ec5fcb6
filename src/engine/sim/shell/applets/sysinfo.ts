// Applets that report on the process and the system: id, whoami, groups, hostname, uname, arch, nproc, tty,
// logname, date, sleep/usleep, true/false, pwd, sync, mount/umount (refused: a container lacks CAP_SYS_ADMIN).

import { FsError } from '../../fs/vfs.js';
import { DEFAULT_KERNEL } from '../process.js';
import type { ProcessContext } from '../process.js';
import { ProcessBlocked } from '../process-errors.js';
import { groupEntries, groupName, passwdEntries, userName } from '../users.js';
import type { Applet } from './lib/common.js';
import { parseDate } from './lib/date-parse.js';
import { getopt } from './lib/getopt.js';
import { strftime } from './lib/strftime.js';
import { showUsage } from './lib/usage.js';
import { errorMsg } from './lib/common.js';

/** The number of CPUs `nproc` reports when the context does not say. */
export const DEFAULT_CPUS = 2;

/** `id [-ugGnr] [USER]` */
export const id: Applet = (ctx, argv) => idAs(ctx, argv, 'id');

// groups is id -Gn inside busybox, with its own applet name in the messages.
function idAs(ctx: ProcessContext, argv: string[], applet: string): number {
  const o = getopt(ctx, 'id', argv, { flags: 'ugGnrZ' });
  if (typeof o === 'number') return o;
  const picks = ['u', 'g', 'G'].filter((f) => o.has(f));
  if (picks.length > 1 || ((o.has('n') || o.has('r')) && picks.length === 0)) return showUsage(ctx, 'id');
  let uid = ctx.uid;
  let gid = ctx.gid;
  let groups = ctx.groups ?? [ctx.gid];
  const user = o.operands[0];
  if (user !== undefined) {
    const e = passwdEntries(ctx.fs).find((p) => p.name === user) ?? (/^\d+$/.test(user) ? undefined : undefined);
    if (!e) {
      errorMsg(ctx, applet, `unknown user ${user}`);
      return 1;
    }
    uid = e.uid;
    gid = e.gid;
    groups = [gid, ...groupEntries(ctx.fs).filter((g) => g.members.includes(user) && g.gid !== e.gid).map((g) => g.gid)];
  }
  const uname = userName(ctx.fs, uid);
  const gname = (g: number): string | undefined => groupName(ctx.fs, g);
  let status = 0;
  if (picks.length === 1) {
    const values = picks[0] === 'u' ? [uid] : picks[0] === 'g' ? [gid] : groups;
    if (o.has('n')) {
      const names: string[] = [];
      for (const v of values) {
        const n = picks[0] === 'u' ? userName(ctx.fs, v) : gname(v);
        if (n === undefined) status = 1;
        names.push(n ?? String(v));
        if (n === undefined) errorMsg(ctx, applet, `unknown ID ${v}`);
      }
      ctx.stdout(`${names.join(' ')}\n`);
      return status;
    } else ctx.stdout(`${values.join(' ')}\n`);
    return 0;
  }
  const fmt = (n: number, name: string | undefined): string => (name === undefined ? String(n) : `${n}(${name})`);
  let line = `uid=${fmt(uid, uname)} gid=${fmt(gid, gname(gid))}`;
  if (groups.length > 0) line += ` groups=${groups.map((g) => fmt(g, gname(g))).join(',')}`;
  ctx.stdout(`${line}\n`);
  return 0;
}

/** `whoami` */
export const whoami: Applet = (ctx) => {
  const name = userName(ctx.fs, ctx.uid);
  if (name === undefined) {
    errorMsg(ctx, 'whoami', `unknown uid ${ctx.uid}`);
    return 1;
  }
  ctx.stdout(`${name}\n`);
  return 0;
};

/** `groups [USER]` */
export const groups: Applet = (ctx, argv) => idAs(ctx, argv.length > 1 ? ['id', '-Gn', ...argv.slice(1)] : ['id', '-Gn'], 'groups');

/** `hostname [-s] [NAME]`: setting the name needs CAP_SYS_ADMIN, which a container lacks. */
export const hostname: Applet = (ctx, argv) => {
  const o = getopt(ctx, 'hostname', argv, { flags: 'sidfv', args: 'F' });
  if (typeof o === 'number') return o;
  if (o.operands.length > 0 || o.has('F')) {
    ctx.stderr('hostname: sethostname: Operation not permitted\n');
    return 1;
  }
  const name = o.has('s') ? (ctx.hostname.split('.')[0] ?? '') : ctx.hostname;
  ctx.stdout(`${name}\n`);
  return 0;
};

/** `uname [-amnrspvio]` */
export const uname: Applet = (ctx, argv) => {
  const o = getopt(ctx, 'uname', argv, { flags: 'amnrspvio', long: { all: { key: 'a' } } });
  if (typeof o === 'number') return o;
  const fields: [string, string][] = [
    ['s', 'Linux'],
    ['n', ctx.hostname],
    ['r', ctx.kernel ?? DEFAULT_KERNEL],
    ['v', '#1 SMP PREEMPT_DYNAMIC @0'],
    ['m', 'x86_64'],
    ['p', 'unknown'],
    ['i', 'unknown'],
    ['o', 'GNU/Linux'],
  ];
  const all = o.has('a');
  let chosen = fields.filter(([k]) => (all ? k !== 'p' && k !== 'i' : o.has(k)));
  if (chosen.length === 0) chosen = [fields[0] ?? ['s', 'Linux']];
  ctx.stdout(`${chosen.map(([, v]) => v).join(' ')}\n`);
  return 0;
};

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

/** Parses busybox sleep durations ("1.5", "2m", "1d"); null when invalid. */
export function parseDuration(s: string): number | null {
  const m = /^(\d+(?:\.\d*)?|\.\d+)([smhd]?)$/.exec(s);
  if (!m) return null;
  const unit: Record<string, number> = { '': 1, s: 1, m: 60, h: 3600, d: 86400 };
  return Number(m[1]) * (unit[m[2] ?? ''] ?? 1) * 1000;
}

/** Waits `ms` of virtual time; a main (or background) process would still be waiting: ProcessBlocked. */
export function sleepFor(ctx: ProcessContext, ms: number): void {
  if (ms <= 0) return;
  // the main process's sleeps go through its gate; a background job's sleep still never ends for its shell
  if (ctx.sleepGate && ctx.mode === 'main' && !ctx.background) return ctx.sleepGate.sleep(ms);
  const waited = ctx.mode === 'main' && !ctx.background && ctx.waitLimitMs !== undefined && ms <= ctx.waitLimitMs;
  if (!waited && (ctx.mode === 'main' || ctx.background)) throw new ProcessBlocked('sleep', ms);
  ctx.clock.advance(ms);
}

/** `sleep N[smhd]...` */
export const sleep: Applet = (ctx, argv) => {
  const args = argv.slice(1);
  if (args.length === 0) return showUsage(ctx, 'sleep');
  let total = 0;
  for (const a of args) {
    const ms = parseDuration(a);
    if (ms === null) {
      errorMsg(ctx, 'sleep', `invalid number '${a}'`);
      return 1;
    }
    total += ms;
  }
  sleepFor(ctx, total);
  return 0;
};

/** `usleep N` (microseconds) */
export const usleep: Applet = (ctx, argv) => {
  const n = argv[1];
  if (n === undefined) return showUsage(ctx, 'usleep');
  if (!/^\d+$/.test(n)) {
    errorMsg(ctx, 'usleep', `invalid number '${n}'`);
    return 1;
  }
  sleepFor(ctx, Number(n) / 1000);
  return 0;
};

/** `mount [ARGS]`: lists /proc/mounts; mounting needs CAP_SYS_ADMIN. */
export const mount: Applet = (ctx, argv) => {
  if (argv.length <= 1) {
    try {
      ctx.stdout(ctx.fs.readFile('/proc/mounts'));
      return 0;
    } catch (e) {
      if (!(e instanceof FsError)) throw e;
      ctx.stderr('mount: no /proc/mounts\n');
      return 1;
    }
  }
  ctx.stderr('mount: permission denied (are you root?)\n');
  return 1;
};

/** `umount DIR`: needs CAP_SYS_ADMIN. */
export const umount: Applet = (ctx, argv) => {
  const o = getopt(ctx, 'umount', argv, { flags: 'rlfdani', args: 't' });
  if (typeof o === 'number') return o;
  const target = o.operands[0];
  if (target === undefined) return showUsage(ctx, 'umount');
  const exists = ctx.fs.stat(target);
  errorMsg(ctx, 'umount', `can't unmount ${target}: ${exists ? 'Operation not permitted' : 'No such file or directory'}`);
  return 1;
};

/** arch, nproc, tty, logname, true, false, sync, pwd. */
export const SMALL_APPLETS: [string, Applet][] = [
  ['arch', (ctx) => (ctx.stdout('x86_64\n'), 0)],
  ['nproc', (ctx) => (ctx.stdout(`${ctx.cpus ?? DEFAULT_CPUS}\n`), 0)],
  ['tty', (ctx, argv) => {
    if (!argv.includes('-s')) ctx.stdout(ctx.tty ? '/dev/pts/0\n' : 'not a tty\n');
    return ctx.tty ? 0 : 1;
  }],
  ['logname', (ctx) => (ctx.stderr('logname: getlogin: Inappropriate ioctl for device\n'), 1)],
  ['true', () => 0],
  ['false', () => 1],
  ['sync', () => 0],
  ['pwd', (ctx) => (ctx.stdout(`${ctx.env.get('PWD') === ctx.cwd ? ctx.cwd : ctx.cwd}\n`), 0)],
];
