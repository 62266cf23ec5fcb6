// Node → typed instruction, with the checks Docker 20.10 makes before step 1 (buildkit v0.8 instructions/
// parse.go) and its exact texts. Errors are DockerfileError with code INSTRUCTION, which the daemon prints
// as `dockerfile parse error line N: <text>`.

import { BuilderFlags } from './builder-flags.js';
import { DockerfileError } from './dockerfile-error.js';
import { goQuote } from '../../../../go/quote.js';
import { compareGoStrings, goToLower, goToUpper, trimGoSpace } from './go-text.js';
import { parseHealthConfig } from './healthcheck.js';
import type { ArgDefinition, CommandLine, Instruction, InstructionBase, KeyValue } from './instruction-types.js';
import type { DockerfileNode } from './node.js';

/** Types one node; throws DockerfileError (INSTRUCTION) with Docker's text. */
export function parseInstruction(node: DockerfileNode): Instruction {
  try {
    return build(node);
  } catch (err) {
    if (err instanceof DockerfileError) throw err;
    throw new DockerfileError('INSTRUCTION', (err as Error).message, node.startLine, node.endLine);
  }
}

// buildkit's nodeArgs: ONBUILD's arguments are its trigger's keyword followed by the trigger's arguments.
function nodeArgs(node: DockerfileNode): string[] {
  if (node.trigger !== undefined) return [node.trigger.keyword, ...nodeArgs(node.trigger)];
  return [...node.args];
}

const atLeastOne = (name: string): Error => new Error(`${name} requires at least one argument`);
const exactlyOne = (name: string): Error => new Error(`${name} requires exactly one argument`);
// The source text ends with a period; Docker 20.10.24 prints it without one (docker-reference.md C27).
const noDestination = (name: string): Error =>
  new Error(`${name} requires at least two arguments, but only one was provided. Destination could not be determined`);

function build(node: DockerfileNode): Instruction {
  const args = nodeArgs(node);
  const flags = new BuilderFlags(node.flags);
  const base: InstructionBase = {
    keyword: node.keyword,
    code: trimGoSpace(node.original),
    startLine: node.startLine,
    endLine: node.endLine,
  };
  switch (goToLower(node.keyword)) {
    case 'from': {
      const stageName = buildStageName(args);
      const platform = flags.addString('platform');
      flags.parse();
      return { ...base, kind: 'FROM', image: args[0], stageName, platform: platform.value };
    }
    case 'run': {
      const mount = flags.addStrings('mount');
      flags.parse();
      return { ...base, kind: 'RUN', ...commandLine(args, node.json), mounts: mount.values, flagsUsed: flags.used() };
    }
    case 'cmd':
      flags.parse();
      return { ...base, kind: 'CMD', ...commandLine(args, node.json) };
    case 'entrypoint': {
      flags.parse();
      const { command, prependShell } = commandLine(args, node.json);
      return { ...base, kind: 'ENTRYPOINT', command: command.length === 0 ? null : command, prependShell };
    }
    case 'shell': {
      flags.parse();
      const { command } = commandLine(args, node.json);
      if (command.length === 0) throw atLeastOne('SHELL');
      if (!node.json) throw new Error('SHELL requires the arguments to be in JSON form');
      return { ...base, kind: 'SHELL', shell: command };
    }
    case 'env':
      flags.parse();
      return { ...base, kind: 'ENV', env: keyValues(node.args, 'ENV') };
    case 'label':
      flags.parse();
      return { ...base, kind: 'LABEL', labels: keyValues(node.args, 'LABEL') };
    case 'arg':
      // v0.8 never parses ARG's flags, so unknown ones pass unnoticed.
      return { ...base, kind: 'ARG', args: argDefinitions(args) };
    case 'expose':
      if (args.length === 0) throw atLeastOne('EXPOSE');
      flags.parse();
      return { ...base, kind: 'EXPOSE', ports: [...args].sort(compareGoStrings) };
    case 'workdir':
      if (args.length !== 1) throw exactlyOne('WORKDIR');
      flags.parse();
      return { ...base, kind: 'WORKDIR', path: args[0] };
    case 'user':
      if (args.length !== 1) throw exactlyOne('USER');
      flags.parse();
      return { ...base, kind: 'USER', user: args[0] };
    case 'volume': {
      if (args.length === 0) throw atLeastOne('VOLUME');
      flags.parse();
      const volumes = args.map(trimGoSpace);
      if (volumes.includes('')) throw new Error('VOLUME specified can not be an empty string');
      return { ...base, kind: 'VOLUME', volumes };
    }
    case 'copy':
    case 'add': {
      const kind = goToLower(node.keyword) === 'copy' ? 'COPY' : 'ADD';
      if (args.length < 2) throw noDestination(kind);
      const chown = flags.addString('chown');
      const from = kind === 'COPY' ? flags.addString('from') : undefined;
      const chmod = flags.addString('chmod');
      flags.parse();
      const copyLike = { ...base, sources: args.slice(0, -1), dest: args[args.length - 1], chown: chown.value };
      if (from === undefined) return { ...copyLike, kind: 'ADD', chmod: chmod.value };
      return { ...copyLike, kind: 'COPY', chmod: chmod.value, from: from.value };
    }
    case 'maintainer':
      if (args.length !== 1) throw exactlyOne('MAINTAINER');
      flags.parse();
      return { ...base, kind: 'MAINTAINER', maintainer: args[0] };
    case 'onbuild': {
      if (args.length === 0) throw atLeastOne('ONBUILD');
      flags.parse();
      const trigger = goToUpper(trimGoSpace(args[0]));
      if (trigger === 'ONBUILD') throw new Error('Chaining ONBUILD via `ONBUILD ONBUILD` isn\'t allowed');
      if (trigger === 'MAINTAINER' || trigger === 'FROM') {
        throw new Error(`${trigger} isn't allowed as an ONBUILD trigger`);
      }
      const expression = node.original.replace(/^[\t\n\f\r ]*ONBUILD[\t\n\f\r ]*/i, '');
      return { ...base, kind: 'ONBUILD', expression, trigger };
    }
    case 'stopsignal':
      // Like ARG, v0.8 never parses STOPSIGNAL's flags.
      if (args.length !== 1) throw exactlyOne('STOPSIGNAL');
      return { ...base, kind: 'STOPSIGNAL', signal: args[0] };
    case 'healthcheck':
      return { ...base, kind: 'HEALTHCHECK', health: parseHealthConfig(args, node.json, node.flags) };
    default:
      throw new Error(`unknown instruction: ${goToUpper(node.keyword)}`);
  }
}

// RUN/CMD/ENTRYPOINT: exec form as it is, shell form as one string.
function commandLine(args: readonly string[], json: boolean): CommandLine {
  if (args.length === 0) return { command: [], prependShell: !json };
  return { command: json ? [...args] : [args.join(' ')], prependShell: !json };
}

function buildStageName(args: readonly string[]): string {
  if (args.length === 3 && /^[aA][sS\u017f]$/.test(args[1])) {
    const name = goToLower(args[2]);
    if (!/^[a-z][a-z0-9\-_.]*$/.test(name)) {
      throw new Error(
        `invalid name for build stage: ${goQuote(args[2])}, name can't start with a number or contain symbols`,
      );
    }
    return name;
  }
  if (args.length !== 1) throw new Error('FROM requires either one or three arguments');
  return '';
}

// ENV/LABEL nodes hold key, value, separator triples.
function keyValues(triples: readonly string[], name: 'ENV' | 'LABEL'): KeyValue[] {
  if (triples.length === 0) throw atLeastOne(name);
  const pairs: KeyValue[] = [];
  for (let i = 0; i < triples.length; i += 3) {
    if (triples[i] === '') throw new Error(`${name} names can not be blank`);
    pairs.push({ key: triples[i], value: triples[i + 1] });
  }
  return pairs;
}

function argDefinitions(args: readonly string[]): ArgDefinition[] {
  if (args.length === 0) throw atLeastOne('ARG');
  return args.map((arg) => {
    const eq = arg.indexOf('=');
    if (eq < 0) return { key: arg, value: undefined };
    if (eq === 0) throw new Error('ARG names can not be blank');
    return { key: arg.slice(0, eq), value: arg.slice(eq + 1) };
  });
}
