// `ps [-o COL1,COL2=HEADER] [-T]` as busybox 1.35 (Debian's build, no TIME column) prints it: one line per
// /proc/PID, columns padded to busybox's widths, the last one not padded. COMMAND is the command line, with
// `{comm} ` in front when comm is not argv[0]'s basename (a NOEXEC applet run in a forked shell) and `[comm]`
// when the command line is empty. Columns the simulator has no model for (vsz, rss) are refused plainly.

import { toText } from '../io.js';
import type { ProcessContext } from '../process.js';
import { groupName, userName } from '../users.js';
import type { Applet } from './lib/common.js';
import { getopt } from './lib/getopt.js';
import { errorMsg, perrorMsg } from './lib/common.js';

/** What ps knows of one process. */
interface PsProcess {
  pid: number;
  ppid: number;
  uid: number;
  gid: number;
  comm: string;
  /** /proc/PID/cmdline as read, NULs included */
  cmdline: string;
  /** the process reading /proc now (ps itself): running, the others asleep */
  self: boolean;
  /** session and process group: the exec's shell or PID 1 (a shell without job control keeps one group) */
  sid: number;
}

interface Column {
  name: string;
  header: string;
  width: number;
  value(p: PsProcess, ctx: ProcessContext, width: number): string;
}

// the simulator has no set-uid programs: real and effective IDs are the same
const user: Column['value'] = (p, ctx, w) => (userName(ctx.fs, p.uid) ?? String(p.uid)).slice(0, w);
const group: Column['value'] = (p, ctx, w) => (groupName(ctx.fs, p.gid) ?? String(p.gid)).slice(0, w);

// busybox's out_spec, in its order (the order of the "supported arguments" message)
const SPECS: Column[] = [
  { name: 'user', header: 'USER', width: 8, value: user },
  { name: 'group', header: 'GROUP', width: 8, value: group },
  { name: 'comm', header: 'COMMAND', width: 16, value: (p, _ctx, w) => p.comm.slice(0, w) },
  { name: 'args', header: 'COMMAND', width: 2048, value: (p, _ctx, w) => commandLine(p, w) },
  { name: 'pid', header: 'PID', width: 5, value: (p, _ctx, w) => String(p.pid).padStart(w) },
  { name: 'ppid', header: 'PPID', width: 5, value: (p, _ctx, w) => String(p.ppid).padStart(w) },
  { name: 'pgid', header: 'PGID', width: 5, value: (p, _ctx, w) => String(p.sid).padStart(w) },
  { name: 'nice', header: 'NI', width: 5, value: (_p, _ctx, w) => '0'.padStart(w) },
  { name: 'rgroup', header: 'RGROUP', width: 8, value: group },
  { name: 'ruser', header: 'RUSER', width: 8, value: user },
  { name: 'tty', header: 'TT', width: 6, value: (_p, ctx) => (ctx.tty ? '136,0' : '?') },
  { name: 'vsz', header: 'VSZ', width: 4, value: () => '' },
  { name: 'sid', header: 'SID', width: 5, value: (p, _ctx, w) => String(p.sid).padStart(w) },
  { name: 'stat', header: 'STAT', width: 4, value: (p) => (p.self ? 'R' : 'S') },
  { name: 'rss', header: 'RSS', width: 4, value: () => '' },
];
const NOT_MODELLED = new Set(['vsz', 'rss']);
const DEFAULT_O = 'pid,user,args';

/** `ps [-o COL1,COL2=HEADER]`: the container's processes from /proc */
export const ps: Applet = (ctx, argv) => {
  const o = getopt(ctx, 'ps', argv, { flags: 'ZaAdeflT', args: 'o' });
  if (typeof o === 'number') return o;
  const specs = o.list.filter(([k]) => k === 'o').map(([, v]) => String(v));
  const columns: Column[] = [];
  for (const spec of specs.length > 0 ? specs : [DEFAULT_O]) {
    const parsed = parseO(ctx, spec);
    if (typeof parsed === 'number') return parsed;
    columns.push(...parsed);
  }
  const refused = columns.find((c) => NOT_MODELLED.has(c.name));
  if (refused) {
    errorMsg(ctx, 'ps', `-o ${refused.name}: memory sizes are not simulated; run this on the real engine`);
    return 1;
  }
  let processes: PsProcess[];
  try {
    processes = scan(ctx);
  } catch (e) {
    perrorMsg(ctx, 'ps', `can't open '/proc'`, e);
    return 1;
  }
  // not a terminal: no width limit; on one, busybox's 80 columns less one
  const width = ctx.tty ? 79 : Infinity;
  let out = '';
  if (columns.some((c) => c.header !== '')) out += `${clip(row(columns.map((c) => c.header), columns), width)}\n`;
  for (const p of processes) {
    const cells = columns.map((c) => c.value(p, ctx, c.width) || '-');
    out += `${clip(row(cells, columns), width)}\n`;
  }
  ctx.stdout(out);
  return 0;
};

// parse_o: comma-separated names; the last may carry =HEADER (its width becomes the header's when not empty)
function parseO(ctx: ProcessContext, spec: string): Column[] | number {
  const columns: Column[] = [];
  let rest = spec;
  for (;;) {
    const comma = rest.indexOf(',');
    const equal = rest.indexOf('=');
    if (comma !== -1 && (equal === -1 || equal > comma)) {
      const c = find(ctx, rest.slice(0, comma));
      if (typeof c === 'number') return c;
      columns.push(c);
      rest = rest.slice(comma + 1);
      continue;
    }
    const c = find(ctx, equal === -1 ? rest : rest.slice(0, equal));
    if (typeof c === 'number') return c;
    if (equal === -1) {
      columns.push(c);
      return columns;
    }
    const after = rest.slice(equal + 1);
    const nextComma = after.indexOf(',');
    const header = nextComma === -1 ? after : after.slice(0, nextComma);
    columns.push({ ...c, header, width: header ? header.length : c.width });
    if (nextComma === -1) return columns;
    rest = after.slice(nextComma + 1);
  }
}

// busybox compares names as strncmp(name, name6, 6) against NUL-padded six-character names
function find(ctx: ProcessContext, name: string): Column | number {
  const six = (n: string) => n.padEnd(6, '\0').slice(0, 6);
  const spec = SPECS.find((s) => six(s.name) === six(name));
  if (spec) return spec;
  errorMsg(ctx, 'ps', `bad -o argument '${name}', supported arguments: ${SPECS.map((s) => s.name).join(',')}`);
  return 1;
}

function row(cells: string[], columns: Column[]): string {
  return cells.map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd((columns[i]?.width ?? 0)) + ' ')).join('');
}

function clip(line: string, width: number): string {
  return width === Infinity ? line : line.slice(0, width);
}

// read_cmdline: control characters (the NULs between arguments) become spaces; `{comm} ` goes in front when
// comm is not a prefix of argv[0]'s basename; an empty command line shows as [comm]
function commandLine(p: PsProcess, width: number): string {
  const raw = p.cmdline.replace(/\0+$/, '');
  if (raw === '') return `[${p.comm}]`.slice(0, width);
  const argv0 = raw.split('\0')[0]?.split(' ')[0] ?? '';
  let base = argv0.slice(argv0.lastIndexOf('/') + 1);
  if (base.startsWith('-')) base = base.slice(1);
  const text = raw.replace(/[\x00-\x1f]/g, ' ');
  return (base.startsWith(p.comm) ? text : `{${p.comm}} ${text}`).slice(0, width);
}

// procps_scan over /proc: the owner of /proc/PID is the process's user; PPid comes from status
function scan(ctx: ProcessContext): PsProcess[] {
  const self = ctx.fs.lstat('/proc/self')?.target;
  const pids = ctx.fs.readdir('/proc').filter((n) => /^\d+$/.test(n)).map(Number).sort((a, b) => a - b);
  const found: PsProcess[] = [];
  for (const pid of pids) {
    const dir = ctx.fs.stat(`/proc/${pid}`);
    if (!dir) continue;
    const read = (f: string): string => {
      try {
        return toText(ctx.fs.readFile(`/proc/${pid}/${f}`));
      } catch {
        return '';
      }
    };
    const status = read('status');
    const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? 0);
    const ppid = field('PPid');
    found.push({ pid, ppid, uid: dir.uid, gid: dir.gid, comm: read('comm').replace(/\n$/, ''), cmdline: read('cmdline'), self: String(pid) === self, sid: 0 });
  }
  // a process's session is its oldest ancestor inside the container
  const byPid = new Map(found.map((p) => [p.pid, p]));
  for (const p of found) {
    let top = p;
    for (let up = byPid.get(top.ppid); up; up = byPid.get(top.ppid)) top = up;
    p.sid = top.pid;
  }
  return found;
}

/** `ps --help` (busybox 1.35's text, recorded from the real binary; the banner line is printed before it). */
export const psUsage =
  "\nUsage: ps [-o COL1,COL2=HEADER] [-T]\n\nShow list of processes\n\n\t-o COL1,COL2=HEADER\tSelect columns for display\n\t-T\t\t\tShow threads\n";
