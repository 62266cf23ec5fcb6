// Evaluation of the syntax tree (ash's evaltree): lists, and-or, pipelines, subshells and compound commands,
// with `set -e` applied where ash applies it. Pipelines run their stages one after the other, each in a
// subshell, passing the buffered output of one stage as the input of the next. `last` is ash's EV_EXIT: the
// command is the last thing its process does, so a subshell or program there runs in place, not in a child
// (what decides the PIDs `ps` and `$!` show).

import { ProcessBlocked } from '../process-errors.js';
import { concatBytes, toBytes } from '../io.js';
import type { Command, Redir } from './ast.js';
import { expandArgs, expandPattern, expandString } from './expand.js';
import { runSimple } from './exec-simple.js';
import { compilePattern } from './pattern.js';
import { applyRedirs, restoreFds } from './redirect.js';
import type { Shell } from './shell.js';
import { ExitSignal, LoopSignal, ReturnSignal, ShellError } from './signals.js';
import { runExitTrap, signalSelf } from './traps.js';
import { JobTable } from './jobs.js';
import { FOREVER_MS } from '../applets/lib/sleep-for.js';

/** Runs a command node and returns its status (also stored in `sh.status`). */
export function runCommand(sh: Shell, cmd: Command, tested: boolean, last = false): number {
  // A condition context reaches into the functions and subshells it runs (ash passes EV_TESTED down).
  if (tested) sh.testedDepth++;
  let status: number;
  try {
    status = evaluate(sh, cmd, tested, last);
  } finally {
    if (tested) sh.testedDepth--;
  }
  sh.status = status;
  // a signal that reached PID 1 while this command ran: its trap runs now, as ash's dotrap does after a command
  for (let arrived = sh.ctx.sleepGate?.takeSignal?.(); arrived; arrived = sh.ctx.sleepGate?.takeSignal?.()) signalSelf(sh, arrived.number, arrived.name);
  const checked = cmd.t === 'simple' || cmd.t === 'subshell' || (cmd.t === 'pipeline' && !cmd.bang);
  if (checked && status !== 0 && sh.opts.errexit && !tested && sh.testedDepth === 0) throw new ExitSignal(status);
  return status;
}

/** Runs a command in a subshell copy: exit and fatal errors end only the subshell. */
export function runSubshell(sh: Shell, cmd: Command, last = false): number {
  try {
    return sh.run(cmd, false, last);
  } catch (e) {
    if (e instanceof ExitSignal || e instanceof ShellError) return e.status;
    // `return` and `break` end the subshell they run in, not the function or loop around it (20.10:
    // `f() { (return 3); echo after $?; }` prints "after 3"; `(break)` in a loop lets it go on)
    if (e instanceof ReturnSignal) return e.status;
    if (e instanceof LoopSignal) return 0;
    throw e;
  } finally {
    runExitTrap(sh);
  }
}

function evaluate(sh: Shell, cmd: Command, tested: boolean, last: boolean): number {
  // ash evaluates a compound command with redirections as NREDIR, which drops EV_EXIT
  const lastInside = last && !('redirs' in cmd && cmd.t !== 'simple' && cmd.redirs.length > 0);
  switch (cmd.t) {
    case 'empty':
      return sh.status;
    case 'simple':
      return runSimple(sh, cmd, last);
    case 'list': {
      let status = sh.status;
      cmd.items.forEach((item, i) => {
        status = item.async ? runBackground(sh, item.cmd) : sh.run(item.cmd, tested, last && i === cmd.items.length - 1);
      });
      return status;
    }
    case 'andor': {
      const left = sh.run(cmd.left, true);
      if ((left === 0) === (cmd.op === '&&')) return sh.run(cmd.right, tested, last);
      return left;
    }
    case 'pipeline':
      return runPipeline(sh, cmd.cmds, cmd.bang);
    case 'subshell':
      return withRedirs(sh, cmd.redirs, () => {
        // the last command of a process needs no fork for its subshell: it is the process (evalsubshell)
        if (last && !sh.hasTraps()) return runSubshell(sh.fork(), cmd.body, true);
        return sh.runChild(sh.spawnChild(), (child) => runSubshell(child, cmd.body, true));
      });
    case 'group':
      return withRedirs(sh, cmd.redirs, () => sh.run(cmd.body, tested, lastInside));
    case 'if':
      return withRedirs(sh, cmd.redirs, () => {
        for (const clause of cmd.clauses) {
          if (sh.run(clause.cond, true) === 0) return sh.run(clause.body, tested, lastInside);
        }
        return cmd.elseBody ? sh.run(cmd.elseBody, tested, lastInside) : 0;
      });
    case 'loop':
      return withRedirs(sh, cmd.redirs, () => {
        const next = (): boolean => {
          sh.step();
          return (sh.run(cmd.cond, true) === 0) !== cmd.until;
        };
        return runLoop(sh, next, cmd.body, tested);
      });
    case 'for':
      return withRedirs(sh, cmd.redirs, () => {
        sh.lineno = cmd.line;
        const items = cmd.items ? expandArgs(sh, cmd.items) : [...sh.params];
        let i = 0;
        const next = (): boolean => {
          if (i >= items.length) return false;
          sh.step();
          sh.setVar(cmd.name, items[i++] ?? '');
          return true;
        };
        return runLoop(sh, next, cmd.body, tested);
      });
    case 'case':
      return withRedirs(sh, cmd.redirs, () => {
        sh.lineno = cmd.line;
        const word = expandString(sh, cmd.word);
        for (const arm of cmd.arms) {
          for (const pat of arm.patterns) {
            if (compilePattern(expandPattern(sh, pat)).test(word)) return arm.body ? sh.run(arm.body, tested, lastInside) : 0;
          }
        }
        return 0;
      });
    case 'func':
      sh.funcs.set(cmd.name, cmd);
      return 0;
  }
}

function withRedirs(sh: Shell, redirs: Redir[], body: () => number): number {
  if (redirs.length === 0) return body();
  const saved = applyRedirs(sh, redirs);
  if (!saved) return 1;
  try {
    return body();
  } finally {
    restoreFds(sh, saved);
  }
}

// while, until and for: `next` takes a step and says whether the body runs again. The status is the last
// body's, 0 when none ran or the last ended in break or continue.
function runLoop(sh: Shell, next: () => boolean, body: Command, tested: boolean): number {
  let status = 0;
  sh.loopDepth++;
  try {
    while (next()) {
      const r = runIteration(sh, body, tested);
      status = typeof r === 'number' ? r : 0;
      if (r === 'break') break;
    }
  } finally {
    sh.loopDepth--;
  }
  return status;
}

// One loop body run; break/continue signals aimed at an outer loop are passed on with one level less.
function runIteration(sh: Shell, body: Command, tested: boolean): number | 'break' | 'continue' {
  try {
    return sh.run(body, tested);
  } catch (e) {
    if (!(e instanceof LoopSignal)) throw e;
    if (e.levels > 1) {
      e.levels--;
      throw e;
    }
    return e.kind;
  }
}

function runBackground(sh: Shell, cmd: Command): number {
  const child = sh.spawnChild();
  child.background = true;
  // without job control ash gives a background job /dev/null for stdin (its own `<` still applies)
  child.fds[0] = { input: { data: new Uint8Array(0), open: false } };
  let status = 0;
  let blocked: ProcessBlocked | undefined;
  try {
    // a job that sleeps on stays in the process table: it is still there for `ps`
    status = sh.runChild(child, (c) => runSubshell(c, cmd, true));
  } catch (e) {
    if (!(e instanceof ProcessBlocked)) throw e;
    blocked = e;
  }
  const pid = child.proc && child.proc !== sh.proc ? child.proc.pid : sh.allocPid();
  sh.lastBgPid = pid;
  const jobs = (sh.jobs ??= new JobTable());
  if (!blocked) jobs.add({ pid, asleep: false, status });
  else {
    // it wakes when its sleep ends (never for tail -f or a read); a simple command has nothing after it
    const ms = blocked.reason === 'sleep' && blocked.ms !== undefined ? blocked.ms : FOREVER_MS;
    jobs.add({ pid, asleep: true, wakesAt: sh.ctx.clock.now() + ms, goesOn: cmd.t !== 'simple' });
  }
  return 0;
}

function runPipeline(sh: Shell, cmds: Command[], bang: boolean): number {
  // `! cmd` alone is ash's NNOT: no pipeline, no fork
  const [only] = cmds;
  if (cmds.length === 1 && only) {
    const status = sh.run(only, true);
    return bang ? (status === 0 ? 1 : 0) : status;
  }
  let input: Uint8Array | null = null;
  let inputOpen = false;
  let status = 0;
  let failed = 0;
  // ash forks every stage before it waits for any, so all of them are alive together
  const children = cmds.map(() => sh.spawnChild());
  try {
    cmds.forEach((cmd, i) => {
      const last = i === cmds.length - 1;
      const child = children[i] as Shell;
      if (bang) child.testedDepth++;
      if (input !== null) child.fds[0] = { input: { data: input, open: inputOpen } };
      // only a stage that keeps running leaves its pipe open: one that ended (head) closed it
      inputOpen = false;
      const chunks: Uint8Array[] = [];
      if (!last) child.fds[1] = { write: (c) => chunks.push(toBytes(c)), pipe: true };
      try {
        status = sh.runChild(child, (c) => runSubshell(c, cmd, true));
        if (status !== 0) failed = status;
      } catch (e) {
        // A stage that waits forever (tail -f, cat on an open stdin, `yes` once it has filled the pipe) hands on
        // what it wrote so far; the next stages then read an input that never ends.
        if (!(e instanceof ProcessBlocked) || last) throw e;
        inputOpen = true;
      }
      input = concatBytes(chunks);
    });
  } catch (e) {
    // a stage that failed hard takes the later ones, never started, with it (one that waits stays alive)
    if (!(e instanceof ProcessBlocked)) for (const child of children) if (child.proc && child.proc !== sh.proc) child.proc.ns.exit(child.proc.pid);
    throw e;
  }
  if (sh.opts.pipefail) status = failed;
  return bang ? (status === 0 ? 1 : 0) : status;
}
