// The wire between `drydock docker`'s thin client (bin/drydock-client.pl, or the Node control commands) and the
// resident daemon, over a unix socket in the state directory. Kept to what a Perl script without modules can
// speak: one request header of NUL-separated fields (argv, environment and paths hold no NUL), preceded by its
// length in decimal and a newline; one reply byte saying whether stdin is wanted; then the answer as
// "<exit> <stdout bytes> <stderr bytes>\n" followed by the bytes of each.

import { buildId } from '../../engine/sim/node/fixture-cache.js';

/** The socket's and the pid file's names inside the state directory. */
export const SOCKET_NAME = 'daemon.sock';
export const PID_NAME = 'daemon.pid';

/** The first field of each kind of request. */
export const KIND = { docker: 'drydock-docker/1', status: 'drydock-status/1', stop: 'drydock-stop/1' } as const;

/** The byte that answers a docker request's header. */
export const REPLY = {
  /** send stdin to its end, then shut down the writing side */
  stdin: 'I',
  /** stdin is not read: the answer follows */
  noStdin: 'N',
  /** this daemon does not serve it: run the command in process */
  fallback: 'F',
  /** another drydock's daemon: run the command in process */
  otherVersion: 'V',
} as const;

/** What identifies the code a daemon runs: the bundle's build id (dist/bundle/build-id), 'source' from tsx. */
export function daemonVersion(): string {
  return buildId() ?? 'source';
}

/** A docker request, decoded. */
export interface DockerRequest {
  version: string;
  cwd: string;
  stdinIsTerminal: boolean;
  stdoutIsTerminal: boolean;
  argv: string[];
  env: Record<string, string>;
}

/** Encodes a request's fields as the header the daemon reads. */
export function encodeHeader(fields: readonly string[]): Buffer {
  const body = Buffer.from(fields.join('\0'), 'utf8');
  return Buffer.concat([Buffer.from(`${body.length}\n`), body]);
}


/** Decodes a docker request's fields (after the kind), or undefined when they are malformed. */
export function parseDockerFields(fields: readonly string[]): DockerRequest | undefined {
  const [version, cwd, flags, count, ...rest] = fields;
  const n = Number(count);
  if (version === undefined || cwd === undefined || flags === undefined || !Number.isInteger(n) || n < 0 || n > rest.length) return undefined;
  const env: Record<string, string> = {};
  for (const pair of rest.slice(n)) {
    const eq = pair.indexOf('=');
    if (eq > 0) env[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  return { version, cwd, stdinIsTerminal: flags.includes('i'), stdoutIsTerminal: flags.includes('o'), argv: rest.slice(0, n), env };
}

/** The answer's frame: exit code, then stdout's and stderr's bytes. */
export function encodeAnswer(code: number, stdout: Buffer, stderr: Buffer): Buffer {
  return Buffer.concat([Buffer.from(`${code} ${stdout.length} ${stderr.length}\n`), stdout, stderr]);
}

