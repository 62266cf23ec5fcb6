// The commands that start or enter containers, with their flags as docker 20.10 defines them. Transcribed from
// the docker/cli v20.10.24 sources and checked against `docker X --help`.

import type { CommandSpec } from './flag-spec.js';
import { CONTAINER_CONFIG_FLAGS } from './flags-container.js';

/** run, create, exec, attach, start. */
export const RUN_COMMANDS = {
  run: {
    use: 'run [OPTIONS] IMAGE [COMMAND] [ARG...]',
    short: 'Run a command in a new container',
    args: { kind: 'min', n: 1 },
    interspersed: false,
    flags: [
      { name: 'detach', short: 'd', type: 'bool', usage: 'Run container in background and print container ID' },
      { name: 'sig-proxy', type: 'bool', def: 'true', usage: 'Proxy received signals to the process' },
      { name: 'name', type: 'string', usage: 'Assign a name to the container' },
      { name: 'detach-keys', type: 'string', usage: 'Override the key sequence for detaching a container' },
      { name: 'pull', type: 'string', def: 'missing', usage: 'Pull image before running ("always"|"missing"|"never")' },
      { name: 'help', type: 'bool', usage: 'Print usage' },
      { name: 'platform', type: 'string', usage: 'Set platform if server is multi-platform capable' },
      { name: 'disable-content-trust', type: 'bool', def: 'true', usage: 'Skip image verification' },
      ...CONTAINER_CONFIG_FLAGS,
    ],
  },
  create: {
    use: 'create [OPTIONS] IMAGE [COMMAND] [ARG...]',
    short: 'Create a new container',
    args: { kind: 'min', n: 1 },
    interspersed: false,
    flags: [
      { name: 'name', type: 'string', usage: 'Assign a name to the container' },
      { name: 'pull', type: 'string', def: 'missing', usage: 'Pull image before creating ("always"|"missing"|"never")' },
      { name: 'help', type: 'bool', usage: 'Print usage' },
      { name: 'platform', type: 'string', usage: 'Set platform if server is multi-platform capable' },
      { name: 'disable-content-trust', type: 'bool', def: 'true', usage: 'Skip image verification' },
      ...CONTAINER_CONFIG_FLAGS,
    ],
  },
  exec: {
    use: 'exec [OPTIONS] CONTAINER COMMAND [ARG...]',
    short: 'Run a command in a running container',
    args: { kind: 'min', n: 2 },
    interspersed: false,
    flags: [
      { name: 'detach-keys', type: 'string', usage: 'Override the key sequence for detaching a container' },
      { name: 'interactive', short: 'i', type: 'bool', usage: 'Keep STDIN open even if not attached' },
      { name: 'tty', short: 't', type: 'bool', usage: 'Allocate a pseudo-TTY' },
      { name: 'detach', short: 'd', type: 'bool', usage: 'Detached mode: run command in the background' },
      { name: 'user', short: 'u', type: 'string', usage: 'Username or UID (format: <name|uid>[:<group|gid>])' },
      { name: 'privileged', type: 'bool', usage: 'Give extended privileges to the command' },
      { name: 'env', short: 'e', type: 'list', check: 'env', usage: 'Set environment variables' },
      { name: 'env-file', type: 'list', usage: 'Read in a file of environment variables' },
      { name: 'workdir', short: 'w', type: 'string', usage: 'Working directory inside the container' },
    ],
  },
  attach: {
    use: 'attach [OPTIONS] CONTAINER',
    short: 'Attach local standard input, output, and error streams to a running container',
    args: { kind: 'exact', n: 1 },
    interspersed: true,
    flags: [
      { name: 'no-stdin', type: 'bool', usage: 'Do not attach STDIN' },
      { name: 'sig-proxy', type: 'bool', def: 'true', usage: 'Proxy all received signals to the process' },
      { name: 'detach-keys', type: 'string', usage: 'Override the key sequence for detaching a container' },
    ],
  },
  start: {
    use: 'start [OPTIONS] CONTAINER [CONTAINER...]',
    short: 'Start one or more stopped containers',
    args: { kind: 'min', n: 1 },
    interspersed: true,
    flags: [
      { name: 'attach', short: 'a', type: 'bool', usage: 'Attach STDOUT/STDERR and forward signals' },
      { name: 'interactive', short: 'i', type: 'bool', usage: 'Attach container\'s STDIN' },
      { name: 'detach-keys', type: 'string', usage: 'Override the key sequence for detaching a container' },
      { name: 'checkpoint', type: 'string', usage: 'Restore from this checkpoint', hidden: true, onlyOn: 'experimental' },
      { name: 'checkpoint-dir', type: 'string', usage: 'Use a custom checkpoint storage directory', hidden: true, onlyOn: 'experimental' },
    ],
  },
} satisfies Record<string, CommandSpec>;
