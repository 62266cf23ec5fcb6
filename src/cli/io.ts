// What the CLI touches of its process, passed in so tests can run `main` in process and read what it printed.

/** The CLI's outside world. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** whether stdout is a terminal (colours) */
  isTTY: boolean | undefined;
  cwd: string;
  env: Record<string, string | undefined>;
  /** ends `--watch` (tests); SIGINT ends it otherwise */
  signal?: AbortSignal;
}

/** The real process's io. */
export function processIo(): CliIo {
  return {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    isTTY: process.stdout.isTTY,
    cwd: process.cwd(),
    env: process.env,
  };
}

/**
 * Exit codes: 0 all passed, 1 a scenario failed, 2 bad input or usage, 70 an internal error (a bug in drydock,
 * never the input's fault: sysexits' EX_SOFTWARE, outside docker's 125-127 and the shell's 128+N).
 */
export const EXIT = { ok: 0, failed: 1, usage: 2, internal: 70 } as const;
