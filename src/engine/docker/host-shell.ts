// Engine.host() on a real engine: a scenario's host-side steps (make a folder to bind-mount, write a file, look
// at what a container left there) run as `/bin/sh -c` on this machine, in a scratch folder of the run's own.

import { execa } from 'execa';
import type { CommandInput, CommandResult } from '../engine.js';

/** Runs a shell script in `cwd`; timeouts give exit code 124 and a note on stderr, as docker commands do. */
export async function runHostScript(script: string, cwd: string, input: CommandInput = {}, env: Record<string, string> = {}): Promise<CommandResult> {
  const result = await execa('/bin/sh', ['-c', script], {
    cwd,
    env,
    reject: false,
    stripFinalNewline: false,
    ...(input.stdin !== undefined ? { input: input.stdin } : { stdin: 'ignore' as const }),
    ...(input.timeoutMs !== undefined ? { timeout: input.timeoutMs } : {}),
  });
  const stdout = result.stdout ?? '';
  const stderr = result.stderr ?? '';
  if (result.timedOut) {
    return { exitCode: 124, stdout, stderr: `${stderr}drydock: host script timed out after ${input.timeoutMs} ms\n` };
  }
  if (result.exitCode === undefined) {
    return { exitCode: 127, stdout, stderr: `${stderr}drydock: cannot run /bin/sh: ${result.code ?? result.signal ?? 'failed'}\n` };
  }
  return { exitCode: result.exitCode, stdout, stderr };
}
