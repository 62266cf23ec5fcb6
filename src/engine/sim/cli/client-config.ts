// The docker client's config file (config.json in --config, $DOCKER_CONFIG or ~/.docker): its psFormat,
// imagesFormat and volumesFormat are the default --format of docker ps, docker images and docker volume ls
// (docker/cli's list commands take them when no --format is given and -q is not). Only those keys are
// read; the file is looked up on the sandbox host, where the simulated client runs.

import { resolvePath } from '../fs/path.js';
import { followHostPath } from '../fs/host-path.js';
import type { Daemon } from '../daemon.js';
import type { CommandContext, ParsedCommand } from './command-io.js';

const FORMAT_KEYS: Readonly<Record<string, string>> = { ps: 'psFormat', images: 'imagesFormat', 'volume ls': 'volumesFormat' };

/** Fills in --format from the config file for the listing commands, as the 20.10 client does. */
export function applyClientConfig(daemon: Daemon, cmd: ParsedCommand, ctx: CommandContext): void {
  const key = FORMAT_KEYS[cmd.name];
  if (!key || cmd.flagsSet.has('format') || cmd.flags.quiet === true) return;
  const fromEnv = ctx.env.get('DOCKER_CONFIG');
  const dir = cmd.global.set.includes('config') || !fromEnv ? cmd.global.config : fromEnv;
  const entry = daemon.host.get(followHostPath(daemon.host, resolvePath(ctx.cwd, `${dir}/config.json`)));
  if (!entry || entry.kind !== 'file') return;
  let config: unknown;
  try {
    config = JSON.parse(new TextDecoder().decode(entry.data));
  } catch {
    // the client warns and goes on with an empty configuration; the warning's text is not modelled
    return;
  }
  const format = config !== null && typeof config === 'object' ? (config as Record<string, unknown>)[key] : undefined;
  if (typeof format !== 'string' || format === '') return;
  cmd.flags.format = format;
  cmd.flagsSet.add('format');
}
