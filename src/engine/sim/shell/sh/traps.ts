// Traps (`trap ACTION SIG`): the EXIT trap when a shell or subshell ends, and a signal a shell sent its own
// process. Runs the action through the shell (`sh.run`), so the builtins and the evaluator can both use it.

import type { Shell } from './shell.js';
import { ExitSignal, ShellError } from './signals.js';

/** Runs the EXIT trap once, if one is set. */
export function runExitTrap(sh: Shell): void {
  const action = sh.traps.get('EXIT');
  if (action === undefined) return;
  sh.traps.delete('EXIT');
  runTrapAction(sh, action, false);
}

// the default action of each signal the shell may send itself: most end the process; these do nothing
const IGNORED_BY_DEFAULT = new Set(['CHLD', 'CONT', 'URG', 'WINCH']);
const STOPPING = new Set(['STOP', 'TSTP', 'TTIN', 'TTOU']);

/**
 * A signal the shell sent its own process (`kill -INT $$`): its trap runs (ash runs it right after the
 * command); without one PID 1 ignores it, as the kernel protects a namespace's init, and any other shell dies
 * of it (status 128+N, and no EXIT trap). Returns false for a stop signal, which is not simulated.
 */
export function signalSelf(sh: Shell, number: number, name: string): boolean {
  const action = sh.traps.get(name) ?? sh.traps.get(String(number));
  if (action !== undefined && name !== 'KILL' && name !== 'STOP') {
    // unlike the EXIT trap's, an `exit` in a signal's trap ends the shell (`trap 'cleanup; exit 1' TERM`)
    runTrapAction(sh, action, true);
    return true;
  }
  if (STOPPING.has(name)) return false;
  if ((sh.proc?.pid ?? sh.pid) === 1 || IGNORED_BY_DEFAULT.has(name)) return true;
  sh.traps.clear();
  throw new ExitSignal(128 + number);
}

function runTrapAction(sh: Shell, action: string, exitEnds: boolean): void {
  if (action === '') return;
  const saved = sh.status;
  try {
    sh.run({ t: 'simple', assigns: [], words: [{ parts: [{ t: 'lit', v: 'eval', q: false }] }, { parts: [{ t: 'lit', v: action, q: true }] }], redirs: [], line: sh.lineno });
  } catch (e) {
    if (exitEnds && e instanceof ExitSignal) throw e;
    if (!(e instanceof ExitSignal || e instanceof ShellError)) throw e;
  }
  sh.status = saved;
}
