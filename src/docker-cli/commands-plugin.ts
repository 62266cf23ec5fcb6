// The plugin commands (refused by the simulator, parsed so that usage errors and help are docker's), with their
// flags as docker 20.10 defines them. Transcribed from docker/cli v20.10.24 cli/command/plugin and checked
// against `docker plugin X --help`.

import type { CommandSpec } from './flag-spec.js';

const GRANT = { name: 'grant-all-permissions', type: 'bool', usage: 'Grant all permissions necessary to run the plugin' } as const;
const VERIFY = { name: 'disable-content-trust', type: 'bool', def: 'true', usage: 'Skip image verification' } as const;

/** plugin create/disable/enable/inspect/install/ls/push/rm/set/upgrade. */
export const PLUGIN_COMMANDS = {
  'plugin create': {
    use: 'create [OPTIONS] PLUGIN PLUGIN-DATA-DIR',
    short: 'Create a plugin from a rootfs and configuration. Plugin data directory must contain config.json and rootfs directory.',
    args: { kind: 'min', n: 2 },
    interspersed: true,
    flags: [{ name: 'compress', type: 'bool', usage: 'Compress the context using gzip' }],
  },
  'plugin disable': {
    use: 'disable [OPTIONS] PLUGIN',
    short: 'Disable a plugin',
    args: { kind: 'exact', n: 1 },
    interspersed: true,
    flags: [{ name: 'force', short: 'f', type: 'bool', usage: 'Force the disable of an active plugin' }],
  },
  'plugin enable': {
    use: 'enable [OPTIONS] PLUGIN',
    short: 'Enable a plugin',
    args: { kind: 'exact', n: 1 },
    interspersed: true,
    flags: [{ name: 'timeout', type: 'int', def: '30', usage: 'HTTP client timeout (in seconds)' }],
  },
  'plugin inspect': {
    use: 'inspect [OPTIONS] PLUGIN [PLUGIN...]',
    short: 'Display detailed information on one or more plugins',
    args: { kind: 'min', n: 1 },
    interspersed: true,
    flags: [{ name: 'format', short: 'f', type: 'string', usage: 'Format the output using the given Go template' }],
  },
  'plugin install': {
    use: 'install [OPTIONS] PLUGIN [KEY=VALUE...]',
    short: 'Install a plugin',
    args: { kind: 'min', n: 1 },
    interspersed: true,
    flags: [
      VERIFY,
      GRANT,
      { name: 'disable', type: 'bool', usage: 'Do not enable the plugin on install' },
      { name: 'alias', type: 'string', usage: 'Local name for plugin' },
    ],
  },
  'plugin ls': {
    use: 'ls [OPTIONS]',
    short: 'List plugins',
    args: { kind: 'none' },
    interspersed: true,
    flags: [
      { name: 'quiet', short: 'q', type: 'bool', usage: 'Only display plugin IDs' },
      { name: 'no-trunc', type: 'bool', usage: 'Don\'t truncate output' },
      { name: 'format', type: 'string', usage: 'Pretty-print plugins using a Go template' },
      { name: 'filter', short: 'f', type: 'filter', usage: 'Provide filter values (e.g. \'enabled=true\')' },
    ],
  },
  'plugin push': {
    use: 'push [OPTIONS] PLUGIN[:TAG]',
    short: 'Push a plugin to a registry',
    args: { kind: 'exact', n: 1 },
    interspersed: true,
    flags: [{ name: 'disable-content-trust', type: 'bool', def: 'true', usage: 'Skip image signing' }],
  },
  'plugin rm': {
    use: 'rm [OPTIONS] PLUGIN [PLUGIN...]',
    short: 'Remove one or more plugins',
    args: { kind: 'min', n: 1 },
    interspersed: true,
    flags: [{ name: 'force', short: 'f', type: 'bool', usage: 'Force the removal of an active plugin' }],
  },
  'plugin set': {
    use: 'set PLUGIN KEY=VALUE [KEY=VALUE...]',
    short: 'Change settings for a plugin',
    args: { kind: 'min', n: 2 },
    interspersed: true,
    flags: [],
  },
  'plugin upgrade': {
    use: 'upgrade [OPTIONS] PLUGIN [REMOTE]',
    short: 'Upgrade an existing plugin',
    args: { kind: 'range', min: 1, max: 2 },
    interspersed: true,
    flags: [
      VERIFY,
      GRANT,
      { name: 'skip-remote-check', type: 'bool', usage: 'Do not check if specified remote plugin matches existing plugin image' },
    ],
  },
} satisfies Record<string, CommandSpec>;
