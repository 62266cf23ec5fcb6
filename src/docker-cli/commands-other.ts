// Volume, system and registry commands, with their flags as docker 20.10 defines them. Transcribed from the
// docker/cli v20.10.24 sources and checked against `docker X --help`.

import type { CommandSpec } from './flag-spec.js';

/** volume create/inspect/ls/prune/rm, info, inspect, version, system df/prune, events, login, logout, search. */
export const OTHER_COMMANDS = {
  'volume create': {
    use: 'create [OPTIONS] [VOLUME]',
    short: 'Create a volume',
    args: { kind: 'max', n: 1 },
    interspersed: true,
    flags: [
      { name: 'driver', short: 'd', type: 'string', def: 'local', usage: 'Specify volume driver name' },
      { name: 'name', type: 'string', usage: 'Specify volume name', hidden: true },
      { name: 'opt', short: 'o', type: 'map', usage: 'Set driver specific options' },
      { name: 'label', type: 'list', check: 'label', usage: 'Set metadata for a volume' },
    ],
  },
  'volume inspect': {
    use: 'inspect [OPTIONS] VOLUME [VOLUME...]',
    short: 'Display detailed information on one or more volumes',
    args: { kind: 'min', n: 1 },
    interspersed: true,
    flags: [
      { name: 'format', short: 'f', type: 'string', usage: 'Format the output using the given Go template' },
    ],
  },
  'volume ls': {
    use: 'ls [OPTIONS]',
    short: 'List volumes',
    args: { kind: 'none' },
    interspersed: true,
    flags: [
      { name: 'quiet', short: 'q', type: 'bool', usage: 'Only display volume names' },
      { name: 'format', type: 'string', usage: 'Pretty-print volumes using a Go template' },
      { name: 'filter', short: 'f', type: 'filter', usage: 'Provide filter values (e.g. \'dangling=true\')' },
    ],
  },
  'volume prune': {
    use: 'prune [OPTIONS]',
    short: 'Remove all unused local volumes',
    args: { kind: 'none' },
    interspersed: true,
    flags: [
      { name: 'force', short: 'f', type: 'bool', usage: 'Do not prompt for confirmation' },
      { name: 'filter', type: 'filter', usage: 'Provide filter values (e.g. \'label=<label>\')' },
    ],
  },
  'volume rm': {
    use: 'rm [OPTIONS] VOLUME [VOLUME...]',
    short: 'Remove one or more volumes',
    long: '\nRemove one or more volumes. You cannot remove a volume that is in use by a container.\n',
    example: '\n$ docker volume rm hello\nhello\n',
    args: { kind: 'min', n: 1 },
    interspersed: true,
    flags: [
      { name: 'force', short: 'f', type: 'bool', usage: 'Force the removal of one or more volumes' },
    ],
  },
  info: {
    use: 'info [OPTIONS]',
    short: 'Display system-wide information',
    args: { kind: 'none' },
    interspersed: true,
    flags: [
      { name: 'format', short: 'f', type: 'string', usage: 'Format the output using the given Go template' },
    ],
  },
  inspect: {
    use: 'inspect [OPTIONS] NAME|ID [NAME|ID...]',
    short: 'Return low-level information on Docker objects',
    args: { kind: 'min', n: 1 },
    interspersed: true,
    flags: [
      { name: 'format', short: 'f', type: 'string', usage: 'Format the output using the given Go template' },
      { name: 'type', type: 'string', usage: 'Return JSON for specified type' },
      { name: 'size', short: 's', type: 'bool', usage: 'Display total file sizes if the type is container' },
    ],
  },
  version: {
    use: 'version [OPTIONS]',
    short: 'Show the Docker version information',
    args: { kind: 'none' },
    interspersed: true,
    flags: [
      { name: 'format', short: 'f', type: 'string', usage: 'Format the output using the given Go template' },
      { name: 'kubeconfig', type: 'string', usage: 'Kubernetes config file' },
    ],
  },
  'system df': {
    use: 'df [OPTIONS]',
    short: 'Show docker disk usage',
    args: { kind: 'none' },
    interspersed: true,
    flags: [
      { name: 'verbose', short: 'v', type: 'bool', usage: 'Show detailed information on space usage' },
      { name: 'format', type: 'string', usage: 'Pretty-print images using a Go template' },
    ],
  },
  'system prune': {
    use: 'prune [OPTIONS]',
    short: 'Remove unused data',
    args: { kind: 'none' },
    interspersed: true,
    flags: [
      { name: 'force', short: 'f', type: 'bool', usage: 'Do not prompt for confirmation' },
      { name: 'all', short: 'a', type: 'bool', usage: 'Remove all unused images not just dangling ones' },
      { name: 'volumes', type: 'bool', usage: 'Prune volumes' },
      { name: 'filter', type: 'filter', usage: 'Provide filter values (e.g. \'label=<key>=<value>\')' },
    ],
  },
  events: {
    use: 'events [OPTIONS]',
    short: 'Get real time events from the server',
    args: { kind: 'none' },
    interspersed: true,
    flags: [
      { name: 'since', type: 'string', usage: 'Show all events created since timestamp' },
      { name: 'until', type: 'string', usage: 'Stream events until this timestamp' },
      { name: 'filter', short: 'f', type: 'filter', usage: 'Filter output based on conditions provided' },
      { name: 'format', type: 'string', usage: 'Format the output using the given Go template' },
    ],
  },
  login: {
    use: 'login [OPTIONS] [SERVER]',
    short: 'Log in to a Docker registry',
    long: 'Log in to a Docker registry.\nIf no server is specified, the default is defined by the daemon.',
    args: { kind: 'max', n: 1 },
    interspersed: true,
    flags: [
      { name: 'username', short: 'u', type: 'string', usage: 'Username' },
      { name: 'password', short: 'p', type: 'string', usage: 'Password' },
      { name: 'password-stdin', type: 'bool', usage: 'Take the password from stdin' },
    ],
  },
  logout: {
    use: 'logout [SERVER]',
    short: 'Log out from a Docker registry',
    long: 'Log out from a Docker registry.\nIf no server is specified, the default is defined by the daemon.',
    args: { kind: 'max', n: 1 },
    interspersed: true,
    flags: [],
  },
  search: {
    use: 'search [OPTIONS] TERM',
    short: 'Search the Docker Hub for images',
    args: { kind: 'exact', n: 1 },
    interspersed: true,
    flags: [
      { name: 'no-trunc', type: 'bool', usage: 'Don\'t truncate output' },
      { name: 'filter', short: 'f', type: 'filter', usage: 'Filter output based on conditions provided' },
      { name: 'limit', type: 'int', def: '25', usage: 'Max number of search results' },
      { name: 'format', type: 'string', usage: 'Pretty-print search using a Go template' },
    ],
  },
} satisfies Record<string, CommandSpec>;
