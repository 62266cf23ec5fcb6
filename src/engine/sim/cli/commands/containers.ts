// The container commands other than run/create and the listings: start, stop, restart, kill, rm, pause,
// unpause, exec, logs, rename, wait, diff, port, attach, top — each with the 20.10 client's output and error
// framing (docker-reference.md 3.1, 3.3, 3.10).

import { parseDaemonSignal } from '../../container/signals.js';
import type { Daemon } from '../../daemon.js';
import { DaemonError } from '../../daemon-error.js';
import { isRunning, type Container } from '../../container/container.js';
import {
  execInContainer,
  killContainer,
  pauseContainer,
  removeContainer,
  renameContainer,
  startContainer,
  stopContainer,
  unpauseContainer,
} from '../../container/lifecycle.js';
import { waitForExit } from '../../container/settle.js';
import { topTable } from '../../container/top.js';
import { rfc3339Seconds } from '../format/display.js';
import { DOCKER_TABLE, tabulate } from '../format/tabwriter.js';
import { flagBool, flagList, flagNumber, flagString, Output, type CommandContext, type ParsedCommand } from '../command-io.js';

/** Runs `fn` for each argument, printing the argument on success, as the multi-container commands do. */
function eachContainer(
  daemon: Daemon,
  cmd: ParsedCommand,
  out: Output,
  fn: (c: Container, ref: string) => void,
  notFound: (ref: string) => void = (ref) => out.daemon(`No such container: ${ref}`),
): Output {
  for (const ref of cmd.args) {
    let c: Container | undefined;
    try {
      c = daemon.findContainer(ref);
    } catch (error) {
      if (error instanceof DaemonError) {
        out.daemon(error.message);
        continue;
      }
      throw error;
    }
    if (!c) {
      notFound(ref);
      continue;
    }
    try {
      fn(c, ref);
      out.out(`${ref}\n`);
    } catch (error) {
      if (!(error instanceof DaemonError)) throw error;
      out.daemon(error.message);
    }
  }
  return out;
}

/** `docker start` (with -a: attach to the output). */
export function start(daemon: Daemon, cmd: ParsedCommand): Output {
  const out = new Output();
  const failed: string[] = [];
  const attach = flagBool(cmd, 'attach');
  // docker/cli refuses before asking the daemon anything: one attached stream per command
  if ((attach || flagBool(cmd, 'interactive')) && cmd.args.length > 1) {
    return out.err('you cannot start and attach multiple containers at once\n', 1);
  }
  for (const ref of cmd.args) {
    const c = daemon.findContainer(ref);
    if (!c) {
      out.daemon(`No such container: ${ref}`, 1);
      failed.push(ref);
      continue;
    }
    if (c.state.status === 'paused') {
      out.daemon('cannot start a paused container, try unpause instead');
      failed.push(ref);
      continue;
    }
    const result = startContainer(daemon, c, attach);
    if (result.outcome.kind === 'start-failed') {
      const message = result.outcome.by === 'daemon'
        ? result.outcome.message
        : `failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: ${result.outcome.message}: unknown`;
      if (attach) {
        out.err(`time="${rfc3339Seconds(daemon.clock.now())}" level=error msg="error waiting for container: context canceled"\n`, 1);
        out.daemon(message);
        return out;
      }
      out.daemon(message);
      failed.push(ref);
      continue;
    }
    if (attach) {
      out.out(result.stdout).err(result.stderr, 0);
      out.exitCode = c.state.status === 'exited' ? c.state.exitCode : 0;
      return out;
    }
    out.out(`${ref}\n`);
  }
  if (failed.length) out.local(`failed to start containers: ${failed.join(', ')}`);
  return out;
}

/** `docker stop`. */
export function stop(daemon: Daemon, cmd: ParsedCommand): Output {
  const timeout = cmd.flagsSet.has('time') ? flagNumber(cmd, 'time') : undefined;
  return eachContainer(daemon, cmd, new Output(), (c) => stopContainer(daemon, c, timeout));
}

/** `docker restart`: stop (when running), then start. */
export function restart(daemon: Daemon, cmd: ParsedCommand): Output {
  const out = new Output();
  const timeout = cmd.flagsSet.has('time') ? flagNumber(cmd, 'time') : undefined;
  return eachContainer(daemon, cmd, out, (c) => {
    stopContainer(daemon, c, timeout);
    const r = startContainer(daemon, c);
    if (r.outcome.kind === 'start-failed') throw new DaemonError(`Cannot restart container ${c.name}: ${r.outcome.message}`);
  });
}

/** `docker kill`. */
export function kill(daemon: Daemon, cmd: ParsedCommand): Output {
  const out = new Output();
  // the route parses the signal before it looks for the container, once per container named
  const parsed = parseDaemonSignal(flagString(cmd, 'signal') ?? '');
  if ('error' in parsed) {
    for (let i = 0; i < cmd.args.length; i++) out.daemon(parsed.error);
    return out;
  }
  return eachContainer(daemon, cmd, out, (c, ref) => killContainer(daemon, c, ref, parsed.signal), (ref) =>
    out.daemon(`Cannot kill container: ${ref}: No such container: ${ref}`),
  );
}

/** `docker pause`. */
export function pause(daemon: Daemon, cmd: ParsedCommand): Output {
  return eachContainer(daemon, cmd, new Output(), (c) => pauseContainer(c));
}

/** `docker unpause`. */
export function unpause(daemon: Daemon, cmd: ParsedCommand): Output {
  return eachContainer(daemon, cmd, new Output(), (c) => unpauseContainer(c, daemon.clock.peek()));
}

/** `docker rm`: missing containers print "Error: No such container" (exit 0 with -f). */
export function rm(daemon: Daemon, cmd: ParsedCommand): Output {
  const out = new Output();
  const force = flagBool(cmd, 'force');
  let missing = false;
  eachContainer(
    daemon,
    cmd,
    out,
    (c) => removeContainer(daemon, c, force, flagBool(cmd, 'volumes')),
    (ref) => {
      out.err(`Error: No such container: ${ref}\n`, 0);
      missing = true;
    },
  );
  if (missing && !force) out.exitCode = 1;
  return out;
}

/** `docker rename`. */
export function rename(daemon: Daemon, cmd: ParsedCommand): Output {
  const out = new Output();
  // the client trims both names and refuses empty ones itself (container/rename.go)
  const from = (cmd.args[0] ?? '').trim();
  const to = (cmd.args[1] ?? '').trim();
  if (from === '' || to === '') return out.err('Error: Neither old nor new names may be empty\n', 1);
  try {
    // the daemon names containers with a leading "/", which its "Invalid container name" text shows
    renameContainer(daemon, daemon.container(from), to.startsWith('/') ? to : `/${to}`);
  } catch (error) {
    if (!(error instanceof DaemonError)) throw error;
    out.daemon(error.message);
    out.local(`failed to rename container named ${from}`);
  }
  return out;
}

/** `docker exec`. */
export function exec(daemon: Daemon, cmd: ParsedCommand, ctx: CommandContext): Output {
  const out = new Output();
  const [ref = '', ...argv] = cmd.args;
  const c = daemon.findContainer(ref);
  if (!c) return out.local(`No such container: ${ref}`);
  const detach = flagBool(cmd, 'detach');
  if (!detach && flagBool(cmd, 'interactive') && flagBool(cmd, 'tty')) return out.err('the input device is not a TTY\n', 1);
  try {
    const result = execInContainer(daemon, c, {
      detach,
      stdinOpen: detach && flagBool(cmd, 'interactive'),
      argv,
      // `-e NAME` takes NAME from the client's environment, and is dropped when it is not set there (as for run)
      env: flagList(cmd, 'env').flatMap((e) => (e.includes('=') ? [e] : ctx.env.has(e) ? [`${e}=${ctx.env.get(e) ?? ''}`] : [])),
      workdir: flagString(cmd, 'workdir') ?? null,
      user: flagString(cmd, 'user') ?? null,
      tty: flagBool(cmd, 'tty'),
      stdin: flagBool(cmd, 'interactive') && !detach ? ctx.stdin : new Uint8Array(0),
    });
    const o = result.outcome;
    // detached: the client prints nothing and does not wait; only a process that cannot start is reported
    if (detach && o.kind === 'start-failed') {
      return out.daemon(o.by === 'daemon' ? o.message : `OCI runtime exec failed: exec failed: unable to start container process: ${o.message}: unknown`);
    }
    if (detach) return out;
    // the daemon's own refusal (an unknown user) reaches the client as the exec's output, CRLF, exit 126
    if (o.kind === 'start-failed' && o.by === 'daemon') return out.out(`${o.message}\r\n`).err('', 126);
    if (o.kind === 'start-failed') {
      // runc's exec error goes to stdout with a CRLF, exit 126, as the 20.10 client prints it.
      return out.out(`OCI runtime exec failed: exec failed: unable to start container process: ${o.message}: unknown\r\n`).err('', 126);
    }
    out.out(result.stdout).err(result.stderr, 0);
    if (o.kind === 'exited') out.exitCode = o.exitCode;
    else if (o.kind === 'budget') out.err(`drydock: the exec ${o.what}\n`, 137);
    else out.err(`drydock: docker exec ${argv.join(' ')} keeps running; it would not return on a real engine either\n`, 124);
    return out;
  } catch (error) {
    if (error instanceof DaemonError) return out.daemon(error.message);
    throw error;
  }
}

/** `docker logs`: the json-file driver keeps one message per line, which --tail counts and -t stamps. */
export function logs(daemon: Daemon, cmd: ParsedCommand): Output {
  const out = new Output();
  const ref = cmd.args[0] ?? '';
  const c = daemon.findContainer(ref);
  if (!c) return out.local(`No such container: ${ref}`);
  const tail = flagString(cmd, 'tail');
  let lines = logLines(c.logs);
  if (tail !== undefined && tail !== 'all') {
    const n = Number(tail);
    lines = n === 0 ? [] : lines.slice(-n);
  }
  // the simulator keeps no time per message: they are stamped with the start of the container's process
  const stamp = flagBool(cmd, 'timestamps') ? `${rfc3339NanoFixed(c.state.startedAt ?? c.created)} ` : '';
  const details = flagBool(cmd, 'details') ? ' ' : '';
  for (const line of lines) {
    const text = `${stamp}${details}${line.text}`;
    if (line.stream === 'stdout' || c.config.Tty) out.out(text);
    else out.err(text, 0);
  }
  return out;
}

type LogLine = { stream: 'stdout' | 'stderr'; text: string };

/**
 * The json-file driver's messages: each stream's copier holds a partial line until its newline arrives, so a
 * line written in pieces (busybox sh writes an error's text, then its "\n") is one message (fuzz:diff seed 2602).
 */
function logLines(chunks: readonly LogLine[]): LogLine[] {
  const lines: LogLine[] = [];
  const partial: Record<LogLine['stream'], string> = { stdout: '', stderr: '' };
  for (const chunk of chunks) {
    for (const piece of chunk.text.split(/(?<=\n)/)) {
      if (!piece) continue;
      if (!piece.endsWith('\n')) partial[chunk.stream] += piece;
      else {
        lines.push({ stream: chunk.stream, text: partial[chunk.stream] + piece });
        partial[chunk.stream] = '';
      }
    }
  }
  for (const stream of ['stdout', 'stderr'] as const) if (partial[stream]) lines.push({ stream, text: partial[stream] });
  return lines;
}

/** jsonmessage.RFC3339NanoFixed in UTC: `2026-11-23T01:26:22.679000000Z`. */
function rfc3339NanoFixed(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000000Z');
}

/** `docker wait`: the exit code once the container has stopped; one that would never stop is reported. */
export function wait(daemon: Daemon, cmd: ParsedCommand): Output {
  const out = new Output();
  for (const ref of cmd.args) {
    const c = daemon.findContainer(ref);
    if (!c) {
      out.daemon(`No such container: ${ref}`);
      continue;
    }
    const code = waitForExit(daemon, c);
    if (code === null) {
      return out.err(`drydock: docker wait ${ref} would block: the container is still running\n`, 124);
    }
    out.out(`${code}\n`);
  }
  return out;
}

/** `docker diff`. */
export function diff(daemon: Daemon, cmd: ParsedCommand): Output {
  const out = new Output();
  const ref = cmd.args[0] ?? '';
  const c = daemon.findContainer(ref);
  if (!c) return out.daemon(`No such container: ${ref}`);
  for (const change of c.rw.changes()) out.out(`${change.kind} ${change.path}\n`);
  return out;
}

/** `docker port`: nothing is published without a network, which is what the reference engine shows. */
export function port(daemon: Daemon, cmd: ParsedCommand): Output {
  const out = new Output();
  const ref = cmd.args[0] ?? '';
  if (!daemon.findContainer(ref)) return out.local(`No such container: ${ref}`);
  return out;
}

/** `docker attach`: there is no terminal in the simulator, so only the refusals are modelled. */
export function attach(daemon: Daemon, cmd: ParsedCommand): Output {
  const out = new Output();
  const ref = cmd.args[0] ?? '';
  const c = daemon.findContainer(ref);
  if (!c) return out.local(`No such container: ${ref}`);
  if (!isRunning(c)) return out.err('You cannot attach to a stopped container, start it first\n', 1);
  return out.err('drydock: docker attach is not simulated (there is no terminal); use docker logs, or --engine docker\n', 125);
}

/** `docker top` (the daemon's `ps -ef` columns), where the simulator knows the container's processes. */
export function top(daemon: Daemon, cmd: ParsedCommand): Output {
  const out = new Output();
  const [ref = '', ...psOptions] = cmd.args;
  const c = daemon.findContainer(ref);
  if (!c) return out.daemon(`No such container: ${ref}`);
  if (!isRunning(c)) return out.daemon(`Container ${c.id} is not running`);
  const notSimulated = (why: string) => out.err(`drydock: docker top is not simulated here: ${why}; use --engine docker\n`, 125);
  if (psOptions.length > 0) return notSimulated('ps options are not simulated');
  const table = topTable(c, daemon.clock.peek());
  if ('notSimulated' in table) return notSimulated(table.notSimulated);
  // docker/cli's top: tabwriter.NewWriter(out, 20, 1, 3, ' ', 0)
  const text = [table.titles, ...table.processes].map((cells) => `${cells.join('\t')}\n`).join('');
  return out.out(tabulate(text, { ...DOCKER_TABLE, minwidth: 20 }));
}
