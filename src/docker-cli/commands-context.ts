// The context commands (refused by the simulator, parsed so that usage errors and help are docker's), with their
// flags as docker 20.10 defines them. Transcribed from docker/cli v20.10.24 cli/command/context and checked
// against `docker context X --help`.

import type { CommandSpec, FlagSpec } from './flag-spec.js';

// longCreateDescription / longUpdateDescription: two tabwriter tables (minwidth 20, padding 3), then an example
function endpointHelp(verb: 'create' | 'update'): string {
  const table = (rows: [string, string][]) => {
    const width = Math.max(20, ...rows.map(([k]) => k.length + 3));
    return rows.map(([k, v]) => `${k.padEnd(width)}${v}\n`).join('');
  };
  return (
    `${verb === 'create' ? 'Create' : 'Update'} a context\n\nDocker endpoint config:\n\n` +
    table([
      ['NAME', 'DESCRIPTION'],
      ['from', 'Copy named context\'s Docker endpoint configuration'],
      ['host', 'Docker endpoint on which to connect'],
      ['ca', 'Trust certs signed only by this CA'],
      ['cert', 'Path to TLS certificate file'],
      ['key', 'Path to TLS key file'],
      ['skip-tls-verify', 'Skip TLS certificate validation'],
    ]) +
    '\nKubernetes endpoint config:\n\n' +
    table([
      ['NAME', 'DESCRIPTION'],
      ['from', 'Copy named context\'s Kubernetes endpoint configuration'],
      ['config-file', 'Path to a Kubernetes config file'],
      ['context-override', 'Overrides the context set in the kubernetes config file'],
      ['namespace-override', 'Overrides the namespace set in the kubernetes config file'],
    ]) +
    `\nExample:\n\n$ docker context ${verb} my-context --description "some description" --docker "host=tcp://myserver:2376,ca=~/ca-file,cert=~/cert-file,key=~/key-file"\n`
  );
}

const ENDPOINT_FLAGS: readonly FlagSpec[] = [
  { name: 'description', type: 'string', usage: 'Description of the context' },
  { name: 'default-stack-orchestrator', type: 'string', usage: 'Default orchestrator for stack operations to use with this context (swarm|kubernetes|all)' },
  { name: 'docker', type: 'stringToString', usage: 'set the docker endpoint' },
  { name: 'kubernetes', type: 'stringToString', usage: 'set the kubernetes endpoint' },
];

/** context create/export/import/inspect/ls/rm/update/use. */
export const CONTEXT_COMMANDS = {
  'context create': {
    use: 'create [OPTIONS] CONTEXT',
    short: 'Create a context',
    long: endpointHelp('create'),
    args: { kind: 'exact', n: 1 },
    interspersed: true,
    flags: [...ENDPOINT_FLAGS, { name: 'from', type: 'string', usage: 'create context from a named context' }],
  },
  'context export': {
    use: 'export [OPTIONS] CONTEXT [FILE|-]',
    short: 'Export a context to a tar or kubeconfig file',
    args: { kind: 'range', min: 1, max: 2 },
    interspersed: true,
    flags: [{ name: 'kubeconfig', type: 'bool', usage: 'Export as a kubeconfig file' }],
  },
  'context import': {
    use: 'import CONTEXT FILE|-',
    short: 'Import a context from a tar or zip file',
    args: { kind: 'exact', n: 2 },
    interspersed: true,
    flags: [],
  },
  'context inspect': {
    use: 'inspect [OPTIONS] [CONTEXT] [CONTEXT...]',
    short: 'Display detailed information on one or more contexts',
    args: { kind: 'any' },
    interspersed: true,
    flags: [{ name: 'format', short: 'f', type: 'string', usage: 'Format the output using the given Go template' }],
  },
  'context ls': {
    use: 'ls [OPTIONS]',
    short: 'List contexts',
    args: { kind: 'none' },
    interspersed: true,
    flags: [
      { name: 'format', type: 'string', usage: 'Pretty-print contexts using a Go template' },
      { name: 'quiet', short: 'q', type: 'bool', usage: 'Only show context names' },
    ],
  },
  'context rm': {
    use: 'rm CONTEXT [CONTEXT...]',
    short: 'Remove one or more contexts',
    args: { kind: 'min', n: 1 },
    interspersed: true,
    flags: [{ name: 'force', short: 'f', type: 'bool', usage: 'Force the removal of a context in use' }],
  },
  'context update': {
    use: 'update [OPTIONS] CONTEXT',
    short: 'Update a context',
    long: endpointHelp('update'),
    args: { kind: 'exact', n: 1 },
    interspersed: true,
    flags: ENDPOINT_FLAGS,
  },
  'context use': {
    use: 'use CONTEXT',
    short: 'Set the current docker context',
    args: { kind: 'cobra-exact', n: 1 },
    interspersed: true,
    flags: [],
  },
} satisfies Record<string, CommandSpec>;
