// The flags written between `docker` and the command (`docker -H tcp://x -D ps`), as docker 20.10 defines
// them (cli/flags/common.go), and the checks the client makes on them before running anything.

import type { FlagSpec } from './flag-spec.js';
import type { FlagValue } from './flag-value.js';

/** The docker client's config directory in the simulated world (the CLI runs as root). */
const CONFIG_DIR = '/root/.docker';

/** Root-level flags, as `docker --help` lists them. */
export const GLOBAL_FLAGS: readonly FlagSpec[] = [
  { name: 'config', type: 'string', def: CONFIG_DIR, usage: 'Location of client config files' },
  { name: 'debug', short: 'D', type: 'bool', usage: 'Enable debug mode' },
  { name: 'log-level', short: 'l', type: 'string', def: 'info', usage: 'Set the logging level ("debug"|"info"|"warn"|"error"|"fatal")' },
  { name: 'tls', type: 'bool', usage: 'Use TLS; implied by --tlsverify' },
  { name: 'tlsverify', type: 'bool', usage: 'Use TLS and verify the remote' },
  { name: 'tlscacert', type: 'string', def: `${CONFIG_DIR}/ca.pem`, usage: 'Trust certs signed only by this CA' },
  { name: 'tlscert', type: 'string', def: `${CONFIG_DIR}/cert.pem`, usage: 'Path to TLS certificate file' },
  { name: 'tlskey', type: 'string', def: `${CONFIG_DIR}/key.pem`, usage: 'Path to TLS key file' },
  { name: 'host', short: 'H', type: 'list', usage: 'Daemon socket(s) to connect to' },
  {
    name: 'context',
    short: 'c',
    type: 'string',
    usage: 'Name of the context to use to connect to the daemon (overrides DOCKER_HOST env var and default context set with "docker context use")',
  },
];

/** `-v, --version`, a flag of the root command only. */
export const VERSION_FLAG: FlagSpec = { name: 'version', short: 'v', type: 'bool', usage: 'Print version information and quit' };

/** What `docker --version` prints. */
export const CLIENT_VERSION_LINE = 'Docker version 20.10.24+dfsg1, build 297e128\n';

/** The global options of one invocation. */
export interface GlobalOptions {
  config: string;
  context?: string;
  debug: boolean;
  host: string[];
  logLevel: string;
  tls: boolean;
  tlsverify: boolean;
  tlscacert: string;
  tlscert: string;
  tlskey: string;
  /** long names of the global flags given */
  set: string[];
}

/** Reads the global options out of the root flag values. */
export function toGlobalOptions(values: Record<string, FlagValue>, set: readonly string[]): GlobalOptions {
  const str = (k: string) => String(values[k] ?? '');
  const g: GlobalOptions = {
    config: str('config'),
    debug: values['debug'] === true,
    host: Array.isArray(values['host']) ? values['host'] : [],
    logLevel: str('log-level'),
    tls: values['tls'] === true || set.includes('tlsverify') || values['tlsverify'] === true,
    tlsverify: values['tlsverify'] === true,
    tlscacert: str('tlscacert'),
    tlscert: str('tlscert'),
    tlskey: str('tlskey'),
    set: set.filter((k) => k !== 'help' && k !== 'version'),
  };
  if (str('context') !== '') g.context = str('context');
  return g;
}

const LOG_LEVELS = new Set(['panic', 'fatal', 'error', 'warn', 'warning', 'info', 'debug', 'trace']);

/** DockerCli.Initialize's checks, in its order; the text is printed on stderr with exit 1. */
export function checkGlobalOptions(g: GlobalOptions): string | undefined {
  if (g.logLevel !== '' && !LOG_LEVELS.has(g.logLevel.toLowerCase())) return `Unable to parse logging level: ${g.logLevel}`;
  if (g.context !== undefined && g.host.length > 0) return 'Conflicting options: either specify --host or --context, not both';
  if (g.context !== undefined && g.context !== 'default') {
    return `unable to resolve docker endpoint: context "${g.context}" does not exist`;
  }
  if (g.host.length > 1) return 'unable to resolve docker endpoint: Please specify only one -H';
  return undefined;
}
