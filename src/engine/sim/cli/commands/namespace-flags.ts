// The client's and the API's checks of --pid and --uts (docker/cli's parse, runconfig's validateNetMode), with
// their texts; what the daemon does with the modes is namespace-modes.ts.

import { flagString, type ParsedCommand } from '../command-io.js';

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
