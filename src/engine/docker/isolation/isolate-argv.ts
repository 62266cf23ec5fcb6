// Rewrites a scenario's docker command line into the run's own namespace: container and volume names get the
// run prefix, images the scenario makes go under drydock-run-<id>/, the stand-ins (`ubuntu`) resolve to the
// fixture images, host paths move into the run folder, and listings and prunes only ever see the run's objects.
// What needs the engine's help (a build context to copy, a shared stand-in to untag) is returned as data.

import { posix } from 'node:path';
import { EngineError } from '../../../errors/engine-error.js';
import { replaceSlots, slotArgv, type Slot, type SlottedArgv } from './argv-slots.js';
import type { RunNames } from './run-names.js';

/** A command ready for the engine, and what the engine must do around it. */
export interface IsolatedCommand {
  argv: string[];
  /** `run`, `volume ls`, … ('' when docker will reject the line itself) */
  path: string;
  /** a build: the context folder and Dockerfile (absolute, already in the run folder) to copy and rewrite */
  build?: { contextIndex: number; context: string; fileIndex?: number; filePrefix?: string; file?: string };
  /** `docker inspect` positionals whose kind (container, image, volume) the engine must find out */
  ambiguous?: Array<{ index: number; prefix: string; value: string }>;
  /** shared stand-ins an `rmi` names: tag each as the run-local name first, then remove that instead */
  untagShared?: Array<{ shared: string; local: string }>;
  /** the --cidfile drydock added (run/create) */
  cidfile?: string;
  /** a listing whose rows the engine filters to the run's own objects */
  listing?: 'volumes' | 'images';
}

// global flags that would point the client at another daemon or configuration
const REFUSED_GLOBALS = new Set(['host', 'context', 'config', 'tls', 'tlsverify', 'tlscacert', 'tlscert', 'tlskey']);

const CONTAINER_POSITIONALS = new Set([
  'attach', 'container attach', 'diff', 'container diff', 'export', 'container export', 'kill', 'container kill',
  'logs', 'container logs', 'pause', 'container pause', 'port', 'container port', 'restart', 'container restart',
  'rm', 'container rm', 'start', 'container start', 'stop', 'container stop', 'top', 'container top', 'unpause',
  'container unpause', 'wait', 'container wait', 'container inspect', 'rename', 'container rename', 'stats',
  'container stats', 'update', 'container update',
]);
const IMAGE_POSITIONALS = new Set(['rmi', 'image rm', 'history', 'image history', 'save', 'image save', 'image inspect']);
const VOLUME_POSITIONALS = new Set(['volume inspect', 'volume rm', 'volume create']);
const HOST_PATH_FLAGS = new Set(['env-file', 'label-file', 'cidfile', 'output', 'input', 'iidfile', 'file']);

/** Extra settings of one rewrite. */
export interface IsolateOptions {
  /** for run/create without their own --cidfile: where docker writes the new container's ID (to kill it on a timeout) */
  cidfile?: string;
}

/** The command line `argv` as it must run in the run's namespace; throws POLICY_REFUSED for a foreign daemon. */
export function isolateArgv(argv: readonly string[], names: RunNames, options: IsolateOptions = {}): IsolatedCommand {
  const slotted = slotArgv(argv);
  if (slotted === null) return { argv: [...argv], path: '' };
  const refused = slotted.globals.find((g) => REFUSED_GLOBALS.has(g));
  if (refused !== undefined) {
    throw new EngineError('POLICY_REFUSED', `refusing docker --${refused}: a scenario runs on the engine drydock was given, never another`);
  }
  const path = slotted.path;
  const out: IsolatedCommand = { argv: [], path };
  const replacements: Array<{ slot: Slot; value: string }> = [];
  const set = (slot: Slot, value: string) => {
    if (value !== slot.value) replacements.push({ slot, value });
  };
  const positionals = slotted.slots.filter((s) => s.position !== undefined);
  const flagSlots = slotted.slots.filter((s) => s.flag !== undefined);
  for (const slot of flagSlots) {
    const flag = slot.flag!;
    if (flag === 'name' && (path.endsWith('run') || path.endsWith('create'))) set(slot, names.object(slot.value));
    else if (flag === 'volume') set(slot, volumeSpec(slot.value, names));
    else if (flag === 'mount') set(slot, mountSpec(slot.value, names));
    else if (flag === 'volumes-from') set(slot, withSuffix(slot.value, (c) => names.object(c)));
    else if (flag === 'filter') set(slot, filterValue(path, slot.value, names));
    else if (flag === 'tag' || flag === 'repository') set(slot, names.targetImage(slot.value));
    else if (flag === 'cache-from') set(slot, names.sourceImage(slot.value));
    else if (HOST_PATH_FLAGS.has(flag)) set(slot, names.hostPath(slot.value));
    else if ((flag === 'pid' || flag === 'ipc' || flag === 'network' || flag === 'net') && slot.value.startsWith('container:')) {
      set(slot, `container:${names.object(slot.value.slice('container:'.length))}`);
    }
  }
  const command = slotted.node.canonical;
  positionals.forEach((slot, n) => {
    if (path === 'run' || path === 'create' || path === 'container run' || path === 'container create') {
      if (n === 0) set(slot, names.sourceImage(slot.value));
    } else if (path === 'exec' || path === 'container exec') {
      if (n === 0) set(slot, names.object(slot.value));
    } else if (CONTAINER_POSITIONALS.has(path)) {
      if (!(command === 'port' && n > 0) && !(command === 'top' && n > 0)) set(slot, names.object(slot.value));
    } else if (VOLUME_POSITIONALS.has(path)) set(slot, names.object(slot.value));
    else if (IMAGE_POSITIONALS.has(path)) {
      if (command === 'rmi' && names.isSharedFixture(slot.value)) {
        const shared = names.sourceImage(slot.value);
        const local = names.shadow(slot.value);
        (out.untagShared ??= []).push({ shared, local });
        set(slot, local);
      } else set(slot, names.sourceImage(slot.value));
    } else if (command === 'tag') set(slot, n === 0 ? names.sourceImage(slot.value) : names.targetImage(slot.value));
    else if (command === 'commit') set(slot, n === 0 ? names.object(slot.value) : names.targetImage(slot.value));
    else if (command === 'import') {
      if (n === 0 && slot.value !== '-' && !/^https?:\/\//u.test(slot.value)) set(slot, names.hostPath(slot.value));
      if (n === 1) set(slot, names.targetImage(slot.value));
    } else if (command === 'images' && n === 0) set(slot, imagePattern(slot.value, names));
    else if (command === 'cp') set(slot, copyOperand(slot.value, names));
    else if (command === 'inspect') inspectOperand(slotted, slot, names, set, out);
  });
  if (command === 'build' && positionals[0] !== undefined && positionals[0].value !== '-') {
    const context = positionals[0];
    const file = flagSlots.find((s) => s.flag === 'file');
    out.build = { contextIndex: context.index, context: names.hostPath(context.value) };
    if (file !== undefined && file.value !== '-') {
      out.build.fileIndex = file.index;
      out.build.filePrefix = file.prefix;
      out.build.file = names.hostPath(file.value);
    }
  }
  let result = replaceSlots(argv, replacements);
  const label = ['--filter', `label=drydock.run=${names.runId}`];
  // image prune takes the run's label too, never drydock.managed: every image built from a stand-in inherits
  // that one, so it would remove other runs' and the user's own dangling images. The run's untagged build
  // results carry no label (builds get none) and stay: a difference docs/real-engine.md states.
  if (command === 'ps' || command === 'container prune' || command === 'volume prune' || command === 'image prune') result = insertAt(result, slotted.commandEnd, label);
  // images built from the stand-ins inherit their drydock.managed label; the engine drops other runs' rows
  if (command === 'images') {
    result = insertAt(result, slotted.commandEnd, ['--filter', 'label=drydock.managed=true']);
    out.listing = 'images';
  }
  if (command === 'volume ls') out.listing = 'volumes';
  if ((command === 'run' || command === 'create') && options.cidfile !== undefined && !flagSlots.some((s) => s.flag === 'cidfile')) {
    result = insertAt(result, slotted.commandEnd, ['--cidfile', options.cidfile]);
    out.cidfile = options.cidfile;
  }
  out.argv = result;
  return out;
}

// `name:/path[:ro]`, `/host:/path`, `/path` (anonymous): names get the prefix, host paths the run folder
function volumeSpec(spec: string, names: RunNames): string {
  const colon = spec.indexOf(':');
  if (colon === -1) return spec;
  const source = spec.slice(0, colon);
  const rest = spec.slice(colon);
  if (source.startsWith('/')) return names.hostPath(source) + rest;
  if (source.startsWith('.') || source === '') return spec;
  return names.object(source) + rest;
}

// --mount type=bind,source=/x,target=/y: only the source changes (a volume's name, or a host path for binds)
function mountSpec(spec: string, names: RunNames): string {
  const fields = spec.split(',');
  const type = fields.find((f) => f.startsWith('type='))?.slice(5) ?? 'volume';
  return fields
    .map((field) => {
      const equals = field.indexOf('=');
      const key = equals === -1 ? field : field.slice(0, equals);
      if (!['source', 'src'].includes(key) || equals === -1) return field;
      const value = field.slice(equals + 1);
      if (type === 'bind') return `${key}=${names.hostPath(value)}`;
      if (type === 'volume' && value !== '') return `${key}=${names.object(value)}`;
      return field;
    })
    .join(',');
}

function withSuffix(value: string, map: (name: string) => string): string {
  const colon = value.indexOf(':');
  return colon === -1 ? map(value) : map(value.slice(0, colon)) + value.slice(colon);
}

// `container:path` → the container renamed; anything else is a host path
function copyOperand(value: string, names: RunNames): string {
  const colon = value.indexOf(':');
  if (value === '-' || value.startsWith('/') || value.startsWith('.') || colon <= 0) return value === '-' ? value : names.hostPath(value);
  return names.object(value.slice(0, colon)) + value.slice(colon);
}

// a reference pattern for `docker images REPO[:TAG]` and `reference=`: stand-ins and run images, no tag added
function imagePattern(value: string, names: RunNames): string {
  const mapped = names.sourceImage(value);
  return mapped;
}

function filterValue(path: string, value: string, names: RunNames): string {
  const equals = value.indexOf('=');
  if (equals === -1) return value;
  const key = value.slice(0, equals);
  const v = value.slice(equals + 1);
  const command = path.replace(/^(container|image|volume) /u, '');
  switch (key) {
    case 'name':
      return `name=${v.startsWith('^') ? `^/?${names.objectPrefix}${v.slice(1).replace(/^\/\??/u, '')}` : names.objectPrefix + v}`;
    case 'ancestor':
    case 'reference':
      return `${key}=${imagePattern(v, names)}`;
    case 'before':
    case 'since':
      return `${key}=${['ps', 'ls', 'list'].includes(command) ? names.object(v) : names.sourceImage(v)}`;
    case 'volume':
      return `volume=${v.startsWith('/') ? v : names.object(v)}`;
    default:
      return value;
  }
}

function inspectOperand(
  slotted: SlottedArgv,
  slot: Slot,
  names: RunNames,
  set: (slot: Slot, value: string) => void,
  out: IsolatedCommand,
): void {
  const type = slotted.slots.find((s) => s.flag === 'type')?.value;
  if (type === 'container' || type === 'volume') set(slot, names.object(slot.value));
  else if (type === 'image') set(slot, names.sourceImage(slot.value));
  else if (!(slot.value.length >= 12 && /^(sha256:)?[0-9a-f]+$/u.test(slot.value))) {
    (out.ambiguous ??= []).push({ index: slot.index, prefix: slot.prefix, value: slot.value });
  }
}

function insertAt(argv: readonly string[], index: number, added: readonly string[]): string[] {
  return [...argv.slice(0, index), ...added, ...argv.slice(index)];
}

/** The build context path a relative context names, inside the run's scenario folder. */
export function absoluteHostPath(path: string, cwd: string): string {
  return path.startsWith('/') ? path : posix.resolve(cwd, path);
}
