// The network commands (refused by the simulator, parsed so that usage errors and help are docker's), with their
// flags as docker 20.10 defines them. Transcribed from docker/cli v20.10.24 cli/command/network and checked
// against `docker network X --help`.

import type { CommandSpec } from './flag-spec.js';

/** network connect/create/disconnect/inspect/ls/prune/rm. */
export const NETWORK_COMMANDS = {
  'network connect': {
    use: 'connect [OPTIONS] NETWORK CONTAINER',
    short: 'Connect a container to a network',
    args: { kind: 'exact', n: 2 },
    interspersed: true,
    flags: [
      { name: 'ip', type: 'string', usage: 'IPv4 address (e.g., 172.30.100.104)' },
      { name: 'ip6', type: 'string', usage: 'IPv6 address (e.g., 2001:db8::33)' },
      { name: 'link', type: 'list', check: 'link', usage: 'Add link to another container' },
      { name: 'alias', type: 'stringSlice', usage: 'Add network-scoped alias for the container' },
      { name: 'link-local-ip', type: 'stringSlice', usage: 'Add a link-local address for the container' },
      { name: 'driver-opt', type: 'stringSlice', usage: 'driver options for the network' },
    ],
  },
  'network create': {
    use: 'create [OPTIONS] NETWORK',
    short: 'Create a network',
    args: { kind: 'exact', n: 1 },
    interspersed: true,
    flags: [
      { name: 'driver', short: 'd', type: 'string', def: 'bridge', usage: 'Driver to manage the Network' },
      { name: 'opt', short: 'o', type: 'map', usage: 'Set driver specific options' },
      { name: 'label', type: 'list', check: 'label', usage: 'Set metadata on a network' },
      { name: 'internal', type: 'bool', usage: 'Restrict external access to the network' },
      { name: 'ipv6', type: 'bool', usage: 'Enable IPv6 networking' },
      { name: 'attachable', type: 'bool', usage: 'Enable manual container attachment' },
      { name: 'ingress', type: 'bool', usage: 'Create swarm routing-mesh network' },
      { name: 'scope', type: 'string', usage: 'Control the network\'s scope' },
      { name: 'config-only', type: 'bool', usage: 'Create a configuration only network' },
      { name: 'config-from', type: 'string', usage: 'The network from which to copy the configuration' },
      { name: 'ipam-driver', type: 'string', def: 'default', usage: 'IP Address Management Driver' },
      { name: 'subnet', type: 'stringSlice', usage: 'Subnet in CIDR format that represents a network segment' },
      { name: 'ip-range', type: 'stringSlice', usage: 'Allocate container ip from a sub-range' },
      { name: 'gateway', type: 'stringSlice', usage: 'IPv4 or IPv6 Gateway for the master subnet' },
      { name: 'aux-address', type: 'map', usage: 'Auxiliary IPv4 or IPv6 addresses used by Network driver' },
      { name: 'ipam-opt', type: 'map', usage: 'Set IPAM driver specific options' },
    ],
  },
  'network disconnect': {
    use: 'disconnect [OPTIONS] NETWORK CONTAINER',
    short: 'Disconnect a container from a network',
    args: { kind: 'exact', n: 2 },
    interspersed: true,
    flags: [
      { name: 'force', short: 'f', type: 'bool', usage: 'Force the container to disconnect from a network' },
    ],
  },
  'network inspect': {
    use: 'inspect [OPTIONS] NETWORK [NETWORK...]',
    short: 'Display detailed information on one or more networks',
    args: { kind: 'min', n: 1 },
    interspersed: true,
    flags: [
      { name: 'format', short: 'f', type: 'string', usage: 'Format the output using the given Go template' },
      { name: 'verbose', short: 'v', type: 'bool', usage: 'Verbose output for diagnostics' },
    ],
  },
  'network ls': {
    use: 'ls [OPTIONS]',
    short: 'List networks',
    args: { kind: 'none' },
    interspersed: true,
    flags: [
      { name: 'quiet', short: 'q', type: 'bool', usage: 'Only display network IDs' },
      { name: 'no-trunc', type: 'bool', usage: 'Do not truncate the output' },
      { name: 'format', type: 'string', usage: 'Pretty-print networks using a Go template' },
      { name: 'filter', short: 'f', type: 'filter', usage: 'Provide filter values (e.g. \'driver=bridge\')' },
    ],
  },
  'network prune': {
    use: 'prune [OPTIONS]',
    short: 'Remove all unused networks',
    args: { kind: 'none' },
    interspersed: true,
    flags: [
      { name: 'force', short: 'f', type: 'bool', usage: 'Do not prompt for confirmation' },
      { name: 'filter', type: 'filter', usage: 'Provide filter values (e.g. \'until=<timestamp>\')' },
    ],
  },
  'network rm': {
    use: 'rm NETWORK [NETWORK...]',
    short: 'Remove one or more networks',
    args: { kind: 'min', n: 1 },
    interspersed: true,
    flags: [],
  },
} satisfies Record<string, CommandSpec>;
