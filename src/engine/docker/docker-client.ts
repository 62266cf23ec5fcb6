// The one place that starts the docker CLI: finds the binary, passes an argv array (never a shell line), feeds
// stdin, enforces timeouts and turns every way of failing into a result, so callers only ever branch on data.

import { existsSync } from 'node:fs';
import { execa } from 'execa';
import type { CommandResult } from '../engine.js';
import { EngineError } from '../../errors/engine-error.js';

/** Where the client talks to; both optional, the environment's DOCKER_HOST applies otherwise. */
export interface DockerClientOptions {
  /** path of the docker CLI; default: locateDockerClient() */
  binary?: string;
  /** daemon address, passed as DOCKER_HOST */
  host?: string;
  /** a docker context name, passed as --context */
  context?: string;
  /** extra environment for every command */
  env?: Record<string, string>;
  /** working directory of the docker CLI (relative paths in argv); default: this process's */
  cwd?: string;
}

/** Input and limits for one invocation. */
export interface RunOptions {
  input?: string | Uint8Array;
  timeoutMs?: number;
}

/** A finished invocation; exit code 124 and a note on stderr when it timed out, 127 when it could not start. */
export interface ClientResult<Out> {
  exitCode: number;
  stdout: Out;
  stderr: string;
  timedOut: boolean;
}

// the Debian 20.10 client at /usr/bin/docker is the one the reference transcripts come from; a newer client on
// PATH (e.g. /usr/local/bin/docker) prints other texts, so it is only the last resort
const PREFERRED_CLIENT = '/usr/bin/docker';

/** Picks the docker CLI: $DRYDOCK_DOCKER, else /usr/bin/docker when present, else `docker` from PATH. */
export function locateDockerClient(
  env: Readonly<Record<string, string | undefined>> = process.env,
  exists: (path: string) => boolean = existsSync,
): string {
  const chosen = env.DRYDOCK_DOCKER;
  if (chosen !== undefined && chosen !== '') return chosen;
  return exists(PREFERRED_CLIENT) ? PREFERRED_CLIENT : 'docker';
}

/** Runs docker commands against one daemon. */
export class DockerClient {
  readonly binary: string;
  private readonly options: DockerClientOptions;

  constructor(options: DockerClientOptions = {}) {
    this.options = options;
    this.binary = options.binary ?? locateDockerClient();
  }

  /** Where commands go, for messages: the context, DOCKER_HOST or the default socket. */
  describeHost(): string {
    if (this.options.context !== undefined) return `context ${this.options.context}`;
    return this.options.host ?? process.env.DOCKER_HOST ?? 'unix:///var/run/docker.sock';
  }

  /** Runs `docker <argv>` and returns its output as text, verbatim (final newlines kept). */
  async run(argv: readonly string[], options: RunOptions = {}): Promise<ClientResult<string>> {
    const result = await this.exec(argv, options, 'utf8');
    return { ...result, stdout: result.stdout as string };
  }

  /** Runs `docker <argv>` and returns stdout as bytes (`docker cp … -`, `docker save`). */
  async runBytes(argv: readonly string[], options: RunOptions = {}): Promise<ClientResult<Uint8Array>> {
    const result = await this.exec(argv, options, 'buffer');
    return { ...result, stdout: result.stdout as Uint8Array };
  }

  /** Throws ENGINE_UNREACHABLE unless the daemon answers `docker version`. */
  async checkReachable(timeoutMs = 15_000): Promise<void> {
    const result = await this.run(['version', '--format', '{{.Server.Version}}'], { timeoutMs });
    if (result.exitCode !== 0 || result.stdout.trim() === '') {
      throw new EngineError(
        'ENGINE_UNREACHABLE',
        `cannot reach a Docker engine at ${this.describeHost()}: start dockerd, or use --engine sim`,
      );
    }
  }

  private async exec(
    argv: readonly string[],
    options: RunOptions,
    encoding: 'utf8' | 'buffer',
  ): Promise<ClientResult<string | Uint8Array>> {
    const args = this.options.context !== undefined ? ['--context', this.options.context, ...argv] : [...argv];
    // the legacy builder is what the reference transcripts (and the simulator) show, even where a user's
    // environment turns BuildKit on; options.env can still choose otherwise
    const env: Record<string, string> = { DOCKER_BUILDKIT: '0', ...this.options.env };
    if (this.options.host !== undefined) env.DOCKER_HOST = this.options.host;
    const result = await execa(this.binary, args, {
      reject: false,
      encoding,
      stripFinalNewline: false,
      env,
      ...(this.options.cwd !== undefined ? { cwd: this.options.cwd } : {}),
      // without input, stdin is /dev/null so `docker run -i` sees EOF instead of waiting forever
      ...(options.input !== undefined ? { input: options.input } : { stdin: 'ignore' as const }),
      ...(options.timeoutMs !== undefined ? { timeout: options.timeoutMs } : {}),
      maxBuffer: 1024 * 1024 * 1024,
    });
    const empty = encoding === 'buffer' ? new Uint8Array(0) : '';
    const stdout = (result.stdout as string | Uint8Array | undefined) ?? empty;
    const stderr = typeof result.stderr === 'string' ? result.stderr : new TextDecoder().decode(result.stderr);
    if (result.timedOut) {
      return {
        exitCode: 124,
        stdout,
        stderr: `${stderr}drydock: docker ${argv.join(' ')}: timed out after ${options.timeoutMs} ms\n`,
        timedOut: true,
      };
    }
    if (result.exitCode === undefined) {
      // never started (ENOENT, EACCES) or killed by a signal
      const why = result.code ?? (result.signal !== undefined ? `killed by ${result.signal}` : 'failed');
      return { exitCode: result.code !== undefined ? 127 : 128, stdout, stderr: `${stderr}drydock: cannot run ${this.binary}: ${why}\n`, timedOut: false };
    }
    return { exitCode: result.exitCode, stdout, stderr, timedOut: false };
  }
}

/** The CommandResult the Engine interface returns, from a client result. */
export function toCommandResult(result: ClientResult<string>): CommandResult {
  const out: CommandResult = { exitCode: result.exitCode, stdout: result.stdout, stderr: result.stderr };
  if (result.timedOut) out.timedOut = true;
  return out;
}
