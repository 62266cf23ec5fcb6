// The swarm commands (refused by the simulator, parsed so that usage errors and help are docker's), with their
// flags as docker 20.10 defines them. Transcribed from docker/cli v20.10.24 cli/command/swarm and checked
// against `docker swarm X --help`.

import type { CommandSpec, FlagSpec } from './flag-spec.js';

// addSwarmFlags (opts.go): shared by init and update
const SWARM_FLAGS: readonly FlagSpec[] = [
  { name: 'task-history-limit', type: 'int64', def: '5', usage: 'Task history retention limit' },
  { name: 'dispatcher-heartbeat', type: 'duration', def: '5s', usage: 'Dispatcher heartbeat period (ns|us|ms|s|m|h)' },
  { name: 'max-snapshots', type: 'uint64', usage: 'Number of additional Raft snapshots to retain' },
  { name: 'snapshot-interval', type: 'uint64', def: '10000', usage: 'Number of log entries between Raft snapshots' },
];

// addSwarmCAFlags (opts.go): shared by ca, init and update
const CA_FLAGS: readonly FlagSpec[] = [
  { name: 'cert-expiry', type: 'duration', def: '2160h0m0s', usage: 'Validity period for node certificates (ns|us|ms|s|m|h)' },
  { name: 'external-ca', type: 'external-ca', usage: 'Specifications of one or more certificate signing endpoints' },
];

const LISTEN_ADDR: FlagSpec = { name: 'listen-addr', type: 'node-addr', def: '0.0.0.0:2377', usage: 'Listen address (format: <ip|interface>[:port])' };
const ADVERTISE_ADDR: FlagSpec = { name: 'advertise-addr', type: 'string', usage: 'Advertised address (format: <ip|interface>[:port])' };
const DATA_PATH_ADDR: FlagSpec = { name: 'data-path-addr', type: 'string', usage: 'Address or interface to use for data path traffic (format: <ip|interface>)' };
const AVAILABILITY: FlagSpec = { name: 'availability', type: 'string', def: 'active', usage: 'Availability of the node ("active"|"pause"|"drain")' };

/** swarm ca/init/join/join-token/leave/unlock/unlock-key/update. */
export const SWARM_COMMANDS = {
  'swarm ca': {
    use: 'ca [OPTIONS]',
    short: 'Display and rotate the root CA',
    args: { kind: 'none' },
    interspersed: true,
    flags: [
      ...CA_FLAGS,
      { name: 'rotate', type: 'bool', usage: 'Rotate the swarm CA - if no certificate or key are provided, new ones will be generated' },
      { name: 'ca-cert', type: 'pem-file', usage: 'Path to the PEM-formatted root CA certificate to use for the new cluster' },
      { name: 'ca-key', type: 'pem-file', usage: 'Path to the PEM-formatted root CA key to use for the new cluster' },
      { name: 'detach', short: 'd', type: 'bool', usage: 'Exit immediately instead of waiting for the root rotation to converge' },
      { name: 'quiet', short: 'q', type: 'bool', usage: 'Suppress progress output' },
    ],
  },
  'swarm init': {
    use: 'init [OPTIONS]',
    short: 'Initialize a swarm',
    args: { kind: 'none' },
    interspersed: true,
    flags: [
      LISTEN_ADDR,
      ADVERTISE_ADDR,
      DATA_PATH_ADDR,
      { name: 'data-path-port', type: 'uint32', usage: 'Port number to use for data path traffic (1024 - 49151). If no value is set or is set to 0, the default port (4789) is used.' },
      { name: 'force-new-cluster', type: 'bool', usage: 'Force create a new cluster from current state' },
      { name: 'autolock', type: 'bool', usage: 'Enable manager autolocking (requiring an unlock key to start a stopped manager)' },
      AVAILABILITY,
      { name: 'default-addr-pool', type: 'ipNetSlice', usage: 'default address pool in CIDR format' },
      { name: 'default-addr-pool-mask-length', type: 'uint32', def: '24', usage: 'default address pool subnet mask length' },
      ...SWARM_FLAGS,
      ...CA_FLAGS,
    ],
  },
  'swarm join': {
    use: 'join [OPTIONS] HOST:PORT',
    short: 'Join a swarm as a node and/or manager',
    args: { kind: 'exact', n: 1 },
    interspersed: true,
    flags: [
      LISTEN_ADDR,
      ADVERTISE_ADDR,
      DATA_PATH_ADDR,
      { name: 'token', type: 'string', usage: 'Token for entry into the swarm' },
      AVAILABILITY,
    ],
  },
  'swarm join-token': {
    use: 'join-token [OPTIONS] (worker|manager)',
    short: 'Manage join tokens',
    args: { kind: 'exact', n: 1 },
    interspersed: true,
    flags: [
      { name: 'rotate', type: 'bool', usage: 'Rotate join token' },
      { name: 'quiet', short: 'q', type: 'bool', usage: 'Only display token' },
    ],
  },
  'swarm leave': {
    use: 'leave [OPTIONS]',
    short: 'Leave the swarm',
    args: { kind: 'none' },
    interspersed: true,
    flags: [{ name: 'force', short: 'f', type: 'bool', usage: 'Force this node to leave the swarm, ignoring warnings' }],
  },
  'swarm unlock': {
    use: 'unlock',
    short: 'Unlock swarm',
    args: { kind: 'none' },
    interspersed: true,
    flags: [],
  },
  'swarm unlock-key': {
    use: 'unlock-key [OPTIONS]',
    short: 'Manage the unlock key',
    args: { kind: 'none' },
    interspersed: true,
    flags: [
      { name: 'rotate', type: 'bool', usage: 'Rotate unlock key' },
      { name: 'quiet', short: 'q', type: 'bool', usage: 'Only display token' },
    ],
  },
  'swarm update': {
    use: 'update [OPTIONS]',
    short: 'Update the swarm',
    args: { kind: 'none' },
    interspersed: true,
    flags: [
      { name: 'autolock', type: 'bool', usage: 'Change manager autolocking setting (true|false)' },
      ...SWARM_FLAGS,
      ...CA_FLAGS,
    ],
  },
} satisfies Record<string, CommandSpec>;
