// End-to-end helpers (Playwright's runInlineTest): write a folder of scenarios, run the CLI, read its output.

import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { main } from '../../src/cli/main.js';

/** A fresh temporary folder holding the given files (paths relative to it). */
export function writeFolder(files: Record<string, string | Uint8Array>): string {
  const dir = mkdtempSync(join(tmpdir(), 'drydock-cli-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

/** What one CLI run printed and returned. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `drydock …argv` in process, in `cwd`, without colours unless env says otherwise. */
export async function runCli(argv: string[], cwd: string, env: Record<string, string> = {}, signal?: AbortSignal): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const io = { stdout: (t: string) => void (stdout += t), stderr: (t: string) => void (stderr += t), isTTY: false, cwd, env, ...(signal ? { signal } : {}) };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

/** A scenario that passes on the simulator. */
export const PASSING = `name: passing
tags: [fast]
steps:
  - docker: run -dit --name web ubuntu
  - docker: exec web ls /
    expect: { stdout: { contains: etc } }
checks:
  - containers: { running: [web] }
`;

/** A scenario whose step output does not match. */
export const FAILING = `name: failing
tags: [slow]
steps:
  - docker: run --rm ubuntu echo hello
    expect: { stdout: "goodbye\\n" }
`;
