// `docker top`: the daemon runs `ps -ef` on the host and keeps the container's processes. The simulator tracks
// no process tree, so it answers only where the tree is known to be the main process alone: a program that
// keeps running without starting others (sleep, tail -f, cat on an open stdin, a shell reading its stdin).
// Anything else (a shell script, whose children the simulator does not track) is refused plainly.

import { basename, resolvePath } from '../fs/path.js';
import { searchPath } from '../shell/resolve-executable.js';
import { sniffExecutable } from '../shell/sniff-executable.js';
import type { Container } from './container.js';
import { resolveUser } from './process-runner.js';

/** What the 20.10 daemon answers for `top` without ps options. */
export interface TopTable {
  titles: string[];
  processes: string[][];
}

const TITLES = ['UID', 'PID', 'PPID', 'C', 'STIME', 'TTY', 'TIME', 'CMD'];

/** Programs that, as a main process still running, have no child processes. */
const LEAVES = new Set(['sleep', 'usleep', 'tail', 'cat']);
const SHELLS = new Set(['sh', 'ash', 'bash', 'hush', 'dash']);

/** The gap between the containerd shim's host PID and the container's (measured 27573 → 27594 on 20.10). */
const SHIM_PID_GAP = 21;

const DAY_MS = 86_400_000;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The process table of a running container, or why the simulator cannot tell it. */
export function topTable(c: Container, now: number): TopTable | { notSimulated: string } {
  const argv = [c.path, ...c.args];
  const program = programName(c, argv);
  const alone = program !== null && (LEAVES.has(program) || (SHELLS.has(program) && argv.length === 1));
  if (!alone) {
    return {
      notSimulated: `its main process (${argv.join(' ')}) may have child processes, which the simulator does not track`,
    };
  }
  const uid = safeUid(c);
  const started = c.state.startedAt ?? now;
  const row = [
    uid === 0 ? 'root' : String(uid),
    String(c.state.pid),
    String(c.state.pid - SHIM_PID_GAP),
    '0',
    stime(started, now),
    c.config.Tty ? 'pts/0' : '?',
    '00:00:00',
    argv.join(' '),
  ];
  return { titles: TITLES, processes: [row] };
}

/** The busybox applet (or null for anything else) that argv runs, found as runc finds it. */
function programName(c: Container, argv: string[]): string | null {
  const argv0 = argv[0] ?? '';
  const env = c.config.Env ?? [];
  const pathVar = env.find((e) => e.startsWith('PATH='))?.slice(5) ?? '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
  const cwd = c.config.WorkingDir || '/';
  const path = argv0.includes('/') ? argv0 : searchPath(c.fs, cwd, pathVar, argv0, true);
  if (path === undefined || sniffExecutable(c.fs, resolvePath(cwd, path)).kind !== 'busybox') return null;
  const name = basename(argv0);
  return name === 'busybox' ? (argv[1] ?? null) : name;
}

function safeUid(c: Container): number {
  try {
    return resolveUser(c.fs, c.config.User).uid;
  } catch {
    return 0; // the process started, so its user resolved then; the files may have changed since
  }
}

/** ps's STIME: the time of day within a day, else month and day. */
function stime(started: number, now: number): string {
  const d = new Date(started);
  if (now - started < DAY_MS) return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
  return `${MONTHS[d.getUTCMonth()] ?? ''}${pad(d.getUTCDate())}`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
