// The client's and the API's checks of --pid, --uts and of --link/--network-alias against --network
// (docker/cli's parse and parseNetworkOpts, runconfig's validateNetMode), with their texts; what the daemon does
// with the modes is namespace-modes.ts.

import { flagList, flagString, type ParsedCommand } from '../command-io.js';

/** The client's refusal of a --pid or --uts value it does not know (PidMode.Valid, UTSMode.Valid), or null. */
export function namespaceFlagError(cmd: ParsedCommand): string | null {
  const pid = (flagString(cmd, 'pid') ?? '').split(':');
  const pidValid = pid[0] === '' || pid[0] === 'host' || (pid[0] === 'container' && pid.length === 2 && pid[1] !== '');
  if (!pidValid) return '--pid: invalid PID mode';
  const uts = (flagString(cmd, 'uts') ?? '').split(':')[0];
  if (uts !== '' && uts !== 'host') return '--uts: invalid UTS mode';
  return null;
}

/** The API's refusal of a hostname with the host's UTS namespace, or null. */
export function namespaceConflict(cmd: ParsedCommand): string | null {
  if (flagString(cmd, 'uts') === 'host' && (flagString(cmd, 'hostname') ?? '') !== '') return 'conflicting options: hostname and the UTS mode';
  return null;
}

/**
 * parseNetworkOpts: with --network given, its first network takes --network-alias and --link, which only a
 * user-defined network has (the default bridge's legacy links are for a run without --network). Null when fine.
 */
export function networkOptionError(cmd: ParsedCommand): string | null {
  if (!cmd.flagsSet.has('network')) return null;
  const network = flagString(cmd, 'network') ?? '';
  const userDefined = !['default', 'bridge', 'host', 'none'].includes(network) && !network.startsWith('container:');
  if (userDefined) return null;
  if (flagList(cmd, 'network-alias').length > 0) return 'network-scoped aliases are only supported for user-defined networks';
  if (flagList(cmd, 'link').length > 0) return 'links are only supported for user-defined networks';
  return null;
}
