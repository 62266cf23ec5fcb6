// `docker top`: the daemon runs `ps -ef` on the host and keeps the container's processes, so PIDs are host
// PIDs. The simulator lists the processes alive in the container's PID namespace (its main process and, where
// that is asleep inside a script, the children it waits for), numbered from the host PID of the main process.

import type { Container } from './container.js';
import type { ProcessEntry } from '../shell/pid-namespace.js';
import { strftime } from '../shell/applets/lib/strftime.js';

/** What the 20.10 daemon answers for `top` without ps options. */
export interface TopTable {
  titles: string[];
  processes: string[][];
}

const TITLES = ['UID', 'PID', 'PPID', 'C', 'STIME', 'TTY', 'TIME', 'CMD'];

/** The gap between the containerd shim's host PID and the container's (measured 27573 → 27594 on 20.10). */
const SHIM_PID_GAP = 21;

const DAY_MS = 86_400_000;

/** The process table of a running container, or why the simulator cannot tell it. */
export function topTable(c: Container, now: number): TopTable | { notSimulated: string } {
  const processes = c.procs.list();
  // a state directory written before processes were tracked knows no process of a running container
  if (processes.length === 0) return { notSimulated: 'this container was started by an older drydock, which kept no process table' };
  const started = c.state.startedAt ?? now;
  // host PIDs: the main process's is State.Pid; the others follow it in the order the namespace gave them
  const host = (pid: number) => String(c.state.pid + pid - 1);
  const rows = processes.map((p) => [
    user(p),
    host(p.pid),
    // PID 1 and exec'd processes have their parent outside the namespace: the containerd shim
    p.ppid === 0 ? String(c.state.pid - SHIM_PID_GAP) : host(p.ppid),
    '0',
    stime(started, now),
    c.config.Tty ? 'pts/0' : '?',
    '00:00:00',
    commandOf(p),
  ]);
  return { titles: TITLES, processes: rows };
}

// ps -ef runs on the host and names users from the host's passwd, where only root is sure to exist
function user(p: ProcessEntry): string {
  return p.uid === 0 ? 'root' : String(p.uid);
}

// procps's CMD: the command line, or [comm] when it is empty
function commandOf(p: ProcessEntry): string {
  return p.argv.length > 0 ? p.argv.join(' ') : `[${p.comm}]`;
}

/** ps's STIME: the time of day within a day, else month and day. */
function stime(started: number, now: number): string {
  return strftime(now - started < DAY_MS ? '%H:%M' : '%b%d', started);
}
