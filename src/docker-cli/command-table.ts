// docker 20.10's command tree: which words name which command, under which group, and the canonical name the
// simulator dispatches on (`docker container rm` and `docker rm` are one command; `docker image ls` is `images`).
// Error texts use the path as cobra builds it ("docker container ls" even when `docker container ps` was typed),
// so the tree keeps each command's own name and aliases.

import { CONTAINER_COMMANDS } from './commands-container.js';
import { CONTEXT_COMMANDS } from './commands-context.js';
import { IMAGE_COMMANDS } from './commands-image.js';
import { NETWORK_COMMANDS } from './commands-network.js';
import { OTHER_COMMANDS } from './commands-other.js';
import { PLUGIN_COMMANDS } from './commands-plugin.js';
import { RUN_COMMANDS } from './commands-run.js';
import { SWARM_COMMANDS } from './commands-swarm.js';
import type { CommandSpec } from './flag-spec.js';

/** Management commands whose subcommands are all in the table (parsed, then refused unless simulated). */
export type TabledGroupName = 'network' | 'system' | 'plugin' | 'swarm' | 'context';

/** Commands recognised only so that they can be refused with a clear message (not simulated). */
export type RefusedName =
  | 'pull' | 'push' | 'login' | 'logout' | 'search' | 'events' | 'stats' | 'update'
  | 'service' | 'stack' | 'secret' | 'config' | 'node'
  | 'trust' | 'manifest' | 'builder' | 'checkpoint' | 'completion' | 'compose' | 'buildx'
  | `${TabledGroupName} ${string}`;

/** The name the simulator dispatches on; long forms map to it (`container ls` → `ps`, `image rm` → `rmi`). */
export type CanonicalName =
  | 'attach' | 'build' | 'commit' | 'cp' | 'create' | 'diff' | 'exec' | 'export' | 'history' | 'images'
  | 'import' | 'info' | 'inspect' | 'kill' | 'load' | 'logs' | 'pause' | 'port' | 'ps' | 'rename' | 'restart'
  | 'rm' | 'rmi' | 'run' | 'save' | 'start' | 'stop' | 'tag' | 'top' | 'unpause' | 'version' | 'wait'
  | 'container prune' | 'image prune'
  | 'volume create' | 'volume inspect' | 'volume ls' | 'volume prune' | 'volume rm'
  | RefusedName;

/** A runnable command at one place in the tree. */
export interface CommandNode {
  kind: 'command';
  /** cobra's Name(): the first word of spec.use */
  name: string;
  aliases: readonly string[];
  canonical: CanonicalName;
  spec: CommandSpec;
  refused: boolean;
}

/** A management command (`container`, `image`, `volume`) that only holds subcommands. */
export interface GroupNode {
  kind: 'group';
  name: string;
  short: string;
  children: readonly CommandNode[];
}

/** A word docker knows but the simulator refuses as a whole, unparsed (`service`, `stack`, `compose`, …). */
export interface RefusedNode {
  kind: 'refused';
  name: RefusedName;
}

/** Anything directly under `docker`. */
export type RootEntry = CommandNode | GroupNode | RefusedNode;

const REFUSED_COMMANDS = new Set<CanonicalName>(['pull', 'push', 'login', 'logout', 'search', 'events', 'stats', 'update']);

function node(canonical: CanonicalName, spec: CommandSpec, aliases: readonly string[] = [], use?: string, refused = REFUSED_COMMANDS.has(canonical)): CommandNode {
  const s = use === undefined ? spec : { ...spec, use };
  return { kind: 'command', name: s.use.split(/\s/)[0] ?? '', aliases, canonical, spec: s, refused };
}

// A group whose subcommands the simulator does not run: each is parsed (usage errors, help), then refused by name.
function refusedGroup(name: TabledGroupName, short: string, specs: Record<string, CommandSpec>, aliases: Record<string, readonly string[]> = {}): GroupNode {
  const children = Object.entries(specs).map(([key, spec]) => node(key as RefusedName, spec, aliases[key] ?? [], undefined, true));
  return { kind: 'group', name, short, children };
}

const C = { ...RUN_COMMANDS, ...CONTAINER_COMMANDS };
const I = IMAGE_COMMANDS;
const O = OTHER_COMMANDS;

// Same order as `docker container --help` (cobra sorts by name).
const CONTAINER_GROUP: GroupNode = {
  kind: 'group',
  name: 'container',
  short: 'Manage containers',
  children: [
    node('attach', C.attach), node('commit', C.commit), node('cp', C.cp), node('create', C.create),
    node('diff', C.diff), node('exec', C.exec), node('export', C.export), node('inspect', C['container inspect']),
    node('kill', C.kill), node('logs', C.logs), node('ps', C.ps, ['ps', 'list'], 'ls [OPTIONS]'),
    node('pause', C.pause), node('port', C.port), node('container prune', C['container prune']),
    node('rename', C.rename), node('restart', C.restart), node('rm', C.rm), node('run', C.run),
    node('start', C.start), node('stats', C.stats), node('stop', C.stop), node('top', C.top),
    node('unpause', C.unpause), node('update', C.update), node('wait', C.wait),
  ],
};

const IMAGE_GROUP: GroupNode = {
  kind: 'group',
  name: 'image',
  short: 'Manage images',
  children: [
    node('build', I.build), node('history', I.history), node('import', I.import), node('inspect', I['image inspect']),
    node('load', I.load), node('images', I.images, ['list'], 'ls [OPTIONS] [REPOSITORY[:TAG]]'),
    node('image prune', I['image prune']), node('pull', I.pull), node('push', I.push),
    node('rmi', I.rmi, ['rmi', 'remove'], 'rm [OPTIONS] IMAGE [IMAGE...]'), node('save', I.save), node('tag', I.tag),
  ],
};

const VOLUME_GROUP: GroupNode = {
  kind: 'group',
  name: 'volume',
  short: 'Manage volumes',
  children: [
    node('volume create', O['volume create']), node('volume inspect', O['volume inspect']),
    node('volume ls', O['volume ls'], ['list']), node('volume prune', O['volume prune']),
    node('volume rm', O['volume rm'], ['remove']),
  ],
};

const LIST_RM = { ls: ['list'], rm: ['remove'] } as const;
const aliasesOf = (group: string) => ({ [`${group} ls`]: LIST_RM.ls, [`${group} rm`]: LIST_RM.rm });

const NETWORK_GROUP = refusedGroup('network', 'Manage networks', NETWORK_COMMANDS, aliasesOf('network'));
const PLUGIN_GROUP = refusedGroup('plugin', 'Manage plugins', PLUGIN_COMMANDS, aliasesOf('plugin'));
const SWARM_GROUP = refusedGroup('swarm', 'Manage Swarm', SWARM_COMMANDS);
const CONTEXT_GROUP = refusedGroup('context', 'Manage contexts', CONTEXT_COMMANDS, aliasesOf('context'));

// `docker system info` and `docker system events` are `docker info` and `docker events` under another path.
const SYSTEM_GROUP: GroupNode = {
  kind: 'group',
  name: 'system',
  short: 'Manage Docker',
  children: [
    node('system df', O['system df'], [], undefined, true), node('events', O.events), node('info', O.info),
    node('system prune', O['system prune'], [], undefined, true),
  ],
};

// Groups still refused as a whole, before any parsing (their subcommands are not in the table yet).
const REFUSED_GROUPS: readonly RefusedName[] = [
  'service', 'stack', 'secret', 'config', 'node', 'trust', 'manifest', 'builder', 'checkpoint', 'completion', 'compose', 'buildx',
];

/** Everything directly under `docker`, as docker 20.10 registers it. */
export const ROOT_ENTRIES: readonly RootEntry[] = [
  CONTAINER_GROUP,
  IMAGE_GROUP,
  VOLUME_GROUP,
  NETWORK_GROUP,
  SYSTEM_GROUP,
  PLUGIN_GROUP,
  SWARM_GROUP,
  CONTEXT_GROUP,
  ...REFUSED_GROUPS.map((name): RefusedNode => ({ kind: 'refused', name })),
  node('attach', C.attach), node('build', I.build), node('commit', C.commit), node('cp', C.cp),
  node('create', C.create), node('diff', C.diff), node('events', O.events), node('exec', C.exec),
  node('export', C.export), node('history', I.history), node('images', I.images), node('import', I.import),
  node('info', O.info), node('inspect', O.inspect), node('kill', C.kill), node('load', I.load),
  node('login', O.login), node('logout', O.logout), node('logs', C.logs), node('pause', C.pause),
  node('port', C.port), node('ps', C.ps), node('pull', I.pull), node('push', I.push), node('rename', C.rename),
  node('restart', C.restart), node('rm', C.rm), node('rmi', I.rmi), node('run', C.run), node('save', I.save),
  node('search', O.search), node('start', C.start), node('stats', C.stats), node('stop', C.stop),
  node('tag', I.tag), node('top', C.top), node('unpause', C.unpause), node('update', C.update),
  node('version', O.version), node('wait', C.wait),
];

/** cobra's findNext: the entry a word names (by name or alias), if any. */
export function findEntry<T extends RootEntry>(entries: readonly T[], word: string): T | undefined {
  return entries.find((e) => e.name === word || (e.kind === 'command' && e.aliases.includes(word)));
}

const REFUSED_NAMES: ReadonlySet<string> = new Set([
  ...REFUSED_COMMANDS,
  ...REFUSED_GROUPS,
  ...ROOT_ENTRIES.flatMap((e) => (e.kind === 'group' ? e.children.filter((c) => c.refused).map((c) => c.canonical) : [])),
]);

/** True for commands the simulator refuses (recognised so the refusal can name them). */
export function isRefused(name: CanonicalName): name is RefusedName {
  return REFUSED_NAMES.has(name);
}
