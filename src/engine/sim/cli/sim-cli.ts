// The simulator behind a docker command line: parses argv with docker's own rules, dispatches on the canonical
// command name, and returns exactly what the docker CLI would print. Commands the simulator does not model
// are refused plainly (exit 125) with a pointer to the real engine.

import { parseDockerArgv } from '../../../docker-cli/index.js';
import type { CommandResult } from '../../engine.js';
import type { Daemon } from '../daemon.js';
import { DaemonError } from '../daemon-error.js';
import { settleContainers } from '../container/settle.js';
import { Output, type CommandContext, type ParsedCommand } from './command-io.js';
import { familiarRef } from './image-ref.js';
import { applyClientConfig } from './client-config.js';
import * as containers from './commands/containers.js';
import * as images from './commands/images.js';
import { buildImage } from './commands/build.js';
import { inspect } from './commands/inspect.js';
import * as listings from './commands/listings.js';
import * as psCommand from './commands/ps.js';
import { runOrCreate } from './commands/run-create.js';
import * as system from './commands/system.js';
import { save } from './commands/save.js';
import { cp } from './commands/cp.js';
import * as transfer from './commands/transfer.js';
import * as volumes from './commands/volumes.js';

type Handler = (daemon: Daemon, cmd: ParsedCommand, ctx: CommandContext) => Output;

const HANDLERS: Record<string, Handler> = {
  run: runOrCreate,
  create: runOrCreate,
  start: containers.start,
  stop: containers.stop,
  restart: containers.restart,
  kill: containers.kill,
  rm: containers.rm,
  pause: containers.pause,
  unpause: containers.unpause,
  exec: containers.exec,
  logs: containers.logs,
  rename: containers.rename,
  wait: containers.wait,
  diff: containers.diff,
  port: containers.port,
  attach: containers.attach,
  top: containers.top,
  commit: images.commit,
  tag: images.tag,
  rmi: images.rmi,
  import: images.importImage,
  build: buildImage,
  'image prune': images.imagePrune,
  inspect: (d, c) => inspect(d, c, c.typed[0] === 'container' ? 'container' : c.typed[0] === 'image' ? 'image' : 'any'),
  'volume inspect': (d, c) => inspect(d, c, 'volume'),
  'volume create': volumes.volumeCreate,
  'volume rm': volumes.volumeRm,
  'volume prune': volumes.volumePrune,
  'volume ls': listings.volumeLs,
  ps: psCommand.ps,
  images: listings.images,
  history: listings.history,
  'container prune': listings.containerPrune,
  cp,
  export: transfer.exportContainer,
  save,
  load: transfer.load,
  info: system.info,
  version: system.version,
};

/** The canonical names of the commands the simulator runs (the engine's declared capabilities). */
export const SIMULATED_COMMANDS: ReadonlySet<string> = new Set(Object.keys(HANDLERS));

// Why a refused command cannot run here: by its group (`docker network …`), else by its own name.
const SWARM = 'the simulator has no swarm';
const REGISTRY = 'the simulator reaches no registry';
const GROUP_REASONS: Readonly<Record<string, string>> = {
  network: 'the simulator has no networks',
  plugin: 'the simulator has no plugins',
  context: 'the simulator is one local state, with no contexts',
  swarm: SWARM, service: SWARM, stack: SWARM, node: SWARM, secret: SWARM, config: SWARM,
  trust: REGISTRY, manifest: REGISTRY,
};
const COMMAND_REASONS: Readonly<Record<string, string>> = {
  pull: REGISTRY, push: REGISTRY, login: REGISTRY, logout: REGISTRY, search: REGISTRY,
  events: 'the simulator keeps no event stream',
  stats: 'the simulator measures no resource usage',
  update: 'the simulator keeps no resource limits',
};

function refusalReason(path: string): string {
  const words = path.split(' ').slice(1);
  return GROUP_REASONS[words[0] ?? ''] ?? COMMAND_REASONS[words.at(-1) ?? ''] ?? 'not modelled by the simulator';
}

/** Runs one docker command line (everything after `docker`) against a daemon state. */
export function runDockerCommand(daemon: Daemon, argv: readonly string[], ctx: CommandContext): CommandResult {
  const parsed = parseDockerArgv(argv, { env: Object.fromEntries(ctx.env) });
  if (!parsed.ok) return { exitCode: parsed.exitCode, stdout: parsed.stdout, stderr: parsed.stderr };
  const cmd = parsed.command;
  if (cmd.refused && (cmd.name === 'pull' || cmd.name === 'push') && cmd.args[0] !== undefined) {
    const ref = familiarRef(cmd.args[0]);
    if ('error' in ref) return { exitCode: 1, stdout: '', stderr: `${ref.error}\n` };
  }
  if (cmd.refused) {
    return { exitCode: 125, stdout: '', stderr: `drydock: '${cmd.path}' is not simulated (${refusalReason(cmd.path)}); run it with --engine docker\n` };
  }
  const handler = HANDLERS[cmd.name];
  if (!handler) {
    return { exitCode: 125, stdout: '', stderr: `drydock: '${cmd.path}' is not simulated yet; run it with --engine docker\n` };
  }
  try {
    // time has passed since the last command: containers whose main process woke up meanwhile have moved on
    settleContainers(daemon);
    applyClientConfig(daemon, cmd, ctx);
    const result = handler(daemon, cmd, ctx).result();
    return { ...result, stdout: cmd.notices.stdout + result.stdout, stderr: cmd.notices.stderr + result.stderr };
  } catch (error) {
    if (error instanceof DaemonError) return new Output().daemon(error.message).result();
    throw error;
  }
}
