// What a simulated docker command gets and gives: the parsed command line, stdin, the client's working
// directory on the (sandbox) host, and a CommandResult with docker's exact framing of errors, which differs by
// command ("docker: … .\nSee 'docker run --help'." for run, "Error response from daemon: …" for most,
// "Error: …" for the client's own lookups).

import type { CommandResult } from '../../engine.js';
import type { ParsedCommand } from '../../../docker-cli/index.js';

export type { ParsedCommand };

/** Per-call context: stdin and where the client runs on the host. */
export interface CommandContext {
  stdin: Uint8Array;
  /** the client's working directory on the sandbox host (for build contexts, cp, import/save files) */
  cwd: string;
  /** the client's environment (`-e NAME` takes values from it) */
  env: ReadonlyMap<string, string>;
  /** the client's stdin is a terminal (`docker load` refuses to read one) */
  stdinIsTerminal?: boolean;
}

/** Accumulates output and the exit code of one command. */
export class Output {
  stdout = '';
  stderr = '';
  exitCode = 0;

  out(text: string): this {
    this.stdout += text;
    return this;
  }

  err(text: string, exitCode = 1): this {
    this.stderr += text;
    if (exitCode !== 0) this.exitCode = exitCode;
    return this;
  }

  /** A daemon error as most commands print it. */
  daemon(message: string, exitCode = 1): this {
    return this.err(`Error response from daemon: ${message}\n`, exitCode);
  }

  /** The client's own error ("Error: No such container: x"). */
  local(message: string, exitCode = 1): this {
    return this.err(`Error: ${message}\n`, exitCode);
  }

  result(): CommandResult {
    return { exitCode: this.exitCode, stdout: this.stdout, stderr: this.stderr };
  }
}

/** `docker run`'s framing: prefix, trailing dot, help hint ("docker container run" when typed so), exit 125. */
export function runStyleError(out: Output, commandPath: string, message: string, exitCode = 125): Output {
  return out.err(`docker: ${message}${message.endsWith('.') ? '' : '.'}\nSee '${commandPath} --help'.\n`, exitCode);
}

/** Flag accessors with the types the command table guarantees. */
export function flagString(cmd: ParsedCommand, name: string): string | undefined {
  // Unset string flags hold their default ('' for most); callers treat "not given" as undefined.
  if (!cmd.flagsSet.has(name)) return undefined;
  const v = cmd.flags[name];
  if (Array.isArray(v)) return v[v.length - 1];
  return typeof v === 'string' ? v : undefined;
}

export function flagBool(cmd: ParsedCommand, name: string): boolean {
  return cmd.flags[name] === true;
}

export function flagList(cmd: ParsedCommand, name: string): string[] {
  const v = cmd.flags[name];
  return Array.isArray(v) ? v : typeof v === 'string' && v !== '' ? [v] : [];
}

export function flagNumber(cmd: ParsedCommand, name: string): number | undefined {
  const v = cmd.flags[name];
  return typeof v === 'number' ? v : typeof v === 'string' && v !== '' ? Number(v) : undefined;
}
