// `wait [PID|%JOB]...` (ash's waitcmd): waits for background jobs. A job asleep in a sleep (`sleep 1000 &`)
// ends when that sleep does, so `wait` sleeps until then, through the main process's gate: the container keeps
// running meanwhile, and a signal with a trap (docker stop, docker kill -s) cuts the wait short, the trap runs
// and wait returns 128+N, as in ash. A job that would go on after its sleep (`(sleep 1; touch f) &`) is not
// simulated, and wait says so.

import { sleepFor } from '../../applets/lib/sleep-for.js';
import { JobTable, type AsleepJob, type Job } from '../jobs.js';
import type { Shell } from '../shell.js';
import { nextopt } from './nextopt.js';

/** Runs `wait`; its status. */
export function waitBuiltin(sh: Shell, argv: string[]): number {
  const first = nextopt(sh, argv, 'wait', '', () => undefined);
  const args = argv.slice(first);
  const jobs = sh.jobs;
  if (args.length === 0) {
    for (const job of jobs?.asleep() ?? []) {
      const cut = waitFor(sh, job);
      if (cut !== null) return cut;
    }
    jobs?.waitedAll();
    return 0;
  }
  let status = 127;
  for (const arg of args) {
    let job: Job | undefined;
    if (arg.startsWith('%')) {
      const found = (jobs ?? new JobTable()).bySpec(arg);
      if (typeof found === 'string') sh.raise(found, 'wait');
      job = found;
    } else {
      if (!/^[0-9]+$/.test(arg)) sh.raise(`Illegal number: ${arg}`, 'wait');
      job = jobs?.byPid(Number(arg));
      // not a child of this shell: skipped, the status stays what it was (127 when nothing was found yet)
      if (!job) continue;
    }
    if (job.asleep) {
      const cut = waitFor(sh, job);
      if (cut !== null) return cut;
    }
    const ended = jobs?.byPid(job.pid) ?? job;
    status = ended.asleep ? 0 : ended.status;
    jobs?.waited(ended);
  }
  return status;
}

/** Sleeps until `job` wakes; null when it did (it then ended, status 0), or 128+N when a trapped signal cut in. */
function waitFor(sh: Shell, job: AsleepJob): number | null {
  const ctx = sh.childContext(sh.environment());
  if (job.goesOn) {
    sh.err(`sh: wait: drydock: a background job that sleeps and then goes on (PID ${job.pid}) is not simulated here; use --engine docker\n`);
    sh.jobs?.ended(job, 127);
    return null;
  }
  // a signal the shell traps ends the wait early (ash's blocking_dowait_with_raise_on_sig)
  const trapped = (s: { number: number; name: string }): boolean => sh.traps.has(s.name) || sh.traps.has(String(s.number));
  const cut = sleepFor(ctx, Math.max(job.wakesAt - ctx.clock.now(), 0), trapped);
  if (cut !== null) return 128 + cut.number;
  sh.jobs?.ended(job, 0);
  return null;
}
